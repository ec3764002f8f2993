/**
 * Uniqueness sets for smooth shallow nets in 1-D (LITERATURE-A 4.5, tagged [D] there; the
 * derivation is repeated here and its identity is tested, tests/unit/smooth.test.ts).
 *
 * Let f, g have at most m neurons each (output biases allowed) and write f - g = C0 + sum_j
 * alpha_j s(z_j), j over the n <= 2m neurons of both (alpha = a for f, -a for g), z_j = w_j x + b_j.
 * - tanh: with u_j = e^(2 z_j), tanh z_j = (u_j - 1) / (u_j + 1). Multiplying by
 *   P = prod_j (1 + u_j) > 0 gives a multilinear polynomial in the u_j:
 *     (f - g) P = sum_{T subset [n]} (C0 + sum_{j in T} alpha_j - sum_{j not in T} alpha_j) prod_{k in T} u_k,
 *   and prod_T u_k = e^(2 sum_T b_k) e^(2 (sum_T w_k) x): an exponential sum with at most 2^n
 *   distinct exponents lambda_T = 2 sum_T w_k.
 * - sigmoid: with u_j = e^(z_j), s(z_j) = u_j / (1 + u_j), and the coefficient of prod_T u_k is
 *   C0 + sum_{j in T} alpha_j, exponents lambda_T = sum_T w_k.
 * A real exponential sum with M distinct exponents, not identically zero, has at most M - 1 real
 * zeros (induction on M: divide by the first exponential and differentiate; Rolle). So if f = g at
 * 2^n <= 2^(2m) distinct points, the merged sum vanishes identically, hence f = g everywhere:
 * ANY 2^(2m) distinct reals form a uniqueness set for nets of width <= m. (A loose bound: a net of
 * width m has 3m + 1 parameters.)
 */
import { Decimal } from 'decimal.js';
import { UsageError } from '../../core/errors.js';
import { Rational } from '../../field/rational.js';
import { decimalContext, type SmoothNet } from './smooth-net.js';

/** 2^(2m): the size of the uniqueness set for width m. */
export function uniquenessSetSize(m: number): number {
  if (!Number.isInteger(m) || m < 0 || m > 26) throw new UsageError(`uniquenessSetSize: m must be an integer in [0, 26], got ${m}`);
  return 4 ** m;
}

/** 2^(2m) equally spaced rationals from lo to hi (any distinct points would do). */
export function uniquenessSet(m: number, range: { lo?: Rational; hi?: Rational } = {}): Rational[] {
  const N = uniquenessSetSize(m);
  const lo = range.lo ?? Rational.of(-2);
  const hi = range.hi ?? Rational.of(2);
  if (N === 1) return [lo];
  return Array.from({ length: N }, (_, k) => lo.add(hi.sub(lo).mul(Rational.of(k, N - 1))));
}

export interface ExponentialSum {
  /** Distinct exponents lambda (ascending) with their coefficients: the function is sum coef e^(lambda x). */
  readonly terms: readonly { readonly lambda: Decimal; readonly coef: Decimal }[];
  /** How many subsets T were merged into them (2^n). */
  readonly subsets: number;
}

/** (f - g) prod_j (1 + u_j) as an exponential sum, computed to `digits` significant digits. */
export function differenceAsExponentialSum(f: SmoothNet, g: SmoothNet, digits = 50): ExponentialSum {
  if (f.activation !== g.activation) throw new UsageError('differenceAsExponentialSum: both nets need the same activation');
  const D = decimalContext(digits);
  const neurons = [...f.neurons.map((n) => ({ ...n, alpha: new D(n.a) })), ...g.neurons.map((n) => ({ ...n, alpha: new D(n.a).neg() }))];
  const n = neurons.length;
  if (n > 20) throw new UsageError(`differenceAsExponentialSum: ${n} neurons give 2^${n} subsets; at most 20`);
  const tanh = f.activation === 'tanh';
  const scale = tanh ? 2 : 1;
  const C0 = new D(f.c).sub(g.c);
  const merged = new Map<string, { lambda: Decimal; coef: Decimal }>();
  for (let mask = 0; mask < 1 << n; mask++) {
    let coef = C0;
    let lambda = new D(0);
    let shift = new D(0);
    neurons.forEach((nr, j) => {
      const inT = ((mask >> j) & 1) === 1;
      if (inT) {
        lambda = lambda.add(nr.w);
        shift = shift.add(nr.b);
      }
      coef = inT ? coef.add(nr.alpha) : tanh ? coef.sub(nr.alpha) : coef;
    });
    lambda = lambda.mul(scale);
    const term = coef.mul(D.exp(shift.mul(scale)));
    const key = lambda.toString();
    const prior = merged.get(key);
    merged.set(key, { lambda, coef: prior === undefined ? term : prior.coef.add(term) });
  }
  return { terms: [...merged.values()].sort((p, q) => p.lambda.cmp(q.lambda)), subsets: 1 << n };
}

export function evaluateExponentialSum(sum: ExponentialSum, x: Decimal | number | string, digits = 50): Decimal {
  const D = decimalContext(digits);
  const X = new D(x);
  return sum.terms.reduce((acc, t) => acc.add(new D(t.coef).mul(D.exp(new D(t.lambda).mul(X)))), new D(0));
}
