/**
 * `distinguishingSamples(net)`: a finite set of points on which no other function of width <= M
 * (default: the net's own width) agrees with the univariate net f, certified by `identify`.
 *
 * Construction (LITERATURE-A 4.4, step 1): three points inside each of the K + 1 linear pieces
 * of f. Three samples on one piece leave a single kink of g no room between them, and each of
 * the K changes of line needs a kink of g in its transition window, so with K kinks g is forced
 * onto f. `identify` certifies the set; it is then thinned (every piece's middle point at once,
 * then one point at a time, keeping a removal whenever `identify` still certifies the rest), and
 * the certificate of the final set is returned with it. Measured: two points per piece usually
 * remain, fewer next to a piece where f is flat on the side the neuron faces away from.
 *
 * When no finite set exists the answer says why (in the V1 model, LITERATURE-A 4.3 and
 * `univariate.ts`): M > mu(f) (a spare neuron beyond the samples), or M = mu(f) with e = 1 (a kink
 * beyond the samples restores the far-left slope), or f has no kink at all.
 */
import { UsageError } from '../../core/errors.js';
import { Rational } from '../../field/rational.js';
import { inputDim, type ReluNet } from '../../network/relu-net.js';
import { minimalForm } from '../../spline/minimal.js';
import { toSpline } from '../../spline/to-spline.js';
import { identify, type IdentifyOptions, type IdentifyResult } from './identify.js';
import { defaultWidth } from './univariate.js';

export interface DistinguishingOptions extends IdentifyOptions {
  /** Thin the three-per-piece set while it stays identifying (default true). */
  readonly reduce?: boolean;
}

export type DistinguishingResult =
  | {
      readonly ok: true;
      /** Ascending sample points. */
      readonly samples: readonly Rational[];
      /** Linear pieces of f (K + 1). */
      readonly pieces: number;
      readonly knots: readonly Rational[];
      /** Size of the three-per-piece set before thinning. */
      readonly constructed: number;
      /** Samples in each piece of f (pieces in order; a sample on a knot counts for neither). */
      readonly perPiece: readonly number[];
      readonly width: number;
      /** `identify` on the final set: identifiable, with its certificate data. */
      readonly certificate: IdentifyResult;
    }
  | { readonly ok: false; readonly width: number; readonly minimalWidth: number; readonly reason: string };

export function distinguishingSamples(net: ReluNet<Rational>, options: DistinguishingOptions = {}): DistinguishingResult {
  if (inputDim(net) !== 1) throw new UsageError(`distinguishingSamples: needs a univariate net; this one takes ${inputDim(net)} inputs`);
  const f = toSpline(net);
  const minimal = minimalForm(f, options.maxStates !== undefined ? { maxStates: options.maxStates } : {});
  const width = options.width ?? defaultWidth(net, minimal);
  const no = (reason: string): DistinguishingResult => ({ ok: false, width, minimalWidth: minimal.width, reason });
  const K = f.knots.length;
  if (width > minimal.width) return no(`mu(f) = ${minimal.width} < width ${width}: a spare neuron with its breakpoint beyond any finite set changes f unseen, so no finite set identifies f among nets of width ${width}`);
  if (width === minimal.width && minimal.extra > 0) {
    return no(
      K === 0
        ? `f is affine and not constant (mu(f) = 2): one kink beyond any finite set gives another function of width <= 2 through it`
        : `f has e = 1 (${minimal.reason}): adding the kink -f'(-inf) relu(x - R) beyond any finite set gives another function with mu = ${minimal.width}, so no finite set identifies f among nets of width ${width} (V1 model)`,
    );
  }
  // K = 0 here means f constant with width 0: one sample pins the constant.
  const points = K === 0 ? [Rational.ZERO] : threePerPiece(f.knots);
  const run = (xs: readonly Rational[]): IdentifyResult => identify(net, xs, { ...options, width });
  let result = run(points);
  if (!result.identifiable) throw new Error(`distinguishingSamples: three points per piece did not identify f (${result.reason}); this contradicts the construction`);
  let kept = points;
  if ((options.reduce ?? true) && K > 0) {
    // First every piece's middle point at once (two per piece is often enough), then one at a time.
    const middles = points.filter((_, k) => k % 3 !== 1);
    const r = run(middles);
    if (r.identifiable) [result, kept] = [r, middles];
    for (let i = 0; i < kept.length; i++) {
      const trial = kept.filter((_, k) => k !== i);
      const t = run(trial);
      if (!t.identifiable) continue;
      [result, kept] = [t, trial];
      i--;
    }
  }
  const perPiece = Array.from({ length: K + 1 }, (_, piece) => kept.filter((x) => (piece === 0 || x.cmp(f.knots[piece - 1]) > 0) && (piece === K || x.cmp(f.knots[piece]) < 0)).length);
  return { ok: true, samples: kept, pieces: K + 1, knots: f.knots, constructed: points.length, perPiece, width, certificate: result };
}

/** Three points inside each piece: the quarter points of bounded pieces, steps of a quarter span into the tails. */
function threePerPiece(knots: readonly Rational[]): Rational[] {
  const K = knots.length;
  const span = K >= 2 ? knots[K - 1].sub(knots[0]) : Rational.ONE;
  const step = span.div(Rational.of(4));
  const q = (k: number): Rational => Rational.of(k);
  const out: Rational[] = [3, 2, 1].map((k) => knots[0].sub(step.mul(q(k))));
  for (let k = 0; k + 1 < K; k++) {
    const width = knots[k + 1].sub(knots[k]);
    for (const t of [1, 2, 3]) out.push(knots[k].add(width.mul(Rational.of(t, 4))));
  }
  for (const k of [1, 2, 3]) out.push(knots[K - 1].add(step.mul(q(k))));
  return out;
}
