/**
 * Shallow univariate networks with a smooth activation, f(x) = c + sum_j a_j s(w_j x + b_j) with
 * s = tanh or the logistic sigmoid 1 / (1 + e^-z): the analytic case of finite-sample
 * identification (LITERATURE-A 4.5). Parameters are kept as decimal.js numbers, so a net can be
 * evaluated in float64 (`evaluateSmoothFloat`) or to any number of significant digits
 * (`evaluateSmooth`). Their symmetries: permuting neurons, and the sign flip
 * (a, w, b) -> (-a, -w, -b), which for the sigmoid also moves c by a (s(-z) = 1 - s(z)).
 */
import { Decimal } from 'decimal.js';
import { UsageError } from '../../core/errors.js';
import { Rational } from '../../field/rational.js';

export type SmoothActivation = 'tanh' | 'sigmoid';

/** Wide enough that sums and differences of stored parameters are exact. */
const WIDE = Decimal.clone({ precision: 2000 });

export interface SmoothNeuron {
  readonly a: Decimal;
  readonly w: Decimal;
  readonly b: Decimal;
}

export interface SmoothNet {
  readonly activation: SmoothActivation;
  readonly neurons: readonly SmoothNeuron[];
  readonly c: Decimal;
}

type Num = number | string | Decimal;
/** A point: a number, a decimal string, a Decimal, or an exact rational. */
export type SmoothInput = Num | Rational;

/** The point in the context D (a rational is divided out at D's precision). */
export function toDecimal(D: typeof Decimal, x: SmoothInput): Decimal {
  return x instanceof Rational ? new D(x.num.toString()).div(x.den.toString()) : new D(x);
}

/** A smooth net from numbers (JS numbers are read by their shortest decimal text, as in FORMATS.md). */
export function createSmoothNet(activation: SmoothActivation, neurons: readonly { a: Num; w: Num; b: Num }[], c: Num = 0): SmoothNet {
  if (activation !== 'tanh' && activation !== 'sigmoid') throw new UsageError(`createSmoothNet: activation must be 'tanh' or 'sigmoid', got ${JSON.stringify(activation)}`);
  const d = (x: Num, what: string): Decimal => {
    const v = new Decimal(x);
    if (!v.isFinite()) throw new UsageError(`createSmoothNet: ${what} is not a finite number (${String(x)})`);
    return v;
  };
  return { activation, neurons: neurons.map((n, j) => ({ a: d(n.a, `neurons[${j}].a`), w: d(n.w, `neurons[${j}].w`), b: d(n.b, `neurons[${j}].b`) })), c: d(c, 'c') };
}

/** A decimal.js constructor working to `digits` significant digits. */
export function decimalContext(digits: number): typeof Decimal {
  if (!Number.isInteger(digits) || digits < 5 || digits > 10_000) throw new UsageError(`decimalContext: digits must be an integer in [5, 10000], got ${digits}`);
  return Decimal.clone({ precision: digits, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
}

/** s(z) in the context D. */
export function activate(D: typeof Decimal, activation: SmoothActivation, z: Decimal): Decimal {
  if (activation === 'tanh') return D.tanh(z);
  return new D(1).div(new D(1).add(D.exp(z.neg())));
}

/** s'(z) = 1 - tanh^2 (tanh) or s (1 - s) (sigmoid). */
export function activateDerivative(D: typeof Decimal, activation: SmoothActivation, z: Decimal): Decimal {
  const s = activate(D, activation, z);
  return activation === 'tanh' ? new D(1).sub(s.mul(s)) : s.mul(new D(1).sub(s));
}

/** f(x) to `digits` significant digits (default 50). */
export function evaluateSmooth(net: SmoothNet, x: SmoothInput, digits = 50): Decimal {
  const D = decimalContext(digits);
  const X = toDecimal(D, x);
  return net.neurons.reduce((acc, n) => acc.add(new D(n.a).mul(activate(D, net.activation, new D(n.w).mul(X).add(n.b)))), new D(net.c));
}

/** f(x) in float64. */
export function evaluateSmoothFloat(net: SmoothNet, x: number): number {
  const s = net.activation === 'tanh' ? Math.tanh : (z: number): number => 1 / (1 + Math.exp(-z));
  return net.neurons.reduce((acc, n) => acc + n.a.toNumber() * s(n.w.toNumber() * x + n.b.toNumber()), net.c.toNumber());
}

/**
 * The representative of the net's symmetry class: every neuron flipped to w > 0 (the sign flip;
 * for the sigmoid c absorbs a_j), then the neurons sorted by (w, b, a). Two irreducible nets
 * compute the same function iff their representatives are equal (Sussmann 1992 for tanh, recalled
 * [R] in LITERATURE-A 4.5, not proved here).
 */
export function canonicalSmoothNet(net: SmoothNet): SmoothNet {
  let c = net.c;
  const neurons = net.neurons.map((n) => {
    if (n.w.gte(0)) return n;
    if (net.activation === 'sigmoid') c = new WIDE(c).add(n.a);
    return { a: n.a.neg(), w: n.w.neg(), b: n.b.neg() };
  });
  neurons.sort((p, q) => p.w.cmp(q.w) || p.b.cmp(q.b) || p.a.cmp(q.a));
  return { activation: net.activation, neurons, c };
}

/** The largest absolute difference of corresponding parameters of two nets' representatives (same width). */
export function parameterDistance(p: SmoothNet, q: SmoothNet): Decimal {
  if (p.neurons.length !== q.neurons.length || p.activation !== q.activation) throw new UsageError('parameterDistance: the nets need the same activation and width');
  const [P, Q] = [canonicalSmoothNet(p), canonicalSmoothNet(q)];
  let d = new WIDE(P.c).sub(Q.c).abs();
  P.neurons.forEach((n, j) => {
    const o = Q.neurons[j];
    for (const k of ['a', 'w', 'b'] as const) d = WIDE.max(d, new WIDE(n[k]).sub(o[k]).abs());
  });
  return d;
}
