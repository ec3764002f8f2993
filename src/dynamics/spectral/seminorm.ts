/**
 * The kernel-regime spectral seminorm of an activation in one dimension (LITERATURE-A 5.3, the
 * toolkit's own derivation [D]; the paper's formulas were not available):
 *   J_sigma[f] = (1 / 2 pi) int |f-hat(xi)|^2 / |sigma-hat(xi)|^2 d xi,
 * the penalty whose minimiser among interpolants of the data the output weights of an infinitely
 * wide net find when the first layer is frozen with w = +-1 and breakpoints beta uniform on the
 * line (Lebesgue), trained from zero. Its reproducing kernel is the autocorrelation
 * phi(s - t) = int sigma(s - beta) sigma(t - beta) d beta, regularised: the generalised inverse
 * Fourier transform of |sigma-hat|^2, which is conditionally positive definite of order m, where
 * 1 / |sigma-hat|^2 vanishes to order 2m at xi = 0; polynomials of degree < m cost nothing (the
 * null space). The minimiser is then f = sum_n a_n phi(. - x_n) + p with deg p < m,
 * sum_n a_n q(x_n) = 0 for deg q < m, and J_sigma[f] = a^T Phi a (interpolant.ts).
 *
 * Closed forms (derived here, checked by quadrature in the tests):
 * | activation | 1 / |sigma-hat|^2 | phi(r) | m |
 * | --- | --- | --- | --- |
 * | relu | xi^4 | abs(r)^3 / 12 (J = int f''^2: the natural cubic spline) | 2 |
 * | leaky-relu:a | xi^4 / (1 - a)^2 | (1 - a)^2 abs(r)^3 / 12 | 2 |
 * | relu-power:p | xi^(2p+2) / p!^2 | p!^2 (-1)^(p+1) abs(r)^(2p+1) / (2 (2p+1)!) (J = int (f^(p+1))^2 / p!^2) | p + 1 |
 * | tanh | sinh^2(pi xi / 2) / pi^2 | -2 r coth r | 1 |
 * | logistic | sinh^2(pi xi) / pi^2 | -(r / 2) coth(r / 2) | 1 |
 * | gaussian | e^(xi^2) / (2 pi) | sqrt(pi) e^(-r^2 / 4) | 0 |
 * The tanh row: 1 - tanh(t) tanh(t + r) = coth(r) (tanh(t + r) - tanh(t)), whose integral over t is
 * 2 r coth r; the logistic is (1 + tanh(t / 2)) / 2 (its constant and linear parts fall in the null
 * space). The ReLU^p rows: the generalised transform of abs(r)^(2m-1) is 2 (-1)^m (2m-1)! / abs(xi)^(2m).
 */
import { Rational } from '../../field/rational.js';
import type { Activation } from '../../float/activation.js';
import { homogeneityDegree, type HomogeneousActivation } from '../../spline/quotient.js';
import { factorial } from '../../float/special.js';

export interface SpectralKernel {
  readonly activation: Activation;
  /** The translation-invariant kernel phi(s - t). */
  phi(r: number): number;
  /** Polynomials of degree < order are the null space (0: none). */
  readonly order: number;
  /** The penalty's weight 1 / |sigma-hat(xi)|^2 (xi != 0). */
  weight(xi: number): number;
  /** phi in words. */
  readonly formula: string;
  /** 1 / |sigma-hat|^2 in words. */
  readonly weightFormula: string;
  /** The null space in words. */
  readonly nullSpace: string;
}

/** r coth r, accurate near 0 (where it is 1 + r^2 / 3 - ...). */
function rCothR(r: number): number {
  const a = Math.abs(r);
  if (a < 1e-4) return 1 + (a * a) / 3;
  if (a > 20) return a;
  return a / Math.tanh(a);
}

export function spectralKernel(activation: Activation): SpectralKernel {
  const weight = (xi: number): number => {
    const { re, im } = activation.fourier(xi);
    return 1 / (re * re + im * im);
  };
  const base = { activation, weight };
  const affine = 'affine functions';
  switch (activation.name) {
    case 'relu':
      return { ...base, order: 2, phi: (r) => Math.abs(r) ** 3 / 12, formula: '|r|^3 / 12', weightFormula: 'xi^4 (J = int f\'\'^2)', nullSpace: affine };
    case 'leaky-relu': {
      const a = activation.parameter!;
      const s = (1 - a) ** 2;
      return { ...base, order: 2, phi: (r) => (s * Math.abs(r) ** 3) / 12, formula: `(1 - a)^2 |r|^3 / 12, a = ${a}`, weightFormula: 'xi^4 / (1 - a)^2', nullSpace: affine };
    }
    case 'relu-power': {
      const p = activation.parameter!;
      const c = (factorial(p) ** 2 * (p % 2 === 1 ? 1 : -1)) / (2 * factorial(2 * p + 1));
      return {
        ...base,
        order: p + 1,
        phi: (r) => c * Math.abs(r) ** (2 * p + 1),
        formula: `p!^2 (-1)^(p+1) |r|^(2p+1) / (2 (2p+1)!), p = ${p}`,
        weightFormula: `xi^${2 * p + 2} / ${factorial(p) ** 2}`,
        nullSpace: `polynomials of degree <= ${p}`,
      };
    }
    case 'tanh':
      return { ...base, order: 1, phi: (r) => -2 * rCothR(r), formula: '-2 r coth r', weightFormula: 'sinh^2(pi xi / 2) / pi^2', nullSpace: 'constants' };
    case 'logistic':
      return { ...base, order: 1, phi: (r) => -rCothR(r / 2), formula: '-(r/2) coth(r/2)', weightFormula: 'sinh^2(pi xi) / pi^2', nullSpace: 'constants' };
    case 'gaussian':
      return { ...base, order: 0, phi: (r) => Math.sqrt(Math.PI) * Math.exp(-0.25 * r * r), formula: 'sqrt(pi) exp(-r^2 / 4)', weightFormula: 'e^(xi^2) / (2 pi)', nullSpace: 'none' };
  }
}

/** The kernel of the ReLU family exactly, over QQ (rational data give the exact spectral interpolant). */
export function spectralKernelExact(activation: HomogeneousActivation): { phi: (r: Rational) => Rational; order: number } {
  const p = homogeneityDegree(activation);
  let c = Rational.of(factorial(p) ** 2 * (p % 2 === 1 ? 1 : -1), 2 * factorial(2 * p + 1));
  if (activation.name === 'leaky-relu') {
    const s = Rational.ONE.sub(activation.slope);
    c = c.mul(s).mul(s);
  }
  return {
    order: p + 1,
    phi: (r) => {
      const a = r.abs();
      let out = c;
      for (let i = 0; i < 2 * p + 1; i++) out = out.mul(a);
      return out;
    },
  };
}
