/** JSON and text forms of the loss-landscape results (critical points, spectra) for the CLI and the report. */
import type { CertifiedEigenvalue, CriticalFamily, CriticalRole, Spectrum } from '../analyses/landscape/index.js';
import { formatSignificant } from '../field/format.js';
import type { Rational } from '../field/rational.js';
import { writeReluNet } from '../network/json-io.js';
import type { BreakpointPlace } from '../spline/cells.js';

/** Where a breakpoint is, with the sample values: `{ gap: [x_(k-1), x_k] }` (null beyond the ends) or `{ at: x_k }`. */
function placeJson(place: BreakpointPlace, xs: readonly Rational[]): Record<string, unknown> {
  if (place.kind === 'at') return { at: xs[place.sample].toString() };
  return { gap: [place.gap > 0 ? xs[place.gap - 1].toString() : null, place.gap < xs.length ? xs[place.gap].toString() : null] };
}

export function roleJson(r: CriticalRole, xs: readonly Rational[]): Record<string, unknown> {
  switch (r.role) {
    case 'live':
      return { role: 'live', breakpoint: placeJson(r.place, xs), orientation: r.orientation, muSign: r.muSign };
    case 'zero-slope':
      return { role: 'zero-slope', breakpoint: placeJson(r.place, xs), orientation: r.orientation, beta: r.beta };
    case 'dead':
      return { role: 'dead', breakpoint: placeJson(r.place, xs), orientation: r.orientation };
    case 'constant':
      return { role: 'constant', v: r.v };
    default:
      return { role: r.role };
  }
}

function placeText(place: BreakpointPlace, xs: readonly Rational[]): string {
  if (place.kind === 'at') return `on x = ${xs[place.sample]}`;
  if (place.gap === 0) return `left of ${xs[0]}`;
  if (place.gap === xs.length) return `right of ${xs[xs.length - 1]}`;
  return `in (${xs[place.gap - 1]}, ${xs[place.gap]})`;
}

/** A short description of a neuron's role: `kink in (0, 1) facing right, mu > 0`. */
export function roleText(r: CriticalRole, xs: readonly Rational[]): string {
  const facing = (s: 1 | -1): string => (s > 0 ? 'facing right' : 'facing left');
  switch (r.role) {
    case 'live':
      return `kink ${placeText(r.place, xs)} ${facing(r.orientation)}, mu ${r.muSign > 0 ? '> 0' : '< 0'}`;
    case 'zero-slope':
      return `zero slope ${placeText(r.place, xs)} ${facing(r.orientation)}, beta ${r.beta}`;
    case 'dead':
      return `dead ${placeText(r.place, xs)} ${facing(r.orientation)}`;
    case 'constant':
      return r.v === 'live' ? 'constant (w = 0), v != 0' : `constant (w = 0, b > 0), v ${r.v === 'free' ? 'free' : '= 0'}`;
    case 'off':
      return 'off (w = 0, b < 0)';
    case 'zero':
      return 'zero neuron (w = b = v = 0)';
  }
}

export function eigenvalueJson(e: CertifiedEigenvalue): Record<string, unknown> {
  return { lower: e.lower.toString(), upper: e.upper.toString(), exact: e.exact, multiplicity: e.multiplicity, decimal: e.decimal, lowerDecimal: e.lowerDecimal, upperDecimal: e.upperDecimal };
}

export function spectrumJson(s: Spectrum): Record<string, unknown> {
  return { charpoly: s.charpoly.map(String), eigenvalues: s.eigenvalues.map(eigenvalueJson), digits: s.digits, float: { eigenvalues: s.float, exact: false, maxErrorAgainstCertified: s.floatError } };
}

export function familyJson(f: CriticalFamily, xs: readonly Rational[], spectrum?: Spectrum): Record<string, unknown> {
  return {
    sse: f.sse.toString(),
    kind: f.kind,
    inertia: f.inertia,
    net: writeReluNet(f.net),
    dimension: f.dimension,
    localMinimum: f.localMinimum,
    globalMinimum: f.globalMinimum,
    splineInertia: f.splineInertia,
    neurons: f.neurons.map((r) => roleJson(r, xs)),
    ...(f.oneSided !== undefined ? { oneSided: f.oneSided.map((o) => ({ neuron: o.neuron, at: xs[o.sample].toString(), left: o.left.toString(), right: o.right.toString() })) } : {}),
    ...(spectrum !== undefined ? { spectrum: spectrumJson(spectrum) } : {}),
  };
}

/** `1/2 (~0.5)` style, short. */
export function exactAndDecimal(q: Rational, digits: number): string {
  return q.isInteger() ? q.toString() : `${q} (~${formatSignificant(q, digits)})`;
}

/** Eigenvalues as `~-0.618 (x1), 0 (exact, x2)`. */
export function eigenvaluesText(s: Spectrum): string {
  return s.eigenvalues.map((e) => `${e.exact ? e.lower.toString() : '~' + e.decimal}${e.multiplicity > 1 ? ` (x${e.multiplicity})` : ''}`).join(', ');
}
