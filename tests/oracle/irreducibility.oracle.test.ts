/**
 * Irreducibility of shallow nets of any input dimension against LITERATURE-A O6 (all rows, the
 * 2-D one and the full six-neuron row included), the minimal forms O6 lists, brute force in 2-D
 * (no grid net narrower than the claimed minimal width computes the function; the construction
 * reaches it), and the univariate rules of src/spline/minimal.ts (a second implementation).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { irreducibility } from '../../src/analyses/irreducibility/irreducibility.js';
import { kinkData, kinkDataDifference, sameFunctionShallow, type KinkData } from '../../src/analyses/irreducibility/hyperplanes.js';
import { minimalFormShallow } from '../../src/analyses/irreducibility/minimal.js';
import { minimalForm, type ModelVariant } from '../../src/spline/minimal.js';
import { toSpline } from '../../src/spline/to-spline.js';
import { shallowNd } from '../helpers/shallow.js';
import { shallow1d, univariateShallowNet } from '../helpers/univariate.js';

type N = [number[], number, number];
const VARIANTS: ModelVariant[] = ['V0', 'V1', 'V2'];

// O6: network (rows [w, b, v]), m, mu per variant, irreducible per variant.
const O6: [string, N[], { V0: number; V1: number; V2: number }][] = [
  ['s(x) - s(-x) = x', [[[1], 0, 1], [[-1], 0, -1]], { V0: 2, V1: 2, V2: 0 }],
  ['s(x)+2s(-x)+s(x-1)+3s(1-x)', [[[1], 0, 1], [[-1], 0, 2], [[1], -1, 1], [[-1], 1, 3]], { V0: 4, V1: 3, V2: 2 }],
  ['s(x)+s(2x)', [[[1], 0, 1], [[2], 0, 1]], { V0: 1, V1: 1, V2: 1 }],
  ['3 antiparallel pairs: ...+s(x-2)+5s(2-x)', [[[1], 0, 1], [[-1], 0, 2], [[1], -1, 1], [[-1], 1, 3], [[1], -2, 1], [[-1], 2, 5]], { V0: 4, V1: 3, V2: 3 }],
  ['|x| = s(x)+s(-x)', [[[1], 0, 1], [[-1], 0, 1]], { V0: 2, V1: 2, V2: 1 }],
  ['s(x)-s(-x)+s(x-1)-s(1-x) = 2x-1', [[[1], 0, 1], [[-1], 0, -1], [[1], -1, 1], [[-1], 1, -1]], { V0: 2, V1: 2, V2: 0 }],
  ['2-D: s(x1)+2s(-x1)+s(x2)+3s(-x2)', [[[1, 0], 0, 1], [[-1, 0], 0, 2], [[0, 1], 0, 1], [[0, -1], 0, 3]], { V0: 4, V1: 4, V2: 2 }],
];

describe('O6 (LITERATURE-A section 6): minimal width per variant, irreducible iff m = mu', () => {
  it.each(O6)('%s', (_name, neurons, mu) => {
    const net = shallowNd(neurons);
    for (const variant of VARIANTS) {
      const r = irreducibility(net, { variant });
      expect(r.minimalWidth, variant).toBe(mu[variant]);
      expect(r.irreducible, variant).toBe(neurons.length === mu[variant]);
      expect(r.width).toBe(neurons.length);
      checkMinimal(r, net, variant);
    }
  });
  it('the minimal forms O6 lists compute the same functions', () => {
    // V1: s(x)+2s(-x)+s(x-1)+3s(1-x) = -2s(x) + 4s(x-1) + 5s(-x) + 3
    expect(sameFunctionShallow(shallowNd(O6[1][1]), shallowNd([[[1], 0, -2], [[1], -1, 4], [[-1], 0, 5]], 3))).toBe(true);
    // V0: the six-neuron net = 3s(-x) + 3s(x-1) + 6s(2-x) + s(1-x)
    expect(sameFunctionShallow(shallowNd(O6[3][1]), shallowNd([[[-1], 0, 3], [[1], -1, 3], [[-1], 2, 6], [[-1], 1, 1]]))).toBe(true);
    // all variants: s(x) + s(2x) = 3 s(x)
    expect(sameFunctionShallow(shallowNd(O6[2][1]), shallowNd([[[1], 0, 3]]))).toBe(true);
    expect(sameFunctionShallow(shallowNd(O6[2][1]), shallowNd([[[1], 0, 3]], 1))).toBe(false);
  });
  it('the V0 construction of the six-neuron row uses 4 neurons and no output bias', () => {
    const r = irreducibility(shallowNd(O6[3][1]), { variant: 'V0' });
    expect(r.minimal.layers[0].W.nrows).toBe(4);
    expect(r.minimal.layers[1].b[0].isZero()).toBe(true);
  });
});

/** The minimal net has the claimed width, computes f (plus the V2 affine term), and is itself irreducible. */
function checkMinimal(r: ReturnType<typeof irreducibility>, net: ReturnType<typeof shallowNd>, variant: ModelVariant): void {
  const hidden = r.minimal.layers.length === 1 ? 0 : r.minimal.layers[0].W.nrows;
  expect(hidden).toBe(r.minimalWidth);
  const target = kinkData(net);
  const got = kinkData(r.minimal);
  const shifted: KinkData = variant === 'V2' ? { ...got, affine: { ...got.affine, linear: got.affine.linear.map((x, i) => x.add(r.affineTerm!.linear[i])) } } : got;
  expect(kinkDataDifference(shifted, target)).toBeNull();
  if (variant === 'V0') expect(r.minimal.layers[r.minimal.layers.length - 1].b[0].isZero()).toBe(true);
  if (hidden > 0) {
    const again = irreducibility(r.minimal, { variant });
    expect(again.irreducible).toBe(true);
    expect(again.minimalWidth).toBe(r.minimalWidth);
  }
}

function* multisets<T>(pool: readonly T[], width: number, start = 0): Generator<T[]> {
  if (width === 0) {
    yield [];
    return;
  }
  for (let i = start; i < pool.length; i++) for (const rest of multisets(pool, width - 1, i)) yield [pool[i], ...rest];
}

describe('brute force in 2-D: the rules never claim more neurons than some grid net uses', () => {
  it('widths 1-3, w in {0, e1, e2, e1+e2, e1-e2, -e1, -e2}, b in {-1, 0, 1}, v in {-1, 1}', () => {
    const ws = [[0, 0], [1, 0], [0, 1], [1, 1], [1, -1], [-1, 0], [0, -1]];
    const pool: N[] = ws.flatMap((w) => [-1, 0, 1].flatMap((b) => [-1, 1].map((v) => [w, b, v] as N)));
    const seen = new Map<string, { data: KinkData; width: number }>();
    const keyOf = (k: KinkData): string => JSON.stringify([k.kinks.map((g) => [g.key, String(g.coefficient)]).sort(), k.affine.linear.map(String), String(k.affine.constant)]);
    for (let m = 1; m <= 3; m++) {
      for (const neurons of multisets(pool, m)) {
        const data = kinkData(shallowNd(neurons));
        const key = keyOf(data);
        const known = seen.get(key);
        if (known === undefined || known.width > m) seen.set(key, { data, width: m });
      }
    }
    const extras: Record<ModelVariant, Set<number>> = { V0: new Set(), V1: new Set(), V2: new Set() };
    for (const { data, width } of seen.values()) {
      for (const variant of VARIANTS) {
        // The grid nets have no output bias, so their width bounds mu in V0, and V1, V2 are only easier.
        const form = minimalFormShallow(data, { variant });
        expect(form.width, `${variant} ${keyOf(data)}`).toBeLessThanOrEqual(width);
        extras[variant].add(form.extra);
      }
    }
    expect(seen.size).toBeGreaterThan(1000);
    expect([...extras.V0].sort()).toEqual([0, 1, 2]);
    expect([...extras.V1].sort()).toEqual([0, 1, 2]);
  });
  it('in 2-D V1 can need e = 2 with kinks present (no orientation or second neuron fixes the slope)', () => {
    // kink on x1 = 0 with c = 1 and a linear part along x2: neither facing nor a second neuron helps
    const net = shallowNd([[[1, 0], 0, 1], [[0, 1], 0, 1], [[0, -1], 0, -1], [[0, 1], -5, 0]]);
    const r = irreducibility(net);
    expect(r.kinkCount).toBe(1);
    expect(r.extra).toBe(2);
    expect(r.minimalWidth).toBe(3);
    expect(r.irreducible).toBe(false);
  });
});

describe('d = 1: the general rules agree with src/spline/minimal.ts', () => {
  it('width and e per variant on univariate nets with frequent coincidences', () => {
    fc.assert(
      fc.property(univariateShallowNet(6), (net) => {
        const s = toSpline(net);
        const data = kinkData(net);
        for (const variant of VARIANTS) {
          const general = minimalFormShallow(data, { variant });
          const spline = minimalForm(s, { variant });
          expect(general.width, variant).toBe(spline.width);
          expect(general.extra, variant).toBe(spline.extra);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('the O6 1-D rows through shallow1d give the same kink data as shallowNd', () => {
    expect(sameFunctionShallow(shallow1d([[1, 0, 1], [-1, 0, 2]]), shallowNd([[[1], 0, 1], [[-1], 0, 2]]))).toBe(true);
  });
});
