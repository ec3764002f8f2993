/** `identify` (is the net determined by its values on these samples?) and `samples` (a set that determines it). */
import { distinguishingSamples, identifiabilityCertificate, identify, normalizeSamples, type IdentifyResult } from '../../analyses/identifiability/index.js';
import { UsageError } from '../../core/errors.js';
import { formatSignificant } from '../../field/format.js';
import { evaluateScalar } from '../../network/evaluate.js';
import { writeDataset, writeReluNet } from '../../network/json-io.js';
import { qqMatrix } from '../../linalg/mat.js';
import type { Command, CommandContext } from '../command.js';
import { checkPointsFitNet, integerOption, loadNet, loadPoints, printJson } from '../inputs.js';
import { table } from '../text.js';
import { budgetOptions } from './patterns.js';

const budgetSpecs = {
  'max-count': { type: 'string', valueName: 'N', description: 'stop (exit 3) after N LPs of the exact search (default 200000; input dimension > 1: the search ends quietly after N, default 2000)' },
  'max-seconds': { type: 'string', valueName: 'S', description: 'stop (exit 3) after S seconds' },
} as const;

function widthOption(ctx: CommandContext): number | undefined {
  return ctx.options['width'] === undefined ? undefined : integerOption(ctx, 'width', { min: 0, max: 1000 });
}

function searchBudget(ctx: CommandContext): { maxLps?: number; maxSeconds?: number } {
  const b = budgetOptions(ctx, 'LPs');
  return { ...(b.maxCount !== undefined ? { maxLps: b.maxCount } : {}), ...(b.maxSeconds !== undefined ? { maxSeconds: b.maxSeconds } : {}) };
}

export const identifyCommand: Command = {
  name: 'identify',
  summary: "decide whether a net is determined by its values on samples, among nets of a width; a counterexample or a certificate",
  description:
    'Is there a shallow ReLU net of width at most --width (default: the net\'s own width; the output bias is part of the model) that ' +
    'agrees with the net at every sample and computes another function? For univariate nets the answer is exact: either a ' +
    'counterexample (checked: it agrees at every sample exactly, differs at a stated point, and fits the width by the minimal-width ' +
    'rules) or an exhaustive search over where its knots can lie, every branch closed by an exact LP certificate (--certificate ' +
    'writes them as certificate/1). For input dimension > 1 it searches for counterexamples (a neuron beyond the samples, a neuron ' +
    'no sample activates, LP placement over activation patterns): finding none is NOT a proof, and the output says so (proof: false). ' +
    "The samples file is a dataset/1 (its X; labels are ignored, the net's own values are used) or a matrix/1.",
  options: {
    net: { type: 'string', valueName: 'FILE', required: true, description: 'the network (relu-net/1, one output)' },
    samples: { type: 'string', valueName: 'FILE', required: true, description: 'the sample points (dataset/1 or matrix/1)' },
    width: { type: 'string', valueName: 'M', description: "compare with nets of width at most M (default: the net's own width)" },
    certificate: { type: 'string', valueName: 'FILE', description: 'write the answer as a re-checkable certificate/1' },
    counterexample: { type: 'string', valueName: 'FILE', description: 'write the counterexample net (relu-net/1), when there is one' },
    ...budgetSpecs,
  },
  run(ctx) {
    const { net, file: netFile } = loadNet(ctx);
    const { points, file: pointsFile } = loadPoints(ctx, 'samples');
    checkPointsFitNet(net, points, netFile, pointsFile);
    const width = widthOption(ctx);
    const result = identify(net, points, { ...(width !== undefined ? { width } : {}), ...searchBudget(ctx) });
    const samples = normalizeSamples(points, points.ncols);
    const certFile = ctx.options['certificate'];
    if (typeof certFile === 'string') {
      const cert = identifiabilityCertificate(net, samples, result);
      if (cert === null) throw new UsageError('--certificate: a search that found no counterexample (input dimension > 1) proves nothing, so there is no certificate to write');
      ctx.io.writeText(certFile, JSON.stringify(cert, null, 1) + '\n');
    }
    const ceFile = ctx.options['counterexample'];
    if (typeof ceFile === 'string' && result.counterexample !== null) ctx.io.writeText(ceFile, JSON.stringify(writeReluNet(result.counterexample), null, 2) + '\n');
    if (ctx.json) {
      printJson(ctx, identifyJson(result, typeof certFile === 'string' ? certFile : null));
      return;
    }
    ctx.io.stdout(identifyText(result, 8).join('\n') + '\n');
  },
};

export function identifyJson(r: IdentifyResult, certificate: string | null): Record<string, unknown> {
  return {
    identifiable: r.identifiable,
    counterexample: r.counterexample === null ? null : writeReluNet(r.counterexample),
    proof: r.proof,
    complete: r.complete,
    width: r.width,
    minimalWidth: r.minimalWidth,
    inputDim: r.inputDim,
    sampleCount: r.sampleCount,
    method: r.method,
    reason: r.reason,
    differsAt: r.differsAt === null ? null : { x: r.differsAt.x.map(String), net: r.differsAt.net.toString(), counterexample: r.differsAt.counterexample.toString() },
    knotLowerBound: r.knotLowerBound,
    closedNodes: r.closed.length,
    stats: r.stats,
    certificate,
  };
}

/** The answer in words: the verdict first, whether it is a proof, then why. */
export function identifyText(r: IdentifyResult, digits: number): string[] {
  const among = `among shallow nets of width <= ${r.width}`;
  const out: string[] = [];
  if (r.counterexample !== null) {
    const d = r.differsAt!;
    const at = d.x.map(String).join(', ');
    out.push(`NOT identifiable ${among} from these ${r.sampleCount} samples.`);
    out.push(`A counterexample agrees with the net at every sample and differs at x = (${at}): the net gives ${d.net}, the counterexample ${d.counterexample} (~${formatSignificant(d.counterexample, digits)}).`);
    out.push(`Counterexample (relu-net/1): ${JSON.stringify(writeReluNet(r.counterexample))}`);
  } else if (r.proof) {
    out.push(`Identifiable ${among}: no other function of that width agrees with the net at these ${r.sampleCount} samples (exact; ${r.closed.length} closed branches in the certificate).`);
  } else {
    out.push(`No counterexample found ${among} -- this is NOT a proof: for input dimension ${r.inputDim} the search is incomplete.`);
  }
  out.push(`Why: ${r.reason}.`);
  if (r.minimalWidth !== null) out.push(`The net's function needs ${r.minimalWidth} neuron${r.minimalWidth === 1 ? '' : 's'} (minimal width, output bias on).`);
  return out;
}

export const samplesCommand: Command = {
  name: 'samples',
  summary: 'a finite sample set that identifies a univariate net among nets of its width (certified), or why none exists',
  description:
    "Builds three points inside each linear piece of the net's function, checks with the exact identifiability search that no other " +
    'function of the width agrees on them, then thins the set (each piece\'s middle point, then single points) while the search still ' +
    'certifies it. Prints the points with the net\'s values (a dataset/1 under "samples"; --out writes it). When no finite set ' +
    'exists (a reducible net, a net whose affine part needs an extra neuron, an affine function) it says why.',
  options: {
    net: { type: 'string', valueName: 'FILE', required: true, description: 'the network (relu-net/1, one input, one output)' },
    width: { type: 'string', valueName: 'M', description: "identify among nets of width at most M (default: the net's own width)" },
    'no-reduce': { type: 'boolean', description: 'keep all three points per piece' },
    out: { type: 'string', valueName: 'FILE', description: 'write the samples as dataset/1 (x and the net\'s values)' },
    ...budgetSpecs,
  },
  run(ctx) {
    const { net } = loadNet(ctx);
    const width = widthOption(ctx);
    const r = distinguishingSamples(net, { ...(width !== undefined ? { width } : {}), reduce: ctx.options['no-reduce'] !== true, ...searchBudget(ctx) });
    if (!r.ok) {
      if (ctx.json) printJson(ctx, { ok: false, samples: null, count: 0, identifiable: false, width: r.width, minimalWidth: r.minimalWidth, reason: r.reason, out: null });
      else ctx.io.stdout(`No finite sample set identifies this net among nets of width <= ${r.width}: ${r.reason}.\n`);
      return;
    }
    const ys = r.samples.map((x) => evaluateScalar(net, [x]));
    const dataset = writeDataset({ X: qqMatrix(r.samples.map((x) => [x])), y: ys });
    const out = ctx.options['out'];
    if (typeof out === 'string') ctx.io.writeText(out, JSON.stringify(dataset, null, 2) + '\n');
    const json = {
      ok: true,
      samples: dataset,
      count: r.samples.length,
      pieces: r.pieces,
      knots: r.knots.map(String),
      perPiece: r.perPiece,
      constructed: r.constructed,
      identifiable: true,
      width: r.width,
      minimalWidth: r.certificate.minimalWidth,
      reason: r.certificate.reason,
      out: typeof out === 'string' ? out : null,
    };
    if (ctx.json) {
      printJson(ctx, json);
      return;
    }
    const lines = [
      `${r.samples.length} samples identify the net among nets of width <= ${r.width} (certified by the exact search): ${r.pieces} linear pieces, ` +
        `per piece ${r.perPiece.join(', ')} (built with 3 per piece = ${r.constructed}${r.constructed === r.samples.length ? '' : ', then thinned'}).`,
      '',
      table(['x', 'f(x)'], r.samples.map((x, i) => [x.toString(), ys[i].toString()])),
    ];
    if (typeof out === 'string') lines.push('', `Wrote the samples to ${out}`);
    ctx.io.stdout(lines.join('\n') + '\n');
  },
};
