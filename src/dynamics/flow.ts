/**
 * Gradient flow d theta / dt = -grad sse(theta), integrated by the Dormand-Prince 5(4) pair
 * (Dormand & Prince 1980; Hairer, Norsett & Wanner, Solving ODEs I, II.5) with local error
 * control: embedded 4th-order error estimate, mixed tolerance atol + rtol |theta_p| in the RMS
 * norm, steps scaled by 0.9 err^(-1/5) within [0.2, 5], first-same-as-last stages.
 *
 * The vector field is only piecewise smooth: it jumps where a pre-activation crosses 0 on a data
 * point. The controller shortens the step at a crossing and goes on. Where the field points
 * into such a surface from both sides (a breakpoint pinned at a data point, LITERATURE-A 5.4,
 * a Filippov sliding mode) no step size satisfies the tolerance; the integrator then takes
 * steps of `hmin` anyway and counts them as `forced`. Their error shows in the drift of the
 * conserved balances v^2 - |w|^2 - b^2 (coordinates.ts), which simulate reports.
 */
import { UsageError } from '../core/errors.js';
import type { Objective } from '../float/objective.js';
import { checkMask, type RunHooks } from './descent.js';

export interface FlowOptions extends RunHooks {
  /** Integrate over [0, time]. */
  time: number;
  /** Times in (0, time] at which to record (ascending); 0 and `time` are always recorded. */
  recordTimes?: readonly number[];
  /** Relative tolerance (default 1e-8) and absolute tolerance (> 0, default 1e-12) per parameter. */
  rtol?: number;
  atol?: number;
  /** Smallest step before steps are forced (default time * 1e-9). */
  hmin?: number;
  /** Budget of gradient evaluations (default 10^7): the run stops there, `complete: false`. */
  maxEvaluations?: number;
  /** 1 for parameters that move, 0 for frozen ones. */
  mask?: Float64Array;
  /** Label of a time in records (default: the time itself, rounded). */
  stepOf?: (t: number) => number;
}

export interface FlowResult {
  readonly theta: Float64Array;
  readonly sse: number;
  /** Time reached (== options.time when complete). */
  readonly time: number;
  readonly complete: boolean;
  readonly diverged: boolean;
  readonly evaluations: number;
  readonly accepted: number;
  readonly rejected: number;
  /** Steps of size hmin taken although their error estimate exceeded the tolerance. */
  readonly forced: number;
}

// Dormand-Prince 5(4) tableau.
const A = [
  [],
  [1 / 5],
  [3 / 40, 9 / 40],
  [44 / 45, -56 / 15, 32 / 9],
  [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729],
  [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656],
  [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84],
];
/** 5th-order weights minus 4th-order weights: the error estimate. */
const E = [71 / 57600, 0, -71 / 16695, 71 / 1920, -17253 / 339200, 22 / 525, -1 / 40];

export function gradientFlow(objective: Objective, theta0: Float64Array, options: FlowOptions): FlowResult {
  const T = options.time;
  if (!(Number.isFinite(T) && T >= 0)) throw new UsageError(`gradientFlow: time must be a finite number >= 0, got ${T}`);
  const rtol = options.rtol ?? 1e-8;
  const atol = options.atol ?? 1e-12;
  // atol > 0: a parameter at 0 (a frozen bias) would otherwise get a zero error scale
  if (!(rtol > 0 && Number.isFinite(rtol)) || !(atol > 0 && Number.isFinite(atol))) throw new UsageError(`gradientFlow: need rtol > 0 and atol > 0, got ${rtol}, ${atol}`);
  const hmin = options.hmin ?? T * 1e-9;
  const maxEvaluations = options.maxEvaluations ?? 1e7;
  const { mask } = options;
  const P = objective.size;
  if (theta0.length !== P) throw new UsageError(`gradientFlow: theta has length ${theta0.length}, the objective ${P}`);
  checkMask(mask, P, 'gradientFlow');
  const stepOf = options.stepOf ?? ((t: number) => t);
  const stops = [...(options.recordTimes ?? []).filter((t) => t > 0 && t < T), T];
  let y = Float64Array.from(theta0);
  let yNew = new Float64Array(P);
  const stage = new Float64Array(P);
  const k = Array.from({ length: 7 }, () => new Float64Array(P));
  // field(theta) = -mask * grad sse(theta), into out; returns sse(theta)
  const field = (theta: Float64Array, out: Float64Array): number => {
    const sse = objective.evaluate(theta, out);
    if (mask === undefined) for (let p = 0; p < P; p++) out[p] = -out[p];
    else for (let p = 0; p < P; p++) out[p] = -mask[p] * out[p];
    return sse;
  };
  let evaluations = 1;
  let sse = field(y, k[0]);
  let t = 0;
  let accepted = 0;
  let rejected = 0;
  let forced = 0;
  options.onRecord?.({ t: 0, step: stepOf(0), theta: y, sse });
  const result = (complete: boolean): FlowResult => ({ theta: y, sse, time: t, complete, diverged: !Number.isFinite(sse), evaluations, accepted, rejected, forced });
  if (!Number.isFinite(sse)) return result(false);
  let h = initialStep(y, k[0], T, rtol, atol);
  let stopAt = 0;
  let lastProgress = 0;
  let justRejected = false;
  while (t < T) {
    if (evaluations + 6 > maxEvaluations) {
      options.onRecord?.({ t, step: stepOf(t), theta: y, sse });
      return result(false);
    }
    const target = stops[stopAt];
    let hTry = Math.min(h, target - t);
    const forcing = hTry < hmin && target - t > hmin;
    if (forcing) hTry = hmin;
    let sseNew = NaN;
    for (let s = 1; s < 7; s++) {
      const row = A[s];
      const into = s === 6 ? yNew : stage; // the last stage point is the 5th-order solution
      for (let p = 0; p < P; p++) {
        let acc = y[p];
        for (let r = 0; r < s; r++) acc += hTry * row[r] * k[r][p];
        into[p] = acc;
      }
      sseNew = field(into, k[s]);
      evaluations++;
    }
    let err = 0;
    for (let p = 0; p < P; p++) {
      let e = 0;
      for (let r = 0; r < 7; r++) e += E[r] * k[r][p];
      const scale = atol + rtol * Math.max(Math.abs(y[p]), Math.abs(yNew[p]));
      const q = (hTry * e) / scale;
      err += q * q;
    }
    err = Math.sqrt(err / P);
    // a step whose stages left the finite region is rejected like any inaccurate one (it was
    // accepted, and the run called diverged, where a shorter step goes on); at hmin it is forced
    if (err <= 1 || forcing) {
      if (err > 1 && forcing) forced++;
      accepted++;
      t = hTry === target - t ? target : t + hTry;
      [y, yNew] = [yNew, y];
      // FSAL: the last stage's field is the next step's first
      [k[0], k[6]] = [k[6], k[0]];
      sse = sseNew;
      if (!Number.isFinite(sse)) return result(false);
      if (t === target) {
        options.onRecord?.({ t, step: stepOf(t), theta: y, sse });
        stopAt++;
      }
      // no growth right after a rejection (Hairer, Norsett & Wanner II.4): it would only be rejected again
      h = hTry * Math.min(justRejected ? 1 : 5, Math.max(0.2, 0.9 * Math.pow(Math.max(err, 1e-10), -0.2)));
      justRejected = false;
      if (t - lastProgress >= T / 200) {
        lastProgress = t;
        options.onProgress?.(t / T);
      }
    } else {
      rejected++;
      justRejected = true;
      h = hTry * (Number.isNaN(err) ? 0.2 : Math.max(0.2, 0.9 * Math.pow(err, -0.2)));
    }
  }
  options.onProgress?.(1);
  return result(true);
}

/** A first step from the field's size (Hairer, Norsett & Wanner II.4, simplified). */
function initialStep(y: Float64Array, f: Float64Array, T: number, rtol: number, atol: number): number {
  let d0 = 0;
  let d1 = 0;
  for (let p = 0; p < y.length; p++) {
    const scale = atol + rtol * Math.abs(y[p]);
    d0 += (y[p] / scale) ** 2;
    d1 += (f[p] / scale) ** 2;
  }
  d0 = Math.sqrt(d0 / y.length);
  d1 = Math.sqrt(d1 / y.length);
  const h = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : (0.01 * d0) / d1;
  return Math.min(T > 0 ? T : 1, h);
}
