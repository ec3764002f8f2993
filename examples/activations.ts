/**
 * Activations beyond ReLU: train a tanh net, read a leaky-ReLU neuron's exact quotient
 * coordinates, and compare the kernel-regime prediction for ReLU (the natural cubic spline, exact)
 * with a wide net trained in the lazy regime. Run it with `npx tsx examples/activations.ts`; the
 * test suite runs it too.
 */
import { fileURLToPath } from 'node:url';
import {
  createActivation,
  kernelInterpolant,
  kernelInterpolantExact,
  lazyFit,
  quotientNeuron,
  radonLaw,
  Rational,
  SeededRng,
  simulate,
  spectralKernel,
  spectralKernelExact,
} from 'relu-exact';

export async function main() {
  // 1. Gradient descent on a tanh net (the generic kernel: the sorted one is ReLU-only).
  const tanh = createActivation('tanh');
  const X = Float64Array.from([-1, 0, 1, 2, 4]);
  const Y = Float64Array.from([0, 1, 1, 0, 2]);
  const theta = Float64Array.from([2, -1, -1, 3, 3, 0.5, 0.25]);
  const run = await simulate({ widths: [1, 2, 1], theta, X, Y, n: 5 }, { steps: 2000, lr: 1e-2, activation: tanh });

  // 2. Exact quotient coordinates of v sigma(w . x + b) for a degree-1 activation: w = (3, 4), b = 10, v = 2.
  const n = quotientNeuron([Rational.of(3), Rational.of(4)], Rational.of(10), Rational.of(2), 1);

  // 3. The ReLU kernel-regime prediction on rational data: exact, the natural cubic spline.
  const xs = [-2, -1, 0, 1, 3].map((k) => Rational.of(k));
  const ys = [1, -1, 2, 0, 1].map((k) => Rational.of(k));
  const relu = spectralKernelExact({ name: 'relu' });
  const exact = kernelInterpolantExact(xs, ys, relu.phi, relu.order);

  // 4. A wide ReLU net, first layer w = +-1 with breakpoints uniform on [-12, 12], output weights trained from zero (their limit).
  const x = xs.map((t) => t.toNumber());
  const y = ys.map((t) => t.toNumber());
  const k = spectralKernel(createActivation('relu'));
  const pred = kernelInterpolant(x, y, (s, t) => k.phi(s - t), k.order);
  const fit = lazyFit(createActivation('relu'), radonLaw(12), 20_000, x, y, new SeededRng(1));

  return {
    tanhSse: [run.sse, run.activation] as const,
    quotient: { omega: n.omega.map(String), beta: n.beta.toString(), mu: n.mu.toString() },
    splineAtHalf: exact.evaluate(Rational.of(1, 2)).toString(),
    curvature: exact.seminorm.toString(),
    lazyAtHalf: fit.evaluate(0.5),
    predictionAtHalf: pred.evaluate(0.5),
  };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) console.log(await main());
