/**
 * Minimal width of univariate functions against LITERATURE-A 4.2 / O6, and against brute force:
 * no net of width m in a grid may compute a function the rules say needs more than m neurons
 * (the lower bound), and the rules' own construction reaches the width (the upper bound).
 */
import { describe, expect, it } from 'vitest';
import { splineLens } from '../../src/spline/lens.js';
import { fromSpline, minimalForm, type ModelVariant } from '../../src/spline/minimal.js';
import { splineEquals, splineToJson, type Spline } from '../../src/spline/spline.js';
import { toSpline } from '../../src/spline/to-spline.js';
import { shallow1d } from '../helpers/univariate.js';

type Row = [string, [number, number, number][], number, { V0: number; V1: number; V2: number }];

// O6 (LITERATURE-A section 6), the 1-D rows: network, its width m, and mu(f) per variant.
// relu(a x + b) is written [a, b, v]. The "3 antiparallel pairs" row is elided in the source;
// its V0 minimal form 3s(-x) + 3s(x-1) + 6s(2-x) + s(1-x) computes the same function, so the
// row's widths are checked on that form.
const O6: Row[] = [
  ['s(x) - s(-x) = x', [[1, 0, 1], [-1, 0, -1]], 2, { V0: 2, V1: 2, V2: 0 }],
  ['s(x) + 2s(-x) + s(x-1) + 3s(1-x)', [[1, 0, 1], [-1, 0, 2], [1, -1, 1], [-1, 1, 3]], 4, { V0: 4, V1: 3, V2: 2 }],
  ['s(x) + s(2x)', [[1, 0, 1], [2, 0, 1]], 2, { V0: 1, V1: 1, V2: 1 }],
  ['3 antiparallel pairs (via its V0 minimal form)', [[-1, 0, 3], [1, -1, 3], [-1, 2, 6], [-1, 1, 1]], 4, { V0: 4, V1: 3, V2: 3 }],
  ['|x| = s(x) + s(-x)', [[1, 0, 1], [-1, 0, 1]], 2, { V0: 2, V1: 2, V2: 1 }],
  ['s(x) - s(-x) + s(x-1) - s(1-x) = 2x - 1', [[1, 0, 1], [-1, 0, -1], [1, -1, 1], [-1, 1, -1]], 4, { V0: 2, V1: 2, V2: 0 }],
];

describe('O6: minimal widths per model variant', () => {
  it.each(O6)('%s', (_name, neurons, m, expected) => {
    const net = shallow1d(neurons);
    const s = toSpline(net);
    for (const variant of ['V0', 'V1', 'V2'] as const) {
      const form = minimalForm(s, { variant });
      expect(form.width, variant).toBe(expected[variant]);
      expect(form.width - form.kinkCount).toBe(form.extra);
      if (variant !== 'V2') checkRealises(fromSpline(s, { variant }), s, variant, form.width);
    }
    // irreducible (in V1) iff m = mu(f)
    expect(m === expected.V1).toBe(['s(x) - s(-x) = x', '|x| = s(x) + s(-x)'].includes(_name));
  });
  it('the minimal forms O6 lists compute the same functions', () => {
    // V1: s(x)+2s(-x)+s(x-1)+3s(1-x) = -2s(x) + 4s(x-1) + 5s(-x) + 3
    expect(splineEquals(toSpline(shallow1d(O6[1][1])), toSpline(shallow1d([[1, 0, -2], [1, -1, 4], [-1, 0, 5]], 3)))).toBe(true);
    // all variants: s(x) + s(2x) = 3 s(x)
    expect(splineEquals(toSpline(shallow1d(O6[2][1])), toSpline(shallow1d([[1, 0, 3]])))).toBe(true);
  });
});

/** The net has the width and no output bias in V0, and computes exactly s. */
function checkRealises(net: ReturnType<typeof fromSpline>, s: Spline, variant: ModelVariant, width: number): void {
  expect(splineToJson(toSpline(net))).toEqual(splineToJson(s));
  const hidden = net.layers.length === 1 ? 0 : net.layers[0].W.nrows;
  expect(hidden).toBe(width);
  if (variant === 'V0') expect(net.layers[net.layers.length - 1].b[0].isZero()).toBe(true);
  // a minimal net wastes nothing: no zero outer weight, no neuron without effect
  if (hidden > 0) expect(splineLens(net).neurons.every((n) => n.role !== 'dead')).toBe(true);
}

/** Every multiset of `width` neurons from `pool`. */
function* multisets<T>(pool: readonly T[], width: number, start = 0): Generator<T[]> {
  if (width === 0) {
    yield [];
    return;
  }
  for (let i = start; i < pool.length; i++) for (const rest of multisets(pool, width - 1, i)) yield [pool[i], ...rest];
}

function grid(ws: number[], bs: number[], vs: number[]): [number, number, number][] {
  return ws.flatMap((w) => bs.flatMap((b) => vs.map((v) => [w, b, v] as [number, number, number])));
}

describe('brute force: the rules never claim more neurons than some net uses, and their construction reaches them', () => {
  const full = grid([-1, 0, 1, 2], [-1, 0, 1], [-1, 1, 2]);
  const signs = grid([-1, 1], [-1, 0, 1], [-1, 1]);
  const cases: [string, [number, number, number][], number][] = [
    ['widths 1-3, w in {-1,0,1,2}, b in {-1,0,1}, v in {-1,1,2}', full, 3],
    ['widths 1-4, w, v in {-1,1}, b in {-1,0,1}', signs, 4],
  ];
  it.each(cases)('%s', (_name, pool, maxWidth) => {
    const seen = new Map<string, { spline: Spline; width: number }>();
    for (let m = 1; m <= maxWidth; m++) {
      for (const neurons of multisets(pool, m)) {
        const s = toSpline(shallow1d(neurons));
        const key = JSON.stringify(splineToJson(s));
        const known = seen.get(key);
        if (known === undefined || known.width > m) seen.set(key, { spline: s, width: m });
      }
    }
    const extras: Record<ModelVariant, Set<number>> = { V0: new Set(), V1: new Set(), V2: new Set() };
    for (const { spline, width } of seen.values()) {
      for (const variant of ['V0', 'V1', 'V2'] as const) {
        const form = minimalForm(spline, { variant });
        // V0 nets here have no output bias, so they bound mu_V0; V1 and V2 are only easier.
        expect(form.width, `${variant} ${JSON.stringify(splineToJson(spline))}`).toBeLessThanOrEqual(width);
        extras[variant].add(form.extra);
        if (variant !== 'V2') checkRealises(fromSpline(spline, { variant }), spline, variant, form.width);
      }
    }
    expect(seen.size).toBeGreaterThan(maxWidth === 4 ? 100 : 1000);
    expect([...extras.V0].sort()).toEqual([0, 1, 2]);
    expect([...extras.V1].sort()).toEqual([0, 1, 2]);
  });
  it('V1 minimal width is blind to constants; V0 is not', () => {
    const s = toSpline(shallow1d([[1, 0, 1]]));
    const shifted = toSpline(shallow1d([[1, 0, 1]], 5));
    expect(minimalForm(shifted).width).toBe(minimalForm(s).width);
    expect(minimalForm(s, { variant: 'V0' }).width).toBe(1);
    expect(minimalForm(shifted, { variant: 'V0' }).width).toBe(2);
    expect(fromSpline(shifted, { variant: 'V0' }).layers[0].W.col(0).map(String)).toEqual(['1', '0']);
  });
  it('a constant has minimal width 0 in V1 (a one-layer affine net) and a nonzero one needs a w = 0 neuron in V0', () => {
    const s = toSpline(shallow1d([[0, 1, 7]]));
    const v1 = fromSpline(s);
    expect(v1.layers.length).toBe(1);
    expect(v1.layers[0].b[0].toString()).toBe('7');
    expect(minimalForm(s, { variant: 'V0' }).neurons.map((n) => [n.w, n.b, n.v].map(String))).toEqual([['0', '1', '7']]);
    expect(minimalForm(toSpline(shallow1d([[1, 0, 0]])), { variant: 'V0' }).width).toBe(0);
  });
  it('the reasons say why in words', () => {
    expect(minimalForm(toSpline(shallow1d(O6[1][1]))).reason).toMatch(/no set of kinks has jumps summing to 5/);
    expect(minimalForm(toSpline(shallow1d(O6[0][1]))).reason).toMatch(/affine and not constant/);
    expect(minimalForm(toSpline(shallow1d([[1, 0, 1], [-1, 1, 2]]))).reason).toMatch(/jumps at the kinks \{1\} sum to 2/);
  });
});
