/**
 * The spline lens in the report: for a univariate net, its knots, the per-neuron lens (shallow
 * nets), roughness, minimal width and a plot with the data; for univariate labelled data, the
 * minimum-cost interpolant.
 */
import type { Rational } from '../../../field/rational.js';
import { writeReluNet } from '../../../network/json-io.js';
import { hiddenNeuronCount, inputDim, outputDim } from '../../../network/relu-net.js';
import { minCostInterpolant, roughness } from '../../../spline/cost.js';
import { splineToJson } from '../../../spline/spline.js';
import { splineSvg } from '../../../spline/svg.js';
import { KNOT_HEADER, NEURON_HEADER, knotRows, lensNotes, neuronRows, splineJson, splineSentence, summariseSpline, type SplineSummary } from '../../spline-summary.js';
import { briefRational } from '../facts.js';
import type { Block, Fact, ReportInput, ReportSection } from '../section.js';

const univariateData = (input: ReportInput): { x: Rational[]; y?: readonly Rational[] } | undefined =>
  input.data !== undefined && input.data.X.ncols === 1 ? { x: input.data.X.col(0), y: input.data.y } : undefined;

export const splineSection: ReportSection = {
  id: 'spline',
  applies: (input) => input.net !== undefined && inputDim(input.net) === 1 && outputDim(input.net) === 1,
  build(input) {
    const summary = summariseSpline(input.net!);
    const { spline, lens } = summary;
    const data = univariateData(input);
    const blocks: Block[] = [{ kind: 'text', text: splineSentence(summary, input.digits) }];
    if (spline.knots.length > 0) blocks.push({ kind: 'table', header: KNOT_HEADER, rows: knotRows(spline, input.digits) });
    if (lens !== null) {
      blocks.push({ kind: 'text', text: 'The spline lens, one row per neuron: v relu(w x + b) = mu relu(s (x - beta)) with beta = -b/w, s = sign(w), mu = v |w|.' });
      blocks.push({ kind: 'table', header: NEURON_HEADER, rows: neuronRows(lens, input.digits) });
      for (const note of lensNotes(lens, data?.x)) blocks.push({ kind: 'note', text: note });
    }
    blocks.push({
      kind: 'svg',
      svg: splineSvg(spline, { standalone: false, ...(data !== undefined ? { data } : {}) }),
      caption: `f with its ${spline.knots.length} knot${spline.knots.length === 1 ? '' : 's'}${data !== undefined ? ' and the data' : ''}.`,
    });
    const json = splineJson(summary);
    return {
      title: 'The spline lens',
      blocks,
      json: Object.fromEntries(['knots', 'slopes', 'values', 'f0', 'roughness', 'representationCost', 'minimalWidth', 'affineExtra', 'minimalReason'].map((k) => [k, json[k]])),
      headline: splineHeadline(summary, input.digits),
    };
  },
};

export const interpolantSection: ReportSection = {
  id: 'min-cost-interpolant',
  applies: (input) => {
    const data = univariateData(input);
    return data?.y !== undefined && data.x.length > 0 && distinctLabels(data.x, data.y);
  },
  build(input) {
    const data = univariateData(input)!;
    const r = minCostInterpolant(data.x, data.y!);
    const tilted = r.tailSum.abs().cmp(r.interiorVariation) > 0;
    return {
      title: 'Minimum-cost interpolant of the data',
      blocks: [
        {
          kind: 'text',
          text:
            `Among shallow ReLU nets of any width that interpolate the data, the least weight cost (1/2) sum (v^2 + w^2) (biases free; Savarese et al. 2019) is ` +
            `R* = ${r.cost}: data slopes ${r.dataSlopes.map(String).join(', ') || '(none)'}, their total variation TV = ${r.interiorVariation}, tail sum B0 = ${r.tailSum}` +
            (tilted ? ', and since |B0| > TV the left tail tilts at the first point.' : ', and since |B0| <= TV linear interpolation with linear extrapolation is optimal.'),
        },
        ...(r.spline.knots.length > 0 ? [{ kind: 'table' as const, header: KNOT_HEADER, rows: knotRows(r.spline, input.digits) }] : []),
        { kind: 'svg', svg: splineSvg(r.spline, { standalone: false, data: { x: r.x, y: r.y } }), caption: 'One minimiser (knots at the data points) and the data.' },
      ],
      json: { cost: r.cost.toString(), ...splineToJson(r.spline), net: writeReluNet(r.net) },
      headline: [{ label: 'least cost R*', value: briefRational(r.cost, Math.min(input.digits, 4)) }],
    };
  },
};

/** Knots, roughness, and the minimal width against the net's own (a reducible net is worth a look). */
function splineHeadline(s: SplineSummary, digits: number): Fact[] {
  const width = hiddenNeuronCount(s.net);
  const minimal = s.minimal;
  const facts: Fact[] = [
    { label: 'knots', value: String(s.spline.knots.length) },
    { label: "roughness int |f''|", value: briefRational(roughness(s.spline), Math.min(digits, 4)) },
  ];
  if (minimal === null) facts.push({ label: 'minimal width', value: 'search ran out of budget', tone: 'warn' });
  else if (minimal.width < width) facts.push({ label: 'minimal width', value: `${minimal.width} < ${width}: reducible`, tone: 'warn' });
  else facts.push({ label: 'minimal width', value: `${minimal.width}${minimal.width === width ? ' (this net\'s own)' : ''}`, tone: 'good' });
  return facts;
}

/** Equal x with different y cannot be interpolated: then the section is left out. */
function distinctLabels(x: readonly Rational[], y: readonly Rational[]): boolean {
  const seen = new Map<string, Rational>();
  return x.every((xi, i) => {
    const prior = seen.get(xi.toString());
    seen.set(xi.toString(), y[i]);
    return prior === undefined || prior.eq(y[i]);
  });
}
