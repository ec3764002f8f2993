/**
 * The spline lens: a univariate net as an exact spline, its minimal net, exact function equality,
 * and the minimum-cost interpolant of data. Run it with `npx tsx examples/spline-lens.ts`; the
 * test suite runs it too.
 */
import { fileURLToPath } from 'node:url';
import { fromSpline, minCostInterpolant, minimalForm, parseRational, readReluNet, sameFunction, splineLens, splineToJson, toSpline } from 'relu-exact';

export function main() {
  // 1. A net with a shared breakpoint (neurons 1, 2), a cancelling pair (3, 4) and a dead neuron (5).
  const net = readReluNet(
    JSON.stringify({
      format: 'relu-net/1',
      layers: [
        { W: [['1'], ['2'], ['1'], ['-1'], ['3']], b: ['-1', '-2', '0', '0', '1'] },
        { W: [['1', '1/2', '1', '-1', '0']], b: ['0'] },
      ],
    }),
  );
  const lens = splineLens(net); // per neuron: breakpoint -b/w, orientation sign(w), delta-slope v|w|
  const spline = toSpline(net); // f(x) = x + 2 relu(x - 1): one knot at 1

  // 2. The minimal net (V1: output bias): one kink, but the far-left slope 1 needs a second neuron.
  const form = minimalForm(spline);
  const minimal = fromSpline(spline);

  // 3. Minimum-cost interpolant of (0, 0), (1, 1), (2, 0) (Savarese et al.): cost 2.
  const q = (xs: string[]) => xs.map((x) => parseRational(x));
  const fit = minCostInterpolant(q(['0', '1', '2']), q(['0', '1', '0']));

  return {
    roles: lens.neurons.map((n) => n.role),
    spline: splineToJson(spline),
    minimalWidth: form.width,
    same: sameFunction(net, minimal),
    cost: fit.cost.toString(),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(main());
