/**
 * The fast float core: a univariate net trained by gradient descent and by gradient flow with the
 * sorted prefix-sum kernel, recorded in spline coordinates, and the kernel checked against the
 * exact path. Run it with `npx tsx examples/float-dynamics.ts`; the test suite runs it too.
 */
import { fileURLToPath } from 'node:url';
import { createObjective, evaluateScalar, exactNetOfTheta, floatProblem, rationalFromFloat, readDataset, readReluNet, simulate, type TrajectoryRecord } from 'relu-exact';

export async function main() {
  // LITERATURE-A O3: f(x) = 1/4 + 3 relu(2x - 1) + (1/2) relu(3 - x) on five points.
  const net = readReluNet({ format: 'relu-net/1', layers: [{ W: [['2'], ['-1']], b: ['-1', '3'] }, { W: [['3', '1/2']], b: ['1/4'] }] });
  const data = readDataset({ format: 'dataset/1', X: [['-1'], ['0'], ['1'], ['2'], ['4']], y: ['0', '1', '1', '0', '2'] });
  const problem = floatProblem(net, data);

  // 1. The sorted kernel: sse and gradient in O(n + m log n); here exact, since every number is dyadic.
  const objective = createObjective(problem.widths, problem.X, problem.Y);
  const grad = new Float64Array(objective.size);
  const sse = objective.evaluate(problem.theta, grad); // 7709/16; grad = [1197/2, 41/2, 387/2, 16, 669/2, 55, 141/2]

  // 2. 200 descent steps and the flow over the same time, records in spline coordinates.
  const records: TrajectoryRecord[] = [];
  const descent = await simulate(problem, { steps: 200, lr: 1e-3, recordEvery: 100, onRecord: (r) => records.push(r) });
  const flow = await simulate(problem, { steps: 200, lr: 1e-3, method: 'flow' });

  // 3. Back to the exact world: the final float net's value at x = 1, exactly, through rationalFromFloat.
  const exactFinal = exactNetOfTheta(descent.widths, descent.theta);
  const f1 = evaluateScalar(exactFinal, [rationalFromFloat(1)]);

  return {
    kernel: objective.kernel,
    sse,
    grad: Array.from(grad),
    steps: records.map((r) => r.step),
    breakpointsAtStart: records[0].coordinates.kind === 'spline' ? records[0].coordinates.beta : null,
    descentSse: descent.sse,
    flowSse: flow.sse,
    descentDrift: descent.balanceDrift,
    flowDrift: flow.balanceDrift,
    exactValueAt1: f1.toNumber(),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main().then((r) => console.log(r));
