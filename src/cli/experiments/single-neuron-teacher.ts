import { negativeMeasureData, positiveMeasureData, teacherExperiment, type TeacherResult } from '../../dynamics/reproductions/teacher.js';
import { printJson } from '../inputs.js';
import { table } from '../text.js';
import type { Experiment } from './experiment.js';
import { exp, integerOr, numberList, positiveOr, sig } from './parse.js';

export const singleNeuronTeacher: Experiment = {
  name: 'single-neuron-teacher',
  summary: 'Chistikov et al. 2023: a ReLU teacher neuron learnt from small initialisation: rank 1, ||theta||^2 -> 2; min-rank vs min-norm (M > 0)',
  source: 'Chistikov, Englert & Lazic, NeurIPS 2023; LITERATURE-B 5',
  options: {
    width: { type: 'string', valueName: 'M', description: 'neurons (default 50)' },
    lambdas: { type: 'string', valueName: 'L1,L2,...', description: 'initialisation scales (default 4^-2, 4^-5, 4^-8, 4^-11, 4^-14)' },
    lr: { type: 'string', valueName: 'ETA', description: 'step on L = (1/2n) sum (h - y)^2 (default min(0.01, 0.5 / max ||x||^2))' },
    steps: { type: 'string', valueName: 'T', description: 'descent steps per run (default 100000)' },
    seed: { type: 'string', valueName: 'K', description: 'random seed (default 1)' },
  },
  run(ctx) {
    const options = {
      width: integerOr(ctx, 'width', 50, { min: 1, max: 100_000 }),
      lambdas: numberList(ctx, 'lambdas', [4 ** -2, 4 ** -5, 4 ** -8, 4 ** -11, 4 ** -14], (x) => Number.isFinite(x) && x > 0, 'numbers > 0'),
      steps: integerOr(ctx, 'steps', 100_000, { min: 1, max: 1e9 }),
      seed: integerOr(ctx, 'seed', 1),
      ...(ctx.options['lr'] !== undefined ? { lr: positiveOr(ctx, 'lr', 0.01) } : {}),
    };
    const results = [teacherExperiment(negativeMeasureData(), options), teacherExperiment(positiveMeasureData(), options)];
    if (ctx.json) {
      printJson(ctx, { exact: false, experiment: 'single-neuron-teacher', source: singleNeuronTeacher.source, mClosedForm: M_CLOSED, runs: results });
      return;
    }
    const out = [`A single ReLU neuron as teacher (${singleNeuronTeacher.source}).`, ''];
    for (const r of results) out.push(...describe(r), '');
    out.push(
      'Reading: from small initialisation descent interpolates with a rank-1 first layer (one singular value, the others at the initialisation\'s scale: the gap',
      'grows like 1/lambda), every active neuron along v*, ||theta||^2 -> 2 and the nuclear norm -> 1 (Theorem 7). With M > 0 it does so although an',
      'interpolator of smaller norm exists (Theorem 8): descent minimises rank, not norm.',
      '(float results, not exact)',
    );
    ctx.io.stdout(out.join('\n') + '\n');
  },
};

/** LITERATURE-B 5.6: M = 15/17 - sqrt(281/425) at b = 16. */
const M_CLOSED = 15 / 17 - Math.sqrt(281 / 425);

function describe(r: TeacherResult): string[] {
  const lines = [
    `${r.data.name}: points ${r.data.X.map((x) => `(${x.map((v) => sig(v, 4)).join(', ')})`).join(', ')}; v* = (${r.data.vStar.map((v) => sig(v, 4)).join(', ')}), y = relu(v* . x).`,
    `m = ${r.width} neurons without biases, balanced initialisation of scale lambda (seed ${r.seed}); descent on L = (1/2n) sum (h - y)^2, step ${sig(r.lr, 4)}, ${r.steps} steps.`,
    table(
      ['lambda', 'final L', '||theta||^2 - 2', 'nuclear norm - 1', 'rank (sigma1/sigma2)', 'max angle (deg)', 'max angle to v*'],
      r.rows.map((row) => [
        `4^${sig(Math.log(row.lambda) / Math.log(4), 3)}`,
        row.finalLoss.toExponential(1),
        exp(row.finalSquaredNorm - 2, 1),
        exp(row.nuclearNorm - 1, 1),
        `${row.rank} (${exp(row.gap, 1)})`,
        exp(row.maxAngle, 2),
        exp(row.maxAngleToTeacher, 2),
      ]),
    ),
  ];
  const g = r.geometry;
  if (g !== null) {
    lines.push(`M = ${sig(g.M, 7)} (maximised over the cones; K = {${g.K.map((k) => k + 1).join(', ')}})${g.M > 0 ? `, closed form 15/17 - sqrt(281/425) = ${sig(M_CLOSED, 7)}` : ''}.`);
    if (g.rankTwo !== null) {
      const t = g.rankTwo;
      lines.push(
        `Rank-2 interpolator of Theorem 8: xi = ${sig(t.xi, 6)}, ||theta||^2 = 2 - xi^2 = ${sig(t.squaredNorm, 7)} (rebalanced ${sig(t.rebalancedSquaredNorm, 7)}) < 2, max residual ${exp(t.maxResidual, 1)}.`,
      );
    }
  }
  return lines;
}
