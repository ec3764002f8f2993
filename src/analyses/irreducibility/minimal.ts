/**
 * Minimal width mu(f) = K + e of a shallow ReLU function of any input dimension, and a net of that
 * width computing exactly f (LITERATURE-A 4.2; the toolkit's own checked characterisation). This
 * is the general case of src/spline/minimal.ts, which it reduces to for d = 1 (w~ = 1,
 * z_H = (1, -t_k)); tests check the two agree.
 *
 * With one neuron per kink H, facing +z_H or -z_H (relu(-z) = relu(z) - z), facing negative on a
 * set S of kinks leaves the remainder r_S = l + sum_{H in S} c_H z_H, which the rest must absorb:
 * - V2 (free affine term): always, e = 0.
 * - V1 (output bias): e = 0 iff some S makes lin(r_S) = 0 (a vector subset sum in R^d). Otherwise
 *   e = 1 iff for some kink H0 and S not containing it lin(r_S) lies in span(w~_H0): a second
 *   neuron on H0 turns c relu(z) into any c relu(z) + beta z. The span test is a subset sum after
 *   projecting along w~_H0 (drop the coordinate p where w~_H0 has its leading 1, subtract u_p w~_H0).
 *   Otherwise e = 2: a pair alpha relu(z) - alpha relu(-z) = alpha z on a fresh hyperplane gives
 *   any non-constant affine function. (A single extra neuron anywhere else would add a kink.)
 * - V0 (no output bias): the same in R^(d+1) with the whole remainder, and one more way to e = 1:
 *   a w = 0 neuron adds a constant, so lin(r_S) = 0 suffices.
 * Subset sums are exact (`findSubsetSum`, meet in the middle, with a state budget).
 */
import { UsageError } from '../../core/errors.js';
import { Rational } from '../../field/rational.js';
import { findSubsetSum, type SubsetSumOptions } from '../../spline/subset-sum.js';
import { MODEL_VARIANTS, type ModelVariant } from '../../spline/minimal.js';
import { describeHyperplane, kinkDataOf, kinkDataDifference, type HyperplaneGroup, type KinkData } from './hyperplanes.js';

export interface ShallowNeuron {
  readonly w: readonly Rational[];
  readonly b: Rational;
  readonly v: Rational;
}

export interface ShallowMinimalForm {
  readonly variant: ModelVariant;
  /** mu(f) = K + e. */
  readonly width: number;
  readonly kinkCount: number;
  readonly extra: 0 | 1 | 2;
  readonly neurons: readonly ShallowNeuron[];
  /** The output bias (0 in V0; in V2 the constant of the affine term). */
  readonly outputBias: Rational;
  /** V2 only: the linear part of the free affine term (zero otherwise); f = net(x) + affineLinear . x. */
  readonly affineLinear: readonly Rational[];
  /** Indices into `kinks` of the kinks whose neuron faces -z_H. */
  readonly facingNegative: readonly number[];
  /** Why e has its value, in words. */
  readonly reason: string;
}

export interface ShallowMinimalOptions extends SubsetSumOptions {
  /** Default V1 (the output bias is part of the model, MATH.md). */
  variant?: ModelVariant;
  /** Kinks (indices into `kinks`) to try facing negative first: a net's own orientations. */
  facingNegativeHint?: readonly number[];
}

/** The minimal form of the function with these kink data. */
export function minimalFormShallow(data: KinkData, options: ShallowMinimalOptions = {}): ShallowMinimalForm {
  const variant = options.variant ?? 'V1';
  if (!MODEL_VARIANTS.includes(variant)) throw new UsageError(`minimalFormShallow: variant must be one of ${MODEL_VARIANTS.join(', ')}, got ${JSON.stringify(variant)}`);
  const plan = variant === 'V2' ? { S: [], extra: 0 as const, added: [], reason: 'the free affine term takes the affine part, so one neuron per kink' } : variant === 'V1' ? planV1(data, options) : planV0(data, options);
  return buildForm(data, variant, plan);
}

interface Plan {
  S: readonly number[];
  extra: 0 | 1 | 2;
  /** Extra neurons, and for a second neuron on a kink the coefficient left on that kink's own neuron. */
  added: readonly ShallowNeuron[];
  split?: { kink: number; coefficient: Rational };
  reason: string;
}

const scale = (s: Rational, u: readonly Rational[]): Rational[] => u.map((x) => x.mul(s));
const addVec = (u: readonly Rational[], v: readonly Rational[]): Rational[] => u.map((x, i) => x.add(v[i]));
const zVec = (g: HyperplaneGroup): Rational[] => [...g.normal, g.offset];
const pivotOf = (g: HyperplaneGroup): number => g.normal.findIndex((x) => !x.isZero());

/** r_S as a vector (linear part, then constant when `withConstant`). */
function remainder(data: KinkData, S: readonly number[], withConstant: boolean): Rational[] {
  let r = withConstant ? [...data.affine.linear, data.affine.constant] : data.affine.linear.slice();
  for (const k of S) r = addVec(r, scale(data.kinks[k].coefficient, withConstant ? zVec(data.kinks[k]) : data.kinks[k].normal));
  return r;
}

/** Project along z (leading 1 at p): u - u_p z, with coordinate p dropped. Its kernel is span(z). */
function projectAlong(u: readonly Rational[], z: readonly Rational[], p: number): Rational[] {
  return u.map((x, i) => x.sub(u[p].mul(z[i]))).filter((_, i) => i !== p);
}

/** A set S of kinks with sum_S c_H item(H) = -target, trying the hint and the empty set first. */
function subsetCancelling(data: KinkData, item: (g: HyperplaneGroup) => readonly Rational[], target: readonly Rational[], options: ShallowMinimalOptions, exclude = -1): number[] | null {
  const items = data.kinks.map((g, k) => (k === exclude ? item(g).map(() => Rational.ZERO) : scale(g.coefficient, item(g))));
  const goal = target.map((x) => x.neg());
  const sums = (S: readonly number[]): boolean => S.reduce((acc, k) => addVec(acc, items[k]), goal.map(() => Rational.ZERO)).every((x, i) => x.eq(goal[i]));
  for (const S of [options.facingNegativeHint?.filter((k) => k !== exclude), []]) if (S !== undefined && sums(S)) return [...S];
  return findSubsetSum(items, goal, options);
}

/** The pair alpha relu(z) - alpha relu(-z) = alpha z for z = r / r_p, p the first nonzero of lin(r): it makes r. */
function pairMaking(r: readonly Rational[], d: number): ShallowNeuron[] {
  const p = r.findIndex((x, i) => i < d && !x.isZero());
  const alpha = r[p];
  const w = r.slice(0, d).map((x) => x.div(alpha));
  const b = r.length > d ? r[d].div(alpha) : Rational.ZERO;
  return [
    { w, b, v: alpha },
    { w: w.map((x) => x.neg()), b: b.neg(), v: alpha.neg() },
  ];
}

/** A second neuron on kink k facing -z_H with outer weight rho adds -rho z_H (rho = -r_p absorbs r = r_p z_H); the kink's own neuron keeps c_H - rho. */
function secondNeuron(data: KinkData, k: number, rho: Rational): Pick<Plan, 'added' | 'split'> {
  const g = data.kinks[k];
  return { added: [{ w: g.normal.map((x) => x.neg()), b: g.offset.neg(), v: rho }], split: { kink: k, coefficient: g.coefficient.sub(rho) } };
}

function planV1(data: KinkData, options: ShallowMinimalOptions): Plan {
  const d = data.inputDim;
  const a = data.affine.linear;
  const S = subsetCancelling(data, (g) => g.normal, a, options);
  if (S !== null) {
    if (data.kinks.length === 0) return { S, extra: 0, added: [], reason: 'f is constant: the output bias alone computes it' };
    return { S, extra: 0, added: [], reason: S.length === 0 ? 'the kinks leave no linear part, so one neuron per kink and the output bias' : `facing the neurons of ${kinkList(data, S)} negatively cancels the linear part, so one neuron per kink and the output bias` };
  }
  for (let k = 0; k < data.kinks.length; k++) {
    const g = data.kinks[k];
    const p = pivotOf(g);
    const T = subsetCancelling(data, (h) => projectAlong(h.normal, g.normal, p), projectAlong(a, g.normal, p), options, k);
    if (T === null) continue;
    const r = remainder(data, T, false);
    return { S: T, extra: 1, ...secondNeuron(data, k, r[p].neg()), reason: `no orientation of one neuron per kink cancels the linear part, but ${T.length === 0 ? 'the linear part' : `the linear part left after facing ${kinkList(data, T)} negatively`} is a multiple of the normal of the kink ${describeHyperplane(g)} = 0, which a second neuron there absorbs` };
  }
  return { S: [], extra: 2, added: pairMaking(a, d), reason: data.kinks.length === 0 ? 'f is affine and not constant: a pair alpha relu(z) - alpha relu(-z) = alpha z makes its linear part' : 'no orientation of one neuron per kink, nor a second neuron on one kink, absorbs the linear part; a pair on a fresh hyperplane does' };
}

function planV0(data: KinkData, options: ShallowMinimalOptions): Plan {
  const d = data.inputDim;
  const l = [...data.affine.linear, data.affine.constant];
  const S = subsetCancelling(data, zVec, l, options);
  if (S !== null) return { S, extra: 0, added: [], reason: data.kinks.length === 0 ? 'f = 0' : S.length === 0 ? 'the kinks leave no affine part, so one neuron per kink' : `facing the neurons of ${kinkList(data, S)} negatively cancels the whole affine part, so one neuron per kink` };
  const flat = subsetCancelling(data, (g) => g.normal, data.affine.linear, options);
  if (flat !== null) {
    const r0 = remainder(data, flat, true)[d];
    return { S: flat, extra: 1, added: [{ w: new Array<Rational>(d).fill(Rational.ZERO), b: Rational.ONE, v: r0 }], reason: `no output bias: ${flat.length === 0 ? 'the affine part is' : `facing ${kinkList(data, flat)} negatively leaves`} the constant ${r0}, one neuron with w = 0` };
  }
  for (let k = 0; k < data.kinks.length; k++) {
    const g = data.kinks[k];
    const p = pivotOf(g);
    const z = zVec(g);
    const T = subsetCancelling(data, (h) => projectAlong(zVec(h), z, p), projectAlong(l, z, p), options, k);
    if (T === null) continue;
    const r = remainder(data, T, true);
    return { S: T, extra: 1, ...secondNeuron(data, k, r[p].neg()), reason: `no output bias: ${T.length === 0 ? 'the affine part' : `the affine part left after facing ${kinkList(data, T)} negatively`} is a multiple of the kink ${describeHyperplane(g)}, which a second neuron there absorbs` };
  }
  return { S: [], extra: 2, added: pairMaking(l, d), reason: 'no output bias: no orientation of one neuron per kink leaves a remainder one extra neuron can absorb; a pair on the fresh hyperplane l = 0 makes the affine part' };
}

function kinkList(data: KinkData, S: readonly number[]): string {
  return S.map((k) => `${describeHyperplane(data.kinks[k])} = 0`).join(', ');
}

/** The neurons of the plan, then the output bias (V1) or affine term (V2) that makes up f; checked exactly. */
function buildForm(data: KinkData, variant: ModelVariant, plan: Plan): ShallowMinimalForm {
  const d = data.inputDim;
  const S = new Set(plan.S);
  const neurons: ShallowNeuron[] = data.kinks.map((g, k) => {
    const v = plan.split?.kink === k ? plan.split.coefficient : g.coefficient;
    return S.has(k) ? { w: g.normal.map((x) => x.neg()), b: g.offset.neg(), v } : { w: g.normal, b: g.offset, v };
  });
  neurons.push(...plan.added);
  const zeroLinear = new Array<Rational>(d).fill(Rational.ZERO);
  const bare = kinkDataOf({ inputDim: d, w: neurons.map((n) => n.w), b: neurons.map((n) => n.b), v: neurons.map((n) => n.v), c: Rational.ZERO, linear: zeroLinear });
  const outputBias = variant === 'V0' ? Rational.ZERO : data.affine.constant.sub(bare.affine.constant);
  const affineLinear = variant === 'V2' ? data.affine.linear.map((x, i) => x.sub(bare.affine.linear[i])) : zeroLinear;
  const built = kinkDataOf({ inputDim: d, w: neurons.map((n) => n.w), b: neurons.map((n) => n.b), v: neurons.map((n) => n.v), c: outputBias, linear: affineLinear });
  const diff = kinkDataDifference(built, data);
  // A failure here is a bug in the rules above, never a property of the input.
  if (diff !== null) throw new Error(`minimalFormShallow (${variant}): the constructed net does not compute f: ${diff}`);
  return { variant, width: neurons.length, kinkCount: data.kinks.length, extra: plan.extra, neurons, outputBias, affineLinear, facingNegative: [...S].sort((x, y) => x - y), reason: plan.reason };
}
