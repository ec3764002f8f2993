/**
 * The loss landscape in the report: with labelled data, the certified global optimum for the
 * net's width (or widths 1 and 2), the critical points of univariate data (minima, saddles,
 * spurious local minima), and at the given net the exact Hessian's inertia and spectrum.
 * Each enumeration runs under a small budget and says so when it runs out.
 */
import { certifiedSpectrum, countCriticalCells, criticalPoints, optimum, sseDerivatives } from '../../../analyses/landscape/index.js';
import { BudgetExceededError } from '../../../core/errors.js';
import { Rational } from '../../../field/rational.js';
import { writeReluNet } from '../../../network/json-io.js';
import { inputDim, isShallowScalar, outputDim } from '../../../network/relu-net.js';
import { eigenvaluesText, exactAndDecimal } from '../../landscape-format.js';
import { briefRational } from '../facts.js';
import type { Block, Fact, ReportSection } from '../section.js';

const OPTIMUM_BUDGET = { maxSeconds: 4, maxCount: 20_000 };
/** Critical points are enumerated only when the cells are this few (a cell can hold many families). */
const CRITICAL_MAX_CELLS = 1_500;
const CRITICAL_BUDGET = { maxSeconds: 4, maxCount: CRITICAL_MAX_CELLS };

export const landscapeSection: ReportSection = {
  id: 'landscape',
  applies: (input) => input.data?.y !== undefined && input.data.X.nrows > 0 && (input.net === undefined || (outputDim(input.net) === 1 && inputDim(input.net) === input.data.X.ncols)),
  build(input) {
    const data = { X: input.data!.X, y: input.data!.y! };
    const d = input.digits;
    const net = input.net;
    const widths = net !== undefined && isShallowScalar(net) ? [net.layers[0].W.nrows] : [1, 2];
    const blocks: Block[] = [
      {
        kind: 'text',
        text:
          `The squared loss sse = sum (f(x_i) - y_i)^2 over shallow nets (hidden biases and output bias on): its exact global minimum by activation-pattern tuples and ` +
          `a convex QP per tuple (relu-exact optimum)${data.X.ncols === 1 ? ', and every critical point of the univariate problem (relu-exact critical)' : ''}.`,
      },
    ];
    const json: Record<string, unknown> = {};
    const headline: Fact[] = [];
    const optRows: string[][] = [];
    const optima: Record<string, unknown> = {};
    for (const m of widths) {
      try {
        const r = optimum(data, m, OPTIMUM_BUDGET);
        optima[m] = { sse: r.sse.toString(), net: writeReluNet(r.net), counts: r.counts };
        optRows.push([String(m), exactAndDecimal(r.sse, d), r.vertex.map((v) => `${v.pattern}${v.sign > 0 ? '+' : '-'}`).join(' '), `${r.counts.qps} QPs, ${r.seconds.toFixed(2)} s`]);
        headline.push({ label: `optimum, width ${m}`, value: briefRational(r.sse, Math.min(d, 4)), tone: 'good' });
      } catch (e) {
        if (!(e instanceof BudgetExceededError)) throw e;
        optima[m] = { stopped: true, reason: e.message };
        optRows.push([String(m), 'not certified: budget ran out', '', '']);
      }
    }
    json['optimum'] = optima;
    blocks.push({ kind: 'table', header: ['width', 'global minimum of sse (exact)', 'optimal patterns (sign of v)', 'work'], rows: optRows });
    const m = widths[widths.length - 1];
    const distinct = new Set(data.X.rows.map((r) => r[0].toString())).size;
    const cells = data.X.ncols === 1 ? countCriticalCells(distinct, m) : 0;
    if (data.X.ncols === 1 && cells > CRITICAL_MAX_CELLS) {
      blocks.push({ kind: 'note', text: `Critical points of width ${m} span ${cells} cells, more than the report enumerates (${CRITICAL_MAX_CELLS}): run relu-exact critical --width ${m} (with --max-seconds).` });
      json['critical'] = { width: m, skipped: true, cells };
    } else if (data.X.ncols === 1) {
      const r = criticalPoints(data, m, CRITICAL_BUDGET);
      const all = [...r.criticalPoints, ...r.clarkePoints];
      const minima = all.filter((f) => f.localMinimum);
      const values = [...new Set(minima.map((f) => f.sse.toString()))].map((s) => minima.find((f) => f.sse.toString() === s)!.sse).sort((a, b) => a.cmp(b));
      const spurious = r.complete && r.lowestSse !== null ? values.filter((v) => !v.eq(r.lowestSse!)) : [];
      // Strict: an isolated point (modulo scaling) with a positive-definite Hessian in spline coordinates.
      const strict = minima.filter((f) => f.dimension === 0 && f.splineInertia !== null && f.splineInertia.zero === 0 && f.splineInertia.neg === 0);
      const strictSpurious = strict.filter((f) => r.lowestSse !== null && !f.sse.eq(r.lowestSse));
      json['critical'] = { width: m, complete: r.complete, smooth: r.criticalPoints.length, clarke: r.clarkePoints.length, localMinimumValues: values.map(String), spuriousMinimumValues: spurious.map(String), strictSpuriousMinima: strictSpurious.length, counts: r.counts };
      blocks.push({
        kind: 'text',
        text:
          `Width ${m}: ${r.criticalPoints.length} smooth critical points or families (${r.criticalPoints.filter((f) => f.kind === 'saddle').length} saddles) and ${r.clarkePoints.length} Clarke points with a breakpoint on a sample` +
          `${r.complete ? '' : ` (INCOMPLETE: the budget stopped after ${r.counts.cells} of ${r.counts.cellsTotal} cells)`}. ` +
          `Local minimum values: ${values.map((v) => exactAndDecimal(v, Math.min(d, 6))).join(', ') || 'none found'}.`,
      });
      if (r.complete) {
        blocks.push({
          kind: 'note',
          text:
            spurious.length === 0
              ? 'Every local minimum is global: no spurious minima at this width.'
              : `${spurious.length} local minimum value${spurious.length === 1 ? '' : 's'} above the global optimum, ${strictSpurious.length} of them at strict minima (isolated, positive-definite Hessian); ` +
                'the others are weak minima (plateaus of dead, zero-slope or w = 0 neurons, or flat cells). Gradient descent can stop at any of them.',
        });
        headline.push({ label: `spurious minima, width ${m}`, value: spurious.length === 0 ? '0' : `${spurious.length} (${strictSpurious.length} strict)`, tone: spurious.length === 0 ? 'good' : 'warn' });
      }
    }
    if (net !== undefined) {
      const dn = sseDerivatives(net, data);
      if (!dn.differentiable) {
        blocks.push({ kind: 'text', text: `At the given net sse = ${exactAndDecimal(dn.sse, d)} is not differentiable: ${dn.ties.length} pre-activation${dn.ties.length === 1 ? ' is' : 's are'} exactly 0 at a data point (relu-exact hessian prints the one-sided partials).` });
        json['atNet'] = { sse: dn.sse.toString(), differentiable: false, ties: dn.ties.length };
      } else {
        const spectrum = dn.hessian.nrows <= 40 ? certifiedSpectrum(dn.hessian, { digits: Math.min(d, 12) }) : null;
        const critical = dn.gradient.every((g) => g.isZero());
        const norm2 = dn.gradient.reduce((a, g) => a.add(g.mul(g)), Rational.ZERO);
        const inert = spectrum === null ? null : { pos: count(spectrum, 1), neg: count(spectrum, -1), zero: count(spectrum, 0) };
        blocks.push({
          kind: 'text',
          text:
            `At the given net: sse = ${exactAndDecimal(dn.sse, d)}; ${critical ? 'the gradient is exactly 0 (a critical point)' : `|grad sse|^2 = ${exactAndDecimal(norm2, Math.min(d, 6))}`}` +
            (spectrum !== null ? `; Hessian eigenvalues (certified): ${eigenvaluesText(spectrum)}; inertia ${inert!.pos}/${inert!.neg}/${inert!.zero} (+/-/0).` : '.'),
        });
        json['atNet'] = { sse: dn.sse.toString(), differentiable: true, critical, gradientNormSquared: norm2.toString(), inertia: inert, eigenvalues: spectrum?.eigenvalues.map((e) => e.decimal) ?? null };
      }
    }
    return { title: 'The loss landscape', blocks, json, headline };
  },
};

function count(s: ReturnType<typeof certifiedSpectrum>, sign: -1 | 0 | 1): number {
  return s.eigenvalues.filter((e) => (sign === 0 ? e.exact && e.lower.isZero() : e.lower.sign() === sign || (e.lower.isZero() && !e.exact && e.upper.sign() === sign))).reduce((a, e) => a + e.multiplicity, 0);
}
