/**
 * Minimal width of a univariate CPWL function as a shallow ReLU net, and a net of that width
 * (LITERATURE-A 4.2, the toolkit's own checked characterisation; MATH.md "Irreducibility").
 *
 * Decomposition (d = 1). Every CPWL f is f = l + sum_k c_k relu(x - t_k) with l affine, the
 * kinks t_k where the slope jumps by c_k != 0 (right-facing representatives), K of them.
 * Why the minimal width is K + e, e in {0, 1, 2}:
 * - every kink needs a neuron with that breakpoint, so width >= K;
 * - with exactly one neuron per kink, the neuron at t_k is c_k relu(x - t_k) or, facing left,
 *   c_k relu(t_k - x) = c_k relu(x - t_k) - c_k (x - t_k). Facing left the kinks in S leaves the
 *   remainder r_S = l + sum_{k in S} c_k (x - t_k), which the free parameters must absorb:
 *   V1 (output bias c): r_S constant, i.e. slope(l) + sum_S c_k = 0 (a subset sum);
 *   V0 (no output bias): r_S = 0 (a subset sum in (slope, intercept));
 *   V2 (free affine term): always, so e = 0.
 * - one extra neuron either is a constant (w = 0; V0 only, absorbs a constant r_S), or a second
 *   neuron at a kink t_k: alpha relu(x - t_k) + beta relu(t_k - x) adds -beta (x - t_k), so it
 *   absorbs any r_S with r_S(t_k) = 0 (V0) or any slope at all (V1, with the bias: so in V1
 *   e <= 1 as soon as K >= 1). An extra neuron elsewhere would put a kink where f has none.
 * - two extra neurons always suffice: a pair alpha relu(x - p) - alpha relu(p - x) = alpha (x - p)
 *   on a fresh breakpoint p gives any non-constant affine function.
 * So e is decided by exact subset sums (`findSubsetSum`); tests check it against brute force.
 *
 * What the general case (input dimension d >= 1, the irreducibility analysis) adds on top of
 * this module: kinks become hyperplane groups z_H = (w~, b~) (first nonzero entry of w~ equal to
 * 1; neurons grouped by positive or negative multiples) with c_H = sum_j a_j |lambda_j|; the
 * subset sums become vector sums of c_H w~_H in R^d (V1) or of c_H z_H in R^(d+1) (V0), which
 * `findSubsetSum` already takes; and the e = 1 test "remainder in span(w~_H0)" is no longer
 * automatic: project onto the complement of w~_H0 (one subset sum per H0). The 1-D rules here are
 * that case with w~ = 1 and z_H = (1, -t_k).
 */
import { UsageError } from '../core/errors.js';
import { QQ } from '../field/qq.js';
import { Rational } from '../field/rational.js';
import { createReluNet, type ReluNet } from '../network/relu-net.js';
import { splineLens, type SplineLens } from './lens.js';
import type { Spline } from './spline.js';
import { findSubsetSum, type SubsetSumOptions } from './subset-sum.js';

/** V0: no output bias; V1: output bias (the toolkit's model); V2: a free affine term. */
export type ModelVariant = 'V0' | 'V1' | 'V2';
export const MODEL_VARIANTS: readonly ModelVariant[] = ['V0', 'V1', 'V2'];

export interface Kink {
  readonly at: Rational;
  /** The slope jump c_k (never 0). */
  readonly coefficient: Rational;
}

/** f = affine + sum_k c_k relu(x - t_k). */
export interface KinkDecomposition {
  readonly kinks: readonly Kink[];
  /** The affine part l(x) = slope x + intercept (slope = f'(-inf)). */
  readonly affine: { readonly slope: Rational; readonly intercept: Rational };
}

export function kinkDecomposition(s: Spline): KinkDecomposition {
  const kinks = s.knots.map((at, k) => ({ at, coefficient: s.slopes[k + 1].sub(s.slopes[k]) }));
  // l(0) = f(0) - sum_k c_k relu(-t_k) = f(0) + sum_{t_k < 0} c_k t_k.
  const intercept = kinks.reduce((acc, k) => (k.at.sign() < 0 ? acc.add(k.coefficient.mul(k.at)) : acc), s.f0);
  return { kinks, affine: { slope: s.slopes[0], intercept } };
}

export interface NeuronParameters {
  readonly w: Rational;
  readonly b: Rational;
  readonly v: Rational;
}

export interface MinimalForm {
  readonly variant: ModelVariant;
  /** mu(f) = K + e. */
  readonly width: number;
  /** K, the number of kinks. */
  readonly kinkCount: number;
  /** e in {0, 1, 2}: neurons beyond one per kink. */
  readonly extra: 0 | 1 | 2;
  /** `width` neurons, each with |w| = 1 (or w = 0, b = 1: a constant, V0 only). */
  readonly neurons: readonly NeuronParameters[];
  /** The output bias c (0 in V0 and V2). */
  readonly outputBias: Rational;
  /** The free affine term of V2 (zero in V0 and V1). */
  readonly affineTerm: { readonly slope: Rational; readonly intercept: Rational };
  /** Kinks (indices into the decomposition) carried by a left-facing neuron. */
  readonly leftFacing: readonly number[];
  /** Why e has its value, in words. */
  readonly reason: string;
}

export interface MinimalFormOptions extends SubsetSumOptions {
  /** Default V1 (the output bias is part of the model, MATH.md). */
  variant?: ModelVariant;
  /** A set of left-facing kinks to try before searching (a net's own orientations). */
  leftFacingHint?: readonly number[];
}

/** The minimal form of f for the chosen variant: width, e, the reason, and the neurons. */
export function minimalForm(s: Spline, options: MinimalFormOptions = {}): MinimalForm {
  const variant = options.variant ?? 'V1';
  if (!MODEL_VARIANTS.includes(variant)) throw new UsageError(`minimalForm: variant must be one of ${MODEL_VARIANTS.join(', ')}, got ${JSON.stringify(variant)}`);
  const dec = kinkDecomposition(s);
  const build = formBuilder(s, dec, variant);
  if (variant === 'V2') return build([], 0, [], 'V2: the free affine term absorbs the affine part; one neuron per kink');
  return variant === 'V1' ? minimalV1(dec, build, options) : minimalV0(dec, build, options);
}

/** mu(f) for the chosen variant (default V1). */
export function minimalWidth(s: Spline, options: MinimalFormOptions = {}): number {
  return minimalForm(s, options).width;
}

type Builder = (leftFacing: readonly number[], extra: 0 | 1 | 2, added: readonly NeuronParameters[], reason: string, replace?: { kink: number; right: Rational }) => MinimalForm;

/** Neurons for the kinks (left-facing in S), plus `added`; the bias or affine term makes up the rest. */
function formBuilder(s: Spline, dec: KinkDecomposition, variant: ModelVariant): Builder {
  return (leftFacing, extra, added, reason, replace) => {
    const S = new Set(leftFacing);
    const neurons: NeuronParameters[] = dec.kinks.map((k, i) => {
      const v = replace?.kink === i ? replace.right : k.coefficient;
      return S.has(i) ? { w: Rational.of(-1), b: k.at, v } : { w: Rational.ONE, b: k.at.neg(), v };
    });
    neurons.push(...added);
    const atZero = neurons.reduce((acc, n) => (n.b.sign() > 0 ? acc.add(n.v.mul(n.b)) : acc), Rational.ZERO);
    const zero = { slope: Rational.ZERO, intercept: Rational.ZERO };
    const outputBias = variant === 'V1' ? s.f0.sub(atZero) : Rational.ZERO;
    const affineTerm = variant === 'V2' ? { slope: dec.affine.slope, intercept: s.f0.sub(atZero) } : zero;
    return { variant, width: neurons.length, kinkCount: dec.kinks.length, extra, neurons, outputBias, affineTerm, leftFacing: [...S].sort((a, b) => a - b), reason };
  };
}

function coefficients(dec: KinkDecomposition): Rational[][] {
  return dec.kinks.map((k) => [k.coefficient]);
}

/** A subset S with sum_S c_k = target, trying the hint and the two trivial subsets first. */
function slopeSubset(dec: KinkDecomposition, target: Rational, options: MinimalFormOptions): number[] | null {
  const sum = (S: readonly number[]): Rational => S.reduce((acc, i) => acc.add(dec.kinks[i].coefficient), Rational.ZERO);
  const all = dec.kinks.map((_, i) => i);
  for (const S of [options.leftFacingHint, [], all]) if (S !== undefined && sum(S).eq(target)) return [...S];
  return findSubsetSum(coefficients(dec), [target], options);
}

function minimalV1(dec: KinkDecomposition, build: Builder, options: MinimalFormOptions): MinimalForm {
  const a = dec.affine.slope;
  const K = dec.kinks.length;
  if (K === 0) {
    if (a.isZero()) return build([], 0, [], 'f is constant: the output bias alone computes it (width 0)');
    return build([], 2, pairThrough(a, Rational.ZERO), 'f is affine and not constant: one neuron cannot make a slope without a kink, a pair a relu(x) - a relu(-x) = a x can');
  }
  const S = slopeSubset(dec, a.neg(), options);
  if (S !== null) {
    const why = S.length === 0 ? `f'(-inf) = 0, so one right-facing neuron per kink` : `the jumps at the kinks ${atList(dec, S)} sum to ${a.neg()} = -f'(-inf), so one neuron per kink, facing left there`;
    return build(S, 0, [], `${why}; the output bias takes the constant`);
  }
  // A second neuron at the first kink, facing left with beta = -a, makes the left slope a.
  const first = dec.kinks[0];
  return build([], 1, [{ w: Rational.of(-1), b: first.at, v: a.neg() }], `no set of kinks has jumps summing to ${a.neg()} = -f'(-inf), so with one neuron per kink no choice of orientations makes the far-left slope; a second neuron at the kink ${first.at} can`, {
    kink: 0,
    right: first.coefficient.add(a),
  });
}

function minimalV0(dec: KinkDecomposition, build: Builder, options: MinimalFormOptions): MinimalForm {
  const { slope: a, intercept: b0 } = dec.affine;
  // r_S = l + sum_S c_k (x - t_k): slope a + sum_S c_k, intercept b0 - sum_S c_k t_k.
  const pairs = dec.kinks.map((k) => [k.coefficient, k.coefficient.mul(k.at).neg()]);
  const both = a.isZero() && b0.isZero() ? [] : findSubsetSum(pairs, [a.neg(), b0.neg()], options);
  if (both !== null) return build(both, 0, [], dec.kinks.length === 0 ? 'f = 0' : `facing left at the kinks ${atList(dec, both)} cancels the whole affine part, so one neuron per kink`);
  const flat = a.isZero() ? [] : slopeSubset(dec, a.neg(), options);
  if (flat !== null) {
    const constant = b0.sub(flat.reduce((acc, i) => acc.add(dec.kinks[i].coefficient.mul(dec.kinks[i].at)), Rational.ZERO));
    return build(flat, 1, [{ w: Rational.ZERO, b: Rational.ONE, v: constant }], `no output bias: no orientation of the kinks cancels the affine part, but facing left at ${atList(dec, flat)} leaves the constant ${constant}, one neuron with w = 0`);
  }
  for (let k = 0; k < dec.kinks.length; k++) {
    const t = dec.kinks[k].at;
    // r_S(t_k) = a t_k + b0 + sum_S c_j (t_k - t_j) = 0; kink k itself contributes nothing.
    const items = dec.kinks.map((j) => [j.coefficient.mul(t.sub(j.at))]);
    const S = findSubsetSum(items, [a.mul(t).add(b0).neg()], options);
    if (S === null) continue;
    const rho = S.reduce((acc, i) => acc.add(dec.kinks[i].coefficient), a);
    return build(S, 1, [{ w: Rational.of(-1), b: t, v: rho.neg() }], `no output bias: no orientation of the kinks cancels the affine part, but facing left at ${atList(dec, S)} leaves an affine remainder vanishing at the kink ${t}, which a second neuron there absorbs`, { kink: k, right: dec.kinks[k].coefficient.add(rho) });
  }
  // a != 0 here (else S = {} would have been flat), and -b0/a is no kink (else k would have matched).
  const p = b0.neg().div(a);
  return build([], 2, pairThrough(a, p), `no orientation of the kinks leaves a remainder one neuron can absorb; a pair on the fresh breakpoint ${p} makes the affine part`);
}

function atList(dec: KinkDecomposition, S: readonly number[]): string {
  return S.length === 0 ? '{}' : `{${S.map((i) => dec.kinks[i].at).join(', ')}}`;
}

/** alpha relu(x - p) - alpha relu(p - x) = alpha (x - p). */
function pairThrough(alpha: Rational, p: Rational): NeuronParameters[] {
  return [
    { w: Rational.ONE, b: p.neg(), v: alpha },
    { w: Rational.of(-1), b: p, v: alpha.neg() },
  ];
}

/**
 * A net of minimal width computing exactly the spline (V1 by default; V0 gives output bias 0).
 * Width 0 (f constant in V1, f = 0 in V0) is returned as a one-layer affine net
 * `[{ W: [[0]], b: [c] }]`, which has no hidden neuron. V2's free affine term has no place in
 * relu-net/1: use `minimalForm` for it.
 */
export function fromSpline(s: Spline, options: MinimalFormOptions = {}): ReluNet<Rational> {
  if (options.variant === 'V2') throw new UsageError('fromSpline: the V2 model has a free affine term that relu-net/1 cannot hold; use minimalForm');
  return netOfMinimalForm(minimalForm(s, options));
}

export function netOfMinimalForm(form: MinimalForm): ReluNet<Rational> {
  if (form.width === 0) return createReluNet(QQ, [{ W: [[Rational.ZERO]], b: [form.outputBias] }]);
  return createReluNet(QQ, [
    { W: form.neurons.map((n) => [n.w]), b: form.neurons.map((n) => n.b) },
    { W: [form.neurons.map((n) => n.v)], b: [form.outputBias] },
  ]);
}

/** The minimal form of a univariate shallow net's function, using its own orientations as a first guess. */
export function minimalFormOfNet(net: ReluNet<Rational>, options: MinimalFormOptions = {}): MinimalForm {
  const lens = splineLens(net);
  return minimalForm(lens.spline, { leftFacingHint: leftFacingKinks(lens), ...options });
}

/** Kinks of f at which every neuron with a nonzero delta-slope faces left. */
export function leftFacingKinks(lens: SplineLens): number[] {
  const byPoint = new Map(lens.groups.map((g) => [g.at.toString(), g]));
  const out: number[] = [];
  lens.spline.knots.forEach((t, k) => {
    const g = byPoint.get(t.toString())!;
    if (g.neurons.every((i) => lens.neurons[i].deltaSlope.isZero() || lens.neurons[i].orientation < 0)) out.push(k);
  });
  return out;
}
