/**
 * "Videos of learning dynamics" (Sahs et al. 2022) as one animated SVG: the spline of a
 * univariate net at each recorded time, drawn by the spline lens's plot (spline/svg.ts) on fixed
 * axes with the data, shown one frame after another by SMIL (discrete visibility animation,
 * looping). Each frame's spline is the exact function of the float parameters (through
 * rationalFromFloat and toSpline), so knots are where the net really bends.
 */
import { DimensionError, UsageError } from '../core/errors.js';
import { rationalFromFloat } from '../field/float-exact.js';
import { evaluateSpline, type Spline } from '../spline/spline.js';
import { splineSvg } from '../spline/svg.js';
import { toSpline } from '../spline/to-spline.js';
import { exactNetOfTheta } from './float-net.js';

export interface AnimationFrame {
  readonly theta: Float64Array;
  /** Shown as the frame's title (e.g. "step 100  t = 0.1  sse = 0.25"). */
  readonly label: string;
}

export interface AnimationOptions {
  width?: number;
  height?: number;
  /** Seconds each frame shows (default 0.2). */
  frameSeconds?: number;
}

/** The animated SVG document of univariate nets (widths [1, ..., 1]) moving over the data (x, y). */
export function splineAnimationSvg(widths: readonly number[], frames: readonly AnimationFrame[], data: { x: Float64Array; y: Float64Array }, options: AnimationOptions = {}): string {
  if (widths[0] !== 1 || widths[widths.length - 1] !== 1) throw new DimensionError('splineAnimationSvg', `needs univariate nets with one output; widths are [${widths.join(', ')}]`);
  if (frames.length === 0) throw new UsageError('splineAnimationSvg: no frames');
  const width = options.width ?? 640;
  const height = options.height ?? 400;
  const seconds = options.frameSeconds ?? 0.2;
  const splines: Spline[] = frames.map((f) => toSpline(exactNetOfTheta(widths, f.theta)));
  const xs = Array.from(data.x);
  const lo = xs.length > 0 ? Math.min(...xs) : -1;
  const hi = xs.length > 0 ? Math.max(...xs) : 1;
  const pad = hi > lo ? 0.15 * (hi - lo) : 1;
  const xRange = [rationalFromFloat(lo - pad), rationalFromFloat(hi + pad)] as const;
  // one y range for all frames: the curves over the x range and the data
  let y0 = Infinity;
  let y1 = -Infinity;
  const see = (v: number): void => {
    if (Number.isFinite(v)) {
      y0 = Math.min(y0, v);
      y1 = Math.max(y1, v);
    }
  };
  data.y.forEach(see);
  for (const s of splines) {
    see(evaluateSpline(s, xRange[0]).toNumber());
    see(evaluateSpline(s, xRange[1]).toNumber());
    s.knots.forEach((t, k) => {
      if (t.cmp(xRange[0]) > 0 && t.cmp(xRange[1]) < 0) see(s.values[k].toNumber());
    });
  }
  if (!(y1 > y0)) [y0, y1] = [y0 - 1, y0 + 1];
  const margin = 0.08 * (y1 - y0);
  const yRange = [y0 - margin, y1 + margin] as const;
  const plotData = { x: xs.map(rationalFromFloat), y: Array.from(data.y, rationalFromFloat) };
  const n = frames.length;
  const period = (n * seconds).toFixed(3);
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`, '<rect width="100%" height="100%" fill="white"/>'];
  splines.forEach((s, k) => {
    const frame = splineSvg(s, { data: plotData, xRange, yRange, width, height, title: frames[k].label, standalone: false });
    out.push(`<g visibility="${k === 0 ? 'visible' : 'hidden'}">`);
    if (n > 1) out.push(`<animate attributeName="visibility" ${visibilityTimes(k, n)} dur="${period}s" calcMode="discrete" repeatCount="indefinite"/>`);
    out.push(frame.trimEnd(), '</g>');
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/** values/keyTimes making frame k of n visible during [k/n, (k+1)/n) of the period. */
function visibilityTimes(k: number, n: number): string {
  const at = (i: number): string => (i / n).toFixed(6);
  if (k === 0) return `values="visible;hidden" keyTimes="0;${at(1)}"`;
  if (k === n - 1) return `values="hidden;visible" keyTimes="0;${at(k)}"`;
  return `values="hidden;visible;hidden" keyTimes="0;${at(k)};${at(k + 1)}"`;
}
