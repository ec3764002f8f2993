/**
 * Activations for the float path beyond ReLU: one small interface the kernels, the
 * initialisations and the dynamics take, instead of a kernel per activation.
 *
 * | name | sigma(z) | homogeneity | sigma-hat(xi), xi != 0 | jump of sigma' at 0 |
 * | --- | --- | --- | --- | --- |
 * | `relu` | max(z, 0) | 1 | -1 / xi^2 | 1 |
 * | `leaky-relu:a` | z (z > 0), a z (z <= 0); a = 0.01 by default (PyTorch) | 1 | -(1 - a) / xi^2 | 1 - a |
 * | `relu-power:p` | max(z, 0)^p, p = 1..8 (default 2) | p | Gamma(p + 1) / (i xi)^(p+1) | 1 for p = 1, else 0 |
 * | `tanh` | tanh z | - | -i pi / sinh(pi xi / 2) | 0 |
 * | `logistic` | 1 / (1 + e^-z) | - | -i pi / sinh(pi xi) | 0 |
 * | `gaussian` | e^(-z^2 / 2) | - | sqrt(2 pi) e^(-xi^2 / 2) | 0 |
 *
 * Fourier convention: sigma-hat(xi) = int sigma(t) e^(-i xi t) dt, the distributional transform
 * read away from xi = 0 (where ReLU's, tanh's and the logistic's carry delta terms: the linear
 * and constant parts). The tanh row is the classical transform of sech^2 (pi xi / sinh(pi xi / 2))
 * divided by i xi; the logistic is (1 + tanh(z / 2)) / 2. Tests check each row by quadrature.
 *
 * Derivatives at a kink follow the kernels' convention (a unit is active iff z > 0): relu'(0) = 0,
 * leaky'(0) = a. `gain` is the initialisation gain: PyTorch's `calculate_gain` where it defines one
 * (relu sqrt 2, leaky relu sqrt(2 / (1 + a^2)), tanh 5/3, sigmoid 1), else the variance-preserving
 * 1 / sqrt(E sigma(Z)^2), Z ~ N(0, 1) (He et al. 2015's rule: relu^p sqrt(2 / (2p - 1)!!),
 * gaussian 3^(1/4)).
 */
import { UsageError } from '../core/errors.js';
import { doubleFactorial, factorial } from './special.js';

export const ACTIVATION_NAMES = ['relu', 'leaky-relu', 'relu-power', 'tanh', 'logistic', 'gaussian'] as const;
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

/** What names an activation: its name and, for leaky-relu and relu-power, its parameter. Serialisable (worker threads). */
export interface ActivationSpec {
  readonly name: ActivationName;
  readonly parameter?: number;
}

export interface Activation {
  readonly name: ActivationName;
  /** The slope a of leaky-relu, the power p of relu-power; null otherwise. */
  readonly parameter: number | null;
  /** As written on the command line: `tanh`, `leaky-relu:0.01`, `relu-power:2`. */
  readonly label: string;
  /** Degree k of positive homogeneity (sigma(a z) = a^k sigma(z) for a > 0), or null. */
  readonly homogeneity: number | null;
  /** sigma'(0+) - sigma'(0-): nonzero for a kink, where breakpoints can pin (LITERATURE-A 5.4). */
  readonly derivativeJump: number;
  /** Initialisation gain (see the module comment). */
  readonly gain: number;
  value(z: number): number;
  derivative(z: number): number;
  second(z: number): number;
  /** sigma and sigma' of z[zo..zo+count) into h[ho..] and g[go..]: the kernels' one call per block. */
  evaluate(z: Float64Array, zo: number, h: Float64Array, ho: number, g: Float64Array, go: number, count: number): void;
  /** sigma-hat(xi) for xi != 0 (closed form, convention above). */
  fourier(xi: number): { re: number; im: number };
  readonly spec: ActivationSpec;
}

const relu: Activation = {
  name: 'relu',
  parameter: null,
  label: 'relu',
  homogeneity: 1,
  derivativeJump: 1,
  gain: Math.SQRT2,
  value: (z) => (z + Math.abs(z)) * 0.5,
  derivative: (z) => (z > 0 ? 1 : 0),
  second: () => 0,
  evaluate(z, zo, h, ho, g, go, count) {
    for (let i = 0; i < count; i++) {
      const s = z[zo + i];
      h[ho + i] = (s + Math.abs(s)) * 0.5;
      g[go + i] = s > 0 ? 1 : 0;
    }
  },
  fourier: (xi) => ({ re: -1 / (xi * xi), im: 0 }),
  spec: { name: 'relu' },
};

/** ReLU, the toolkit's default: the kernels keep their own fast paths for it. */
export const RELU: Activation = relu;

function leakyRelu(a: number): Activation {
  return {
    name: 'leaky-relu',
    parameter: a,
    label: `leaky-relu:${a}`,
    homogeneity: 1,
    derivativeJump: 1 - a,
    gain: Math.sqrt(2 / (1 + a * a)),
    value: (z) => (z > 0 ? z : a * z),
    derivative: (z) => (z > 0 ? 1 : a),
    second: () => 0,
    evaluate(z, zo, h, ho, g, go, count) {
      for (let i = 0; i < count; i++) {
        const s = z[zo + i];
        h[ho + i] = s > 0 ? s : a * s;
        g[go + i] = s > 0 ? 1 : a;
      }
    },
    fourier: (xi) => ({ re: -(1 - a) / (xi * xi), im: 0 }),
    spec: { name: 'leaky-relu', parameter: a },
  };
}

function reluPower(p: number): Activation {
  const gammaP1 = factorial(p);
  return {
    name: 'relu-power',
    parameter: p,
    label: `relu-power:${p}`,
    homogeneity: p,
    derivativeJump: p === 1 ? 1 : 0,
    gain: Math.sqrt(2 / doubleFactorial(2 * p - 1)),
    value: (z) => (z > 0 ? z ** p : 0),
    derivative: (z) => (z > 0 ? p * z ** (p - 1) : 0),
    second: (z) => (z > 0 && p > 1 ? p * (p - 1) * z ** (p - 2) : 0),
    evaluate(z, zo, h, ho, g, go, count) {
      for (let i = 0; i < count; i++) {
        const s = z[zo + i];
        if (s > 0) {
          const t = s ** (p - 1);
          h[ho + i] = t * s;
          g[go + i] = p * t;
        } else {
          h[ho + i] = 0;
          g[go + i] = 0;
        }
      }
    },
    // Gamma(p + 1) (i xi)^-(p+1): i^-(p+1) cycles through 1, -i, -1, i
    fourier(xi) {
      const q = p + 1;
      const mag = gammaP1 / Math.abs(xi) ** q;
      const sign = xi > 0 || q % 2 === 0 ? 1 : -1;
      const phase = [
        [1, 0],
        [0, -1],
        [-1, 0],
        [0, 1],
      ][q % 4];
      return { re: sign * mag * phase[0], im: sign * mag * phase[1] };
    },
    spec: { name: 'relu-power', parameter: p },
  };
}

const tanh: Activation = {
  name: 'tanh',
  parameter: null,
  label: 'tanh',
  homogeneity: null,
  derivativeJump: 0,
  gain: 5 / 3,
  value: Math.tanh,
  derivative: (z) => {
    const t = Math.tanh(z);
    return 1 - t * t;
  },
  second: (z) => {
    const t = Math.tanh(z);
    return -2 * t * (1 - t * t);
  },
  evaluate(z, zo, h, ho, g, go, count) {
    for (let i = 0; i < count; i++) {
      const t = Math.tanh(z[zo + i]);
      h[ho + i] = t;
      g[go + i] = 1 - t * t;
    }
  },
  fourier: (xi) => ({ re: 0, im: -Math.PI / Math.sinh((Math.PI * xi) / 2) }),
  spec: { name: 'tanh' },
};

/** 1 / (1 + e^-z) without overflow for either sign. */
function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

const logistic: Activation = {
  name: 'logistic',
  parameter: null,
  label: 'logistic',
  homogeneity: null,
  derivativeJump: 0,
  gain: 1,
  value: sigmoid,
  derivative: (z) => {
    const s = sigmoid(z);
    return s * (1 - s);
  },
  second: (z) => {
    const s = sigmoid(z);
    return s * (1 - s) * (1 - 2 * s);
  },
  evaluate(z, zo, h, ho, g, go, count) {
    for (let i = 0; i < count; i++) {
      const s = sigmoid(z[zo + i]);
      h[ho + i] = s;
      g[go + i] = s * (1 - s);
    }
  },
  fourier: (xi) => ({ re: 0, im: -Math.PI / Math.sinh(Math.PI * xi) }),
  spec: { name: 'logistic' },
};

const gaussian: Activation = {
  name: 'gaussian',
  parameter: null,
  label: 'gaussian',
  homogeneity: null,
  derivativeJump: 0,
  gain: 3 ** 0.25,
  value: (z) => Math.exp(-0.5 * z * z),
  derivative: (z) => -z * Math.exp(-0.5 * z * z),
  second: (z) => (z * z - 1) * Math.exp(-0.5 * z * z),
  evaluate(z, zo, h, ho, g, go, count) {
    for (let i = 0; i < count; i++) {
      const s = z[zo + i];
      const e = Math.exp(-0.5 * s * s);
      h[ho + i] = e;
      g[go + i] = -s * e;
    }
  },
  fourier: (xi) => ({ re: Math.sqrt(2 * Math.PI) * Math.exp(-0.5 * xi * xi), im: 0 }),
  spec: { name: 'gaussian' },
};

/** The activation a spec or a label (`tanh`, `leaky-relu:0.2`, `relu-power:3`) names; UsageError naming the problem otherwise. */
export function createActivation(spec: ActivationSpec | string): Activation {
  const s = typeof spec === 'string' ? parseActivationLabel(spec) : spec;
  if (!(ACTIVATION_NAMES as readonly string[]).includes(s.name)) throw new UsageError(`activation must be one of ${ACTIVATION_NAMES.join(', ')}, got ${JSON.stringify(s.name)}`);
  const p = s.parameter;
  switch (s.name) {
    case 'leaky-relu': {
      const a = p ?? 0.01;
      if (!Number.isFinite(a) || a === 1) throw new UsageError(`leaky-relu: the slope a must be a finite number other than 1 (a = 1 is linear), got ${a}`);
      return leakyRelu(a);
    }
    case 'relu-power': {
      const q = p ?? 2;
      if (!Number.isInteger(q) || q < 1 || q > 8) throw new UsageError(`relu-power: the power p must be an integer in 1..8, got ${q}`);
      return reluPower(q);
    }
    default:
      if (p !== undefined) throw new UsageError(`${s.name} takes no parameter, got ${p}`);
      return { relu, tanh, logistic, gaussian }[s.name];
  }
}

function parseActivationLabel(text: string): ActivationSpec {
  const [name, param, ...rest] = text.trim().split(':');
  if (rest.length > 0 || param?.trim() === '') throw new UsageError(`activation must be NAME or NAME:PARAMETER, got ${JSON.stringify(text)}`);
  const parameter = param === undefined ? undefined : Number(param);
  if (parameter !== undefined && !Number.isFinite(parameter)) throw new UsageError(`the parameter of activation ${JSON.stringify(text)} must be a number`);
  return { name: name as ActivationName, ...(parameter !== undefined ? { parameter } : {}) };
}

/** The activations of `--activation all`: each name once, with its default parameter. */
export function allActivations(): Activation[] {
  return ACTIVATION_NAMES.map((name) => createActivation({ name }));
}

/** True for ReLU itself (the fast kernels' activation), false for everything else, relu-power:1 included. */
export function isRelu(activation: Activation | undefined): boolean {
  return activation === undefined || activation.name === 'relu';
}
