/**
 * The minimum representation cost of 1-D interpolation (Savarese, Evron, Soudry, Srebro, COLT
 * 2019, for the cost R(f) = max(int |f''|, |f'(-inf) + f'(+inf)|); the closed form for data is the
 * toolkit's own derivation, LITERATURE-B 3.2).
 *
 * Hypotheses: n >= 2 data points (x_k, y_k) with distinct x_k.
 * Claim: with the data sorted, s_k = (y_{k+1} - y_k)/(x_{k+1} - x_k), TV = sum |s_{k+1} - s_k| and
 * B0 = s_1 + s_{n-1}, the least R(f) over interpolating CPWL f is R* = TV if |B0| <= TV, else
 * (TV + |B0|)/2, and minCostInterpolant's net attains it (path norm R*).
 *
 * Check: all data with x a subset of {0, 1, 2, 3} and y in {-1, 0, 1}^n, n = 2..size. Besides the
 * formula, an exact LP minimises R(f) over every spline with knots on a finer grid (the data,
 * the midpoints, and one point beyond each end): a value below R* would refute the lower bound,
 * a value above it the construction.
 */
import fc from 'fast-check';
import { minCostInterpolant, minimize, pathNorm, Rational, writeReluNet } from 'relu-exact';
import { defineTheorem, makeCertificate, rational } from 'relu-exact/arbitraries';
import { subsetsOf } from './lib/combinatorics.js';

interface Instance {
  readonly x: Rational[];
  readonly y: Rational[];
}

const R = (n: number): Rational => Rational.of(n);

function instances(size: number): Instance[] {
  const out: Instance[] = [];
  for (let n = 2; n <= size; n++) {
    for (const x of subsetsOf([0, 1, 2, 3].map(R), n)) {
      for (let code = 0; code < 3 ** n; code++) out.push({ x, y: Array.from({ length: n }, (_, k) => R((Math.floor(code / 3 ** k) % 3) - 1)) });
    }
  }
  return out;
}

/**
 * min over splines with knots at `knots` interpolating the data of max(sum |c_g|, |2A + sum c_g|),
 * with A = f'(-inf). Variables (u, A, c_1..c_G, e_1..e_G, t): f(x) = u + A (x - x_1) + sum c_g relu(x - g).
 */
export function gridLpCost(x: readonly Rational[], y: readonly Rational[], knots: readonly Rational[]): Rational {
  const G = knots.length;
  const N = 2 * G + 3;
  const zero = (): Rational[] => new Array<Rational>(N).fill(Rational.ZERO);
  const rows: Rational[][] = [];
  const rhs: Rational[] = [];
  const add = (row: Rational[], b: Rational): void => {
    rows.push(row);
    rhs.push(b);
  };
  x.forEach((xi, i) => {
    const row = zero();
    row[0] = Rational.ONE;
    row[1] = xi.sub(x[0]);
    knots.forEach((g, k) => (row[2 + k] = xi.cmp(g) > 0 ? xi.sub(g) : Rational.ZERO));
    add(row, y[i]);
    add(row.map((r) => r.neg()), y[i].neg());
  });
  for (let k = 0; k < G; k++) {
    for (const s of [1, -1]) {
      const row = zero(); // s c_k - e_k <= 0
      row[2 + k] = R(s);
      row[2 + G + k] = R(-1);
      add(row, Rational.ZERO);
    }
  }
  const t = N - 1;
  const sumE = zero(); // sum e - t <= 0
  for (let k = 0; k < G; k++) sumE[2 + G + k] = Rational.ONE;
  sumE[t] = R(-1);
  add(sumE, Rational.ZERO);
  for (const s of [1, -1]) {
    const row = zero(); // s (2A + sum c) - t <= 0
    row[1] = R(2 * s);
    for (let k = 0; k < G; k++) row[2 + k] = R(s);
    row[t] = R(-1);
    add(row, Rational.ZERO);
  }
  const objective = zero();
  objective[t] = Rational.ONE;
  const r = minimize(objective, rows, rhs);
  if (r.status !== 'optimal') throw new Error(`gridLpCost: the LP is ${r.status}`);
  return r.value;
}

function finerKnots(sorted: readonly Rational[]): Rational[] {
  const mids = sorted.slice(1).map((b, k) => b.add(sorted[k]).div(R(2)));
  return [sorted[0].sub(Rational.ONE), ...sorted, ...mids, sorted[sorted.length - 1].add(Rational.ONE)].sort((a, b) => a.cmp(b));
}

export const minCostInterpolantTheorem = defineTheorem<Instance>({
  name: 'min-cost-interpolant',
  title: 'Least cost of a 1-D interpolant: R* = TV if |B0| <= TV, else (TV + |B0|)/2',
  statement: {
    hypotheses: ['n >= 2 points (x_k, y_k), x_k distinct'],
    claim: 'min over interpolating CPWL f of max(int |f\'\'|, |f\'(-inf) + f\'(+inf)|) is R* (TV if |B0| <= TV, else (TV + |B0|)/2), attained by minCostInterpolant\'s net (path norm R*)',
  },
  source: "Savarese, Evron, Soudry, Srebro, How do infinite width bounded norm networks look in function space?, COLT 2019 (R(f)); the closed form R* for data is the toolkit's own derivation, LITERATURE-B 3.2",
  size: { default: 3, min: 2, max: 4, meaning: 'largest number of points n' },
  kinds: ['min-cost-interpolant'],
  instancesAre: 'all x subset of {0,1,2,3} with 2 <= n <= size points and y in {-1,0,1}^n',
  instances,
  arbitrary: (size) =>
    fc.uniqueArray(rational({ maxNumerator: 4, maxDenominator: 2 }), { minLength: 2, maxLength: size, selector: (r) => r.toString() }).chain((x) =>
      fc.array(rational({ maxNumerator: 3, maxDenominator: 2 }), { minLength: x.length, maxLength: x.length }).map((y) => ({ x, y })),
    ),
  check({ x, y }) {
    const fit = minCostInterpolant(x, y);
    // A constant fit comes as the width-0 net (one affine layer), whose path norm is 0.
    const cost = fit.net.layers.length === 1 ? Rational.ZERO : pathNorm(fit.net);
    const lp = gridLpCost(fit.x, fit.y, finerKnots(fit.x));
    const problems: string[] = [];
    if (!fit.cost.eq(cost)) problems.push(`minCostInterpolant reports cost ${fit.cost} but its net has path norm ${cost}`);
    if (!lp.eq(fit.cost)) problems.push(`an exact LP over splines with knots at the data, the midpoints and beyond the ends gives ${lp}, not R* = ${fit.cost}`);
    return {
      certificate: makeCertificate('min-cost-interpolant', { x, y }, { kind: 'min-cost-interpolant', cost, expected: fit.cost, holds: cost.eq(fit.cost) }, { net: writeReluNet(fit.net) }),
      problems,
    };
  },
});
