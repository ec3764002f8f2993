/**
 * Exact quotient coordinates of shallow nets with a positively homogeneous activation
 * (LITERATURE-A 5.2, the "RS reparameterisation" as the toolkit reconstructs it [D]; the paper's
 * own formulas were not available): for sigma(a z) = a^k sigma(z), a > 0, the rescaling
 * (w, b, v) -> (a w, a b, a^-k v) leaves v sigma(w . x + b) unchanged, and its orbit is named by
 *   unit normal omega = w / |w|,  signed offset beta = -b / |w|,  amplitude mu = v |w|^k,
 * so that v sigma(w . x + b) = mu sigma(omega . x - beta). In 1-D these are the spline
 * coordinates of Paper 1 (beta = -b / |w| there is s times the breakpoint -b / w).
 *
 * Exactness: with rational weights |w|^2 is rational and |w| = q sqrt(r) (surd.ts); omega and
 * beta are rational multiples of sqrt(r), mu is rational for even k and a rational multiple of
 * sqrt(r) for odd k. So every coordinate is exact, and rational exactly when r = 1: always in
 * 1-D, and in higher dimension when |w| is rational (Pythagorean weights, (3, 4) -> 5).
 */
import { DimensionError, UsageError } from '../core/errors.js';
import { Rational } from '../field/rational.js';
import { inputDim, isShallowScalar, type ReluNet } from '../network/relu-net.js';
import { Surd } from './surd.js';

/** The positively homogeneous activations, exactly: relu (k = 1), leaky relu with a rational slope (k = 1), relu^p (k = p). */
export type HomogeneousActivation = { readonly name: 'relu' } | { readonly name: 'leaky-relu'; readonly slope: Rational } | { readonly name: 'relu-power'; readonly power: number };

export const RELU_EXACT: HomogeneousActivation = { name: 'relu' };

/** The degree k of positive homogeneity. */
export function homogeneityDegree(a: HomogeneousActivation): number {
  if (a.name === 'relu-power') {
    if (!Number.isInteger(a.power) || a.power < 1) throw new UsageError(`relu-power: the power must be an integer >= 1, got ${a.power}`);
    return a.power;
  }
  return 1;
}

/** sigma(z) exactly. */
export function evaluateHomogeneous(a: HomogeneousActivation, z: Rational): Rational {
  if (z.sign() > 0) return a.name === 'relu-power' ? power(z, a.power) : z;
  return a.name === 'leaky-relu' ? a.slope.mul(z) : Rational.ZERO;
}

function power(z: Rational, k: number): Rational {
  let out = Rational.ONE;
  for (let i = 0; i < k; i++) out = out.mul(z);
  return out;
}

export interface QuotientNeuron {
  /** |w| (exact; rational iff its radicand is 1). */
  readonly norm: Surd;
  readonly omega: Surd[];
  readonly beta: Surd;
  readonly mu: Surd;
}

export interface QuotientCoordinates {
  readonly degree: number;
  /** Per neuron; null where w = 0 (the neuron is the constant v sigma(b)). */
  readonly neurons: (QuotientNeuron | null)[];
  /** The output bias c. */
  readonly c: Rational;
  /** c plus the constants v sigma(b) of the w = 0 neurons. */
  readonly offset: Rational;
  /** True when every coordinate is rational. */
  readonly rational: boolean;
}

/** The quotient coordinates of one neuron v sigma(w . x + b), w != 0. */
export function quotientNeuron(w: readonly Rational[], b: Rational, v: Rational, degree: number): QuotientNeuron {
  const norm = Surd.sqrt(w.reduce((acc, x) => acc.add(x.mul(x)), Rational.ZERO));
  if (norm.sign() === 0) throw new UsageError('quotientNeuron: w = 0 has no quotient coordinates (the neuron is a constant)');
  const inv = norm.inv();
  return { norm, omega: w.map((x) => inv.scale(x)), beta: inv.scale(b.neg()), mu: norm.pow(degree).scale(v) };
}

/**
 * The quotient coordinates of f(x) = c + sum_j v_j sigma(w_j . x + b_j) (W: one row w_j per
 * neuron, any input dimension).
 */
export function quotientCoordinates(W: readonly (readonly Rational[])[], b: readonly Rational[], v: readonly Rational[], c: Rational, activation: HomogeneousActivation = RELU_EXACT): QuotientCoordinates {
  if (b.length !== W.length || v.length !== W.length) throw new DimensionError('quotientCoordinates', `W has ${W.length} rows, b ${b.length} entries, v ${v.length}`);
  const degree = homogeneityDegree(activation);
  let offset = c;
  const neurons = W.map((w, j) => {
    if (w.every((x) => x.isZero())) {
      offset = offset.add(v[j].mul(evaluateHomogeneous(activation, b[j])));
      return null;
    }
    return quotientNeuron(w, b[j], v[j], degree);
  });
  const rational = neurons.every((n) => n === null || (n.beta.isRational() && n.mu.isRational() && n.omega.every((o) => o.isRational())));
  return { degree, neurons, c, offset, rational };
}

/** The quotient coordinates of a shallow scalar net of relu-net/1 weights read with this activation. */
export function quotientCoordinatesOfNet(net: ReluNet<Rational>, activation: HomogeneousActivation = RELU_EXACT): QuotientCoordinates {
  if (!isShallowScalar(net)) throw new DimensionError('quotientCoordinatesOfNet', `needs a shallow net with one output; this one has ${net.layers.length} layer(s)`);
  const [hidden, out] = net.layers;
  const d = inputDim(net);
  return quotientCoordinates(
    hidden.W.rows.map((row) => row.slice(0, d)),
    hidden.b.slice(),
    out.W.row(0),
    out.b[0],
    activation,
  );
}

/**
 * f(x) from the quotient coordinates, exactly: offset + sum_j mu_j sigma(omega_j . x - beta_j).
 * With |w| = q sqrt r, omega . x - beta = rho sqrt r for a rational rho, and homogeneity gives
 * mu sigma(rho sqrt r) = mu (sqrt r)^k sigma(rho), a rational.
 */
export function evaluateQuotient(coords: QuotientCoordinates, x: readonly Rational[], activation: HomogeneousActivation = RELU_EXACT): Rational {
  const k = coords.degree;
  return coords.neurons.reduce((acc, n) => {
    if (n === null) return acc;
    if (n.omega.length !== x.length) throw new DimensionError('evaluateQuotient', `the point has ${x.length} coordinates, the net ${n.omega.length} inputs`);
    // omega and beta are rational multiples of sqrt(r), r the radicand of |w|
    const r = n.norm.radicand;
    const rho = n.omega.reduce((s, o, i) => s.add(coefficientOver(o, r).mul(x[i])), coefficientOver(n.beta, r).neg());
    return acc.add(n.mu.mul(Surd.of(Rational.ONE, r).pow(k)).toRational().mul(evaluateHomogeneous(activation, rho)));
  }, coords.offset);
}

/** c with s = c sqrt(r) (s = 0, or its radicand is r). */
function coefficientOver(s: Surd, r: bigint): Rational {
  if (s.sign() === 0) return Rational.ZERO;
  if (s.radicand === r) return s.coefficient;
  throw new RangeError(`quotient coordinates: ${s.toString()} is not a rational multiple of sqrt(${r})`);
}

/** (w, b, v) back from a neuron's coordinates and its |w|: w = omega |w|, b = -beta |w|, v = mu / |w|^k. */
export function neuronFromQuotient(n: QuotientNeuron, degree: number): { w: Rational[]; b: Rational; v: Rational } {
  const v = n.mu.mul(n.norm.pow(degree).inv());
  return { w: n.omega.map((o) => o.mul(n.norm).toRational()), b: n.beta.mul(n.norm).toRational().neg(), v: v.toRational() };
}
