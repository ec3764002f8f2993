/**
 * ReLU nets of a given architecture, exact, with entries from `rational`. `generic` draws nonzero
 * weights and rejects proportional neurons; `degeneracy` plants one named degeneracy (and keeps
 * the rest generic when `generic` is set):
 * - 'dead-neuron': neuron 0 of the first hidden layer has zero incoming weights and a negative
 *   bias, so it outputs 0 everywhere;
 * - 'parallel-neurons': neuron 1 of the first hidden layer is alpha times neuron 0 (weights and
 *   bias), alpha > 0: one hyperplane, one orientation;
 * - 'zero-outer-weight': neuron 0 of the last hidden layer has outgoing weight 0.
 * Nets shrink entry by entry towards 0 and small denominators (the planted degeneracy stays) and
 * print as `ReluNet 1-2-1 {W1: [[1], [-1/2]], b1: [0, 1]; W2: [[2, -1]], b2: [0]}`.
 */
import fc from 'fast-check';
import { UsageError } from '../core/errors.js';
import { QQ } from '../field/qq.js';
import { Rational } from '../field/rational.js';
import { createReluNet, type ReluNet } from '../network/relu-net.js';
import { checkInteger, checkOneOf } from './options.js';
import { formatNet, withPrinter } from './print.js';
import { rational, type RationalOptions } from './rationals.js';

export type NetDegeneracy = 'none' | 'dead-neuron' | 'parallel-neurons' | 'zero-outer-weight';
const DEGENERACIES: readonly NetDegeneracy[] = ['none', 'dead-neuron', 'parallel-neurons', 'zero-outer-weight'];

export interface ReluNetOptions {
  /** Widths [n_0, n_1, ..., n_L]: input, hidden layers, output (default [1, 2, 1]). */
  architecture?: readonly number[];
  /** Entries of W and b (default { maxNumerator: 3, maxDenominator: 2 }). */
  entries?: RationalOptions;
  /**
   * Default false. When true, every weight is nonzero and in each hidden layer no two neurons
   * have proportional (w_i, b_i) (parallel or antiparallel), apart from the planted degeneracy.
   * Only these two conditions are promised (deeper coincidences, such as a neuron dead on the
   * image of the earlier layers, are not excluded).
   */
  generic?: boolean;
  /**
   * Default 'none'. 'dead-neuron': the first neuron of the first hidden layer has zero incoming
   * weights and a negative bias; 'parallel-neurons': the second neuron of the first hidden layer
   * is alpha > 0 times the first; 'zero-outer-weight': the first neuron of the last hidden layer
   * has outgoing weight 0. (Indices here and in `scaleNeuron` count from 0; the messages of the
   * analyses and matchers number neurons from 1, so the dead neuron is "neuron 1" there.)
   */
  degeneracy?: NetDegeneracy;
}

type Layers = { W: Rational[][]; b: Rational[] }[];

/** fc.Arbitrary of exact ReLU nets (see ReluNetOptions for the defaults). */
export function reluNet(options: ReluNetOptions = {}): fc.Arbitrary<ReluNet<Rational>> {
  const architecture = options.architecture ?? [1, 2, 1];
  if (!Array.isArray(architecture) || architecture.length < 2) throw new UsageError(`reluNet: architecture must list at least two widths (input, ..., output), got ${JSON.stringify(architecture)}`);
  architecture.forEach((w, k) => checkInteger('reluNet', `architecture[${k}]`, w, 1));
  const degeneracy = checkOneOf('reluNet', 'degeneracy', options.degeneracy ?? 'none', DEGENERACIES);
  if (degeneracy !== 'none' && architecture.length < 3) throw new UsageError(`reluNet: degeneracy '${degeneracy}' needs a hidden layer; the architecture ${JSON.stringify(architecture)} has none`);
  if (degeneracy === 'parallel-neurons' && architecture[1] < 2) throw new UsageError(`reluNet: 'parallel-neurons' needs at least 2 neurons in the first hidden layer, the architecture has ${architecture[1]}`);
  const generic = options.generic ?? false;
  const base = { maxNumerator: 3, maxDenominator: 2, ...options.entries };
  const weight = rational(generic ? { ...base, sign: 'nonzero' } : base);
  const bias = rational(base);
  const layerArbs = architecture.slice(1).map((out, k) =>
    fc.record({
      W: fc.array(fc.array(weight, { minLength: architecture[k], maxLength: architecture[k] }), { minLength: out, maxLength: out }),
      b: fc.array(bias, { minLength: out, maxLength: out }),
    }),
  );
  const alpha = rational({ maxNumerator: base.maxNumerator, maxDenominator: base.maxDenominator, sign: 'positive' });
  const plant = (layers: Layers, a: Rational): Layers => plantDegeneracy(layers, degeneracy, a);
  let arb = fc.tuple(fc.tuple(...layerArbs), alpha).map(
    ([layers, a]) => plant(layers as Layers, a),
    (v) => {
      const layers = checkLayers(v, architecture);
      return [layers, degeneracy === 'parallel-neurons' ? alphaOf(layers) : Rational.ONE] as [Layers, Rational];
    },
  );
  if (generic) arb = arb.filter((layers) => isGeneric(layers, degeneracy));
  return arb.map(
    (layers) => withPrinter(createReluNet(QQ, layers), formatNet),
    (net) => {
      if (typeof net !== 'object' || net === null || !Array.isArray((net as ReluNet<Rational>).layers)) throw new Error('not a net');
      return (net as ReluNet<Rational>).layers.map((l) => ({ W: l.W.rows.map((r) => r.slice()), b: l.b.slice() }));
    },
  );
}

function plantDegeneracy(layers: Layers, degeneracy: NetDegeneracy, alpha: Rational): Layers {
  const out = layers.map((l) => ({ W: l.W.map((r) => r.slice()), b: l.b.slice() }));
  const first = out[0];
  const lastHidden = out.length - 2;
  switch (degeneracy) {
    case 'dead-neuron':
      first.W[0] = first.W[0].map(() => Rational.ZERO);
      first.b[0] = first.b[0].isZero() ? Rational.of(-1) : first.b[0].abs().neg();
      break;
    case 'parallel-neurons':
      first.W[1] = first.W[0].map((x) => x.mul(alpha));
      first.b[1] = first.b[0].mul(alpha);
      break;
    case 'zero-outer-weight':
      out[lastHidden + 1].W = out[lastHidden + 1].W.map((r) => r.map((x, j) => (j === 0 ? Rational.ZERO : x)));
      break;
    case 'none':
      break;
  }
  return out;
}

/** alpha with neuron 1 = alpha neuron 0 (1 when neuron 0 is all zeros). */
function alphaOf(layers: Layers): Rational {
  const row0 = [...layers[0].W[0], layers[0].b[0]];
  const row1 = [...layers[0].W[1], layers[0].b[1]];
  const j = row0.findIndex((x) => !x.isZero());
  return j < 0 ? Rational.ONE : row1[j].div(row0[j]);
}

function checkLayers(value: unknown, architecture: readonly number[]): Layers {
  const layers = value as Layers;
  const ok =
    Array.isArray(layers) &&
    layers.length === architecture.length - 1 &&
    layers.every((l, k) => Array.isArray(l.W) && l.W.length === architecture[k + 1] && l.W.every((r) => Array.isArray(r) && r.length === architecture[k]) && Array.isArray(l.b) && l.b.length === architecture[k + 1]);
  if (!ok) throw new Error('not a net of this architecture');
  return layers;
}

/** Nonzero weights (planted zeros aside), no two proportional neurons in a hidden layer (the planted pair aside). */
function isGeneric(layers: Layers, degeneracy: NetDegeneracy): boolean {
  const L = layers.length;
  for (let k = 0; k < L; k++) {
    const { W, b } = layers[k];
    for (let i = 0; i < W.length; i++) {
      const exempt = (degeneracy === 'dead-neuron' && k === 0 && i === 0) || (degeneracy === 'zero-outer-weight' && k === L - 1);
      if (!exempt && W[i].some((x) => x.isZero())) return false;
      if (degeneracy === 'zero-outer-weight' && k === L - 1 && W[i].some((x, j) => j > 0 && x.isZero())) return false;
    }
    if (k === L - 1) continue;
    for (let i = 0; i < W.length; i++) {
      for (let j = i + 1; j < W.length; j++) {
        const planted = (degeneracy === 'parallel-neurons' || degeneracy === 'dead-neuron') && k === 0 && (degeneracy === 'parallel-neurons' ? i === 0 && j === 1 : i === 0);
        if (!planted && proportional([...W[i], b[i]], [...W[j], b[j]])) return false;
      }
    }
  }
  return true;
}

function proportional(u: readonly Rational[], v: readonly Rational[]): boolean {
  // u and v (nonzero) are proportional iff every 2x2 minor u_a v_b - u_b v_a vanishes.
  for (let a = 0; a < u.length; a++) for (let c = a + 1; c < u.length; c++) if (!u[a].mul(v[c]).sub(u[c].mul(v[a])).isZero()) return false;
  return true;
}
