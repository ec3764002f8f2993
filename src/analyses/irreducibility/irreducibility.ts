/**
 * Irreducibility of shallow ReLU nets of any input dimension, exactly (LITERATURE-A 4.2, MATH.md
 * "Irreducibility"): a net of width m is irreducible iff no net with fewer neurons computes the
 * same function, i.e. iff m = mu(f) = K + e (`minimalFormShallow`). The reasons name what the
 * net wastes: zero outer weights, w = 0 neurons (constants), positively parallel neurons on one
 * hyperplane (they merge), antiparallel ones (relu(z) and relu(-z) differ by the affine z, so they
 * fold into one kink and the affine part), kinks that cancel, and what the affine part costs.
 */
import { UsageError } from '../../core/errors.js';
import { QQ } from '../../field/qq.js';
import { Rational } from '../../field/rational.js';
import { createReluNet, type ReluNet } from '../../network/relu-net.js';
import type { ModelVariant } from '../../spline/minimal.js';
import type { SubsetSumOptions } from '../../spline/subset-sum.js';
import { describeHyperplane, kinkDataOf, shallowParameters, type AffinePart, type HyperplaneGroup, type KinkData, type ShallowParameters } from './hyperplanes.js';
import { minimalFormShallow, type ShallowMinimalForm } from './minimal.js';

export interface IrreducibilityOptions extends SubsetSumOptions {
  /** V0 (no output bias), V1 (output bias; default), V2 (free affine term). */
  variant?: ModelVariant;
}

export interface IrreducibilityResult {
  readonly variant: ModelVariant;
  /** No net with fewer neurons (in the variant's model) computes the same function. */
  readonly irreducible: boolean;
  /** m, the net's hidden neurons. */
  readonly width: number;
  /** mu(f) = K + e. */
  readonly minimalWidth: number;
  readonly kinkCount: number;
  readonly extra: 0 | 1 | 2;
  /**
   * A relu-net/1 of minimal width computing exactly f (V0, V1). In V2 it computes f minus the
   * free affine term's linear part `affineTerm.linear . x` (its output bias holds the constant).
   * Width 0 is a one-layer net computing the constant.
   */
  readonly minimal: ReluNet<Rational>;
  /** V2: the free affine term (its constant is the minimal net's output bias); null otherwise. */
  readonly affineTerm: AffinePart | null;
  readonly reasons: readonly string[];
  readonly kinks: KinkData;
  readonly form: ShallowMinimalForm;
}

/** Decide irreducibility of a shallow scalar net and build a minimal net (exact). */
export function irreducibility(net: ReluNet<Rational>, options: IrreducibilityOptions = {}): IrreducibilityResult {
  const params = shallowParameters(net, 'irreducibility');
  const variant = options.variant ?? 'V1';
  const data = kinkDataOf(params);
  const form = minimalFormShallow(data, { ...options, variant, facingNegativeHint: ownNegativeKinks(data) });
  const width = params.w.length;
  // In V0 a net with an output bias may be narrower than mu(f): it is outside the model, and no
  // narrower V0 net exists, so it counts as irreducible (with a reason saying so).
  const irreducible = form.width >= width;
  const reasons = [...wasteReasons(params, data, variant), costReason(data, form, variant), verdict(width, form, params, variant)];
  const affineTerm = variant === 'V2' ? { linear: form.affineLinear, constant: form.outputBias } : null;
  return { variant, irreducible, width, minimalWidth: form.width, kinkCount: form.kinkCount, extra: form.extra, minimal: netOfForm(form, params.inputDim), affineTerm, reasons, kinks: data, form };
}

/** The net of a minimal form (width 0: the one-layer constant net c). */
export function netOfForm(form: ShallowMinimalForm, d: number): ReluNet<Rational> {
  const meta = form.variant === 'V2' ? { variant: 'V2', affineTermLinear: form.affineLinear.map(String) } : { variant: form.variant };
  if (form.width === 0) {
    return createReluNet(QQ, [{ W: [new Array<Rational>(d).fill(Rational.ZERO)], b: [form.outputBias] }], { meta });
  }
  return createReluNet(
    QQ,
    [
      { W: form.neurons.map((n) => n.w), b: form.neurons.map((n) => n.b) },
      { W: [form.neurons.map((n) => n.v)], b: [form.outputBias] },
    ],
    { meta },
  );
}

/** Kinks whose live neurons all face -z_H in the net: the minimal form tries them first, to stay close to the net. */
function ownNegativeKinks(data: KinkData): number[] {
  return data.kinks.flatMap((g, k) => (g.members.every((m) => m.outer.isZero() || m.lambda.sign() < 0) ? [k] : []));
}

/** Neurons in words are numbered from 1 (row 1 of layers[0]), as in the spline summaries; JSON indices count from 0. */
function neuronList(js: readonly number[]): string {
  const n = js.map((j) => j + 1);
  return n.length === 1 ? `neuron ${n[0]}` : `neurons ${n.slice(0, -1).join(', ')} and ${n[n.length - 1]}`;
}

/** What the net spends neurons on that the function does not need. */
function wasteReasons(p: ShallowParameters, data: KinkData, variant: ModelVariant): string[] {
  const out: string[] = [];
  const zeroOuter = p.v.flatMap((v, j) => (v.isZero() ? [j] : []));
  if (zeroOuter.length > 0) out.push(`zero outer weight: ${neuronList(zeroOuter)} ${zeroOuter.length === 1 ? 'has' : 'have'} outer weight 0 and compute${zeroOuter.length === 1 ? 's' : ''} nothing`);
  const constants = data.constantNeurons.filter((j) => !p.v[j].isZero());
  for (const j of constants) {
    const value = p.b[j].sign() > 0 ? p.v[j].mul(p.b[j]) : Rational.ZERO;
    const fate = value.isZero() ? 'the zero function' : variant === 'V0' ? `the constant ${value} (V0 has no output bias: the constant may be needed, see below)` : `the constant ${value}, which the ${variant === 'V1' ? 'output bias' : 'affine term'} absorbs`;
    out.push(`w = 0: ${neuronList([j])} has incoming weights 0, so it is ${fate}`);
  }
  for (const g of data.groups) out.push(...groupReasons(g));
  return out;
}

function groupReasons(g: HyperplaneGroup): string[] {
  const live = g.members.filter((m) => !m.outer.isZero());
  if (live.length < 2) return [];
  const out: string[] = [];
  const H = `${describeHyperplane(g)} = 0`;
  const pos = live.filter((m) => m.lambda.sign() > 0).map((m) => m.neuron);
  const neg = live.filter((m) => m.lambda.sign() < 0).map((m) => m.neuron);
  for (const side of [pos, neg]) {
    if (side.length >= 2) out.push(`positively parallel: ${neuronList(side)} switch on the same side of the hyperplane ${H} and merge into one neuron`);
  }
  if (pos.length > 0 && neg.length > 0) {
    out.push(`antiparallel: ${neuronList(pos)} and ${neuronList(neg)} switch on opposite sides of the hyperplane ${H}; since relu(z) - relu(-z) = z they fold into ${g.coefficient.isZero() ? 'an affine function' : `one kink with coefficient c_H = ${g.coefficient} plus an affine part`}`);
  }
  if (g.coefficient.isZero()) out.push(`cancelling kinks: on the hyperplane ${H} the kink coefficients sum to c_H = 0, so ${neuronList(live.map((m) => m.neuron))} together compute only an affine function`);
  return out;
}

function costReason(data: KinkData, form: ShallowMinimalForm, variant: ModelVariant): string {
  const K = data.kinks.length;
  const kinks = K === 0 ? 'f has no kink' : `f has ${K} kink hyperplane${K === 1 ? '' : 's'} (${data.kinks.map((g) => `${describeHyperplane(g)} = 0 with c_H = ${g.coefficient}`).join('; ')}), each needing its own neuron`;
  return `${kinks}; ${variant}: ${form.reason}; so the minimal width is K + e = ${K} + ${form.extra} = ${form.width}`;
}

function verdict(width: number, form: ShallowMinimalForm, p: ShallowParameters, variant: ModelVariant): string {
  if (width === form.width) return `the net has ${width} neuron${width === 1 ? '' : 's'} = the minimal width: irreducible`;
  if (width > form.width) return `the net has ${width} neurons, ${width - form.width} more than the minimal width ${form.width}: reducible`;
  const bias = p.c.isZero() ? '' : ` (its output bias ${p.c} is outside the V0 model)`;
  return `the net has ${width} neuron${width === 1 ? '' : 's'}, fewer than the ${form.width} a ${variant} net needs for its function${bias}: no narrower net exists, so it counts as irreducible`;
}

/** `--variant` text to a ModelVariant (UsageError otherwise). */
export function parseVariant(text: string): ModelVariant {
  if (text === 'V0' || text === 'V1' || text === 'V2') return text;
  throw new UsageError(`--variant must be V0, V1 or V2, got ${JSON.stringify(text)}`);
}
