/**
 * A small, dependency-free SVG plot of a spline: the function over a range that shows every knot
 * and data point, its knots marked, the data (when given) as crosses, labelled axes with ticks at
 * round numbers. Coordinates are floats (a picture is approximate); the exact values are in the
 * text and JSON outputs.
 */
import { UsageError } from '../core/errors.js';
import { Rational } from '../field/rational.js';
import { evaluateSpline, type Spline } from './spline.js';

export interface SplinePlotOptions {
  /** Points to draw (y optional: points without labels are drawn on the curve). */
  data?: { x: readonly Rational[]; y?: readonly Rational[] };
  title?: string;
  /** Pixels; defaults 640 x 400. */
  width?: number;
  height?: number;
  /** The x range to show; default: every knot and data point, with a margin. */
  xRange?: readonly [Rational, Rational];
  /** The y range shown (floats); default: the curve and the data, padded. Fixed ranges keep the frames of an animation comparable. */
  yRange?: readonly [number, number];
  /** Default true: a standalone document (with the SVG namespace); false for inline use in HTML. */
  standalone?: boolean;
}

const MARGIN = { left: 64, right: 20, top: 34, bottom: 48 };

/** The plot as an SVG document (a string, no external resources). */
export function splineSvg(s: Spline, options: SplinePlotOptions = {}): string {
  const width = options.width ?? 640;
  const height = options.height ?? 400;
  const [x0, x1] = xRange(s, options);
  if (x0.cmp(x1) >= 0) throw new UsageError(`splineSvg: xRange must be increasing, got [${x0}, ${x1}]`);
  const curveXs = [x0, ...s.knots.filter((t) => t.cmp(x0) > 0 && t.cmp(x1) < 0), x1];
  const curve = curveXs.map((x) => [x.toNumber(), evaluateSpline(s, x).toNumber()] as const);
  const data = (options.data?.x ?? []).map((x, i) => [x.toNumber(), (options.data?.y?.[i] ?? evaluateSpline(s, x)).toNumber()] as const);
  const knots = s.knots.map((t, k) => [t, k] as const).filter(([t]) => t.cmp(x0) >= 0 && t.cmp(x1) <= 0).map(([t, k]) => [t.toNumber(), s.values[k].toNumber(), k] as const);
  const ys = [...curve, ...data].map((p) => p[1]).filter(Number.isFinite);
  const [y0, y1] = options.yRange ?? padded(Math.min(...ys), Math.max(...ys), 0.08);
  const xa = x0.toNumber();
  const xb = x1.toNumber();
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const px = (x: number): number => MARGIN.left + ((x - xa) / (xb - xa)) * plotW;
  const py = (y: number): number => MARGIN.top + (1 - (y - y0) / (y1 - y0)) * plotH;
  const f = (v: number): string => (Math.round(v * 100) / 100).toString();
  const out: string[] = [];
  const ns = options.standalone === false ? '' : ' xmlns="http://www.w3.org/2000/svg"';
  out.push(`<svg${ns} width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${width}" height="${height}" fill="white"/>`);
  if (options.title !== undefined) out.push(`<text x="${width / 2}" y="20" text-anchor="middle" font-size="14">${escapeXml(options.title)}</text>`);
  for (const t of niceTicks(xa, xb)) {
    out.push(`<line x1="${f(px(t))}" y1="${MARGIN.top}" x2="${f(px(t))}" y2="${MARGIN.top + plotH}" stroke="#eee"/>`);
    out.push(`<line x1="${f(px(t))}" y1="${MARGIN.top + plotH}" x2="${f(px(t))}" y2="${MARGIN.top + plotH + 5}" stroke="#333"/>`);
    out.push(`<text x="${f(px(t))}" y="${MARGIN.top + plotH + 18}" text-anchor="middle">${tickLabel(t)}</text>`);
  }
  for (const t of niceTicks(y0, y1)) {
    out.push(`<line x1="${MARGIN.left}" y1="${f(py(t))}" x2="${MARGIN.left + plotW}" y2="${f(py(t))}" stroke="#eee"/>`);
    out.push(`<line x1="${MARGIN.left - 5}" y1="${f(py(t))}" x2="${MARGIN.left}" y2="${f(py(t))}" stroke="#333"/>`);
    out.push(`<text x="${MARGIN.left - 8}" y="${f(py(t) + 4)}" text-anchor="end">${tickLabel(t)}</text>`);
  }
  if (y0 < 0 && y1 > 0) out.push(`<line x1="${MARGIN.left}" y1="${f(py(0))}" x2="${MARGIN.left + plotW}" y2="${f(py(0))}" stroke="#bbb" stroke-dasharray="4 3"/>`);
  out.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333"/>`);
  out.push(`<text x="${MARGIN.left + plotW / 2}" y="${height - 10}" text-anchor="middle">x</text>`);
  out.push(`<text x="16" y="${MARGIN.top + plotH / 2}" text-anchor="middle" transform="rotate(-90 16 ${MARGIN.top + plotH / 2})">f(x)</text>`);
  out.push(`<polyline fill="none" stroke="#1f5fbf" stroke-width="2" points="${curve.map(([x, y]) => `${f(px(x))},${f(py(y))}`).join(' ')}"/>`);
  for (const [x, y, k] of knots) out.push(`<circle cx="${f(px(x))}" cy="${f(py(y))}" r="4" fill="#d9480f"><title>knot ${k + 1}: x = ${escapeXml(s.knots[k].toString())}</title></circle>`);
  for (const [x, y] of data) {
    const cx = px(x);
    const cy = py(y);
    out.push(`<path d="M${f(cx - 4)},${f(cy - 4)}L${f(cx + 4)},${f(cy + 4)}M${f(cx - 4)},${f(cy + 4)}L${f(cx + 4)},${f(cy - 4)}" stroke="#2b8a3e" stroke-width="2"/>`);
  }
  out.push(...legend(MARGIN.left + 10, MARGIN.top + 10, s.knots.length, data.length));
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function legend(x: number, y: number, knots: number, points: number): string[] {
  const items = [`<line x1="${x}" y1="${y}" x2="${x + 18}" y2="${y}" stroke="#1f5fbf" stroke-width="2"/><text x="${x + 24}" y="${y + 4}">f</text>`];
  items.push(`<circle cx="${x + 9}" cy="${y + 16}" r="4" fill="#d9480f"/><text x="${x + 24}" y="${y + 20}">knots (${knots})</text>`);
  if (points > 0) items.push(`<path d="M${x + 5},${y + 28}L${x + 13},${y + 36}M${x + 5},${y + 36}L${x + 13},${y + 28}" stroke="#2b8a3e" stroke-width="2"/><text x="${x + 24}" y="${y + 36}">data (${points})</text>`);
  const box = `<rect x="${x - 6}" y="${y - 10}" width="108" height="${points > 0 ? 52 : 36}" fill="white" fill-opacity="0.85" stroke="#ccc"/>`;
  return [`<g>${box}${items.join('')}</g>`];
}

/** The range shown: all knots and data x, widened by a tenth of their span (or 1) so both tails show. */
function xRange(s: Spline, options: SplinePlotOptions): [Rational, Rational] {
  if (options.xRange !== undefined) return [options.xRange[0], options.xRange[1]];
  const xs = [...s.knots, ...(options.data?.x ?? [])];
  if (xs.length === 0) return [Rational.of(-1), Rational.ONE];
  let lo = xs[0];
  let hi = xs[0];
  for (const x of xs) {
    if (x.cmp(lo) < 0) lo = x;
    if (x.cmp(hi) > 0) hi = x;
  }
  const span = hi.sub(lo);
  const pad = span.isZero() ? Rational.ONE : span.div(Rational.of(10));
  return [lo.sub(pad), hi.add(pad)];
}

function padded(lo: number, hi: number, fraction: number): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [-1, 1];
  if (lo === hi) return [lo - 1, hi + 1];
  const pad = (hi - lo) * fraction;
  return [lo - pad, hi + pad];
}

/** Ticks at multiples of 1, 2 or 5 times a power of ten, about six of them. */
export function niceTicks(lo: number, hi: number): number[] {
  const raw = (hi - lo) / 6;
  if (!(raw > 0) || !Number.isFinite(raw)) return [];
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((st) => st >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return out;
}

function tickLabel(t: number): string {
  return Number(t.toPrecision(10)).toString();
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}
