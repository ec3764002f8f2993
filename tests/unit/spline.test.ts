import { describe, expect, it } from 'vitest';
import { DimensionError, UsageError } from '../../src/core/errors.js';
import { QQ } from '../../src/field/qq.js';
import { parseRational } from '../../src/field/parse.js';
import { Rational } from '../../src/field/rational.js';
import { readReluNet } from '../../src/network/json-io.js';
import { createReluNet } from '../../src/network/relu-net.js';
import { splineByLayers } from '../../src/spline/layers.js';
import { orbitCanonicalNet, scalingRepresentative, splineLens } from '../../src/spline/lens.js';
import {
  createSpline,
  decisivePoints,
  evaluateSpline,
  slopeAt,
  splineFromJumps,
  splineFromPoints,
  splineJumps,
  splineToJson,
  type Spline,
} from '../../src/spline/spline.js';
import { sameFunction, splineDifference, toSpline } from '../../src/spline/to-spline.js';
import { shallow1d } from '../helpers/univariate.js';
import { readFileSync } from 'node:fs';

const q = (s: string | number): Rational => parseRational(String(s));
const json = (s: Spline): ReturnType<typeof splineToJson> => splineToJson(s);

describe('the spline lens of one neuron and of small nets (LITERATURE-A 2.2, section 6)', () => {
  it('O1: w = -2, b = 3, v = 5 has beta = 3/2, mu = 10, s = -1 and f(0) = 15', () => {
    const lens = splineLens(shallow1d([[-2, 3, 5]]));
    const n = lens.neurons[0];
    expect([n.breakpoint!.toString(), n.deltaSlope.toString(), n.orientation, n.role]).toEqual(['3/2', '10', -1, 'kink']);
    expect(json(lens.spline)).toEqual({ knots: ['3/2'], slopes: ['-10', '0'], values: ['0'], f0: '15' });
  });
  it('O2: 3 relu(x - 1) + 2 relu(4 - x) has slopes -2 | 1 | 3 and f\'\' = 3 delta_1 + 2 delta_4', () => {
    const s = toSpline(shallow1d([[1, -1, 3], [-1, 4, 2]]));
    // f(1) = 2*3 = 6, f(4) = 3*3 = 9, f(0) = 2*4 = 8.
    expect(json(s)).toEqual({ knots: ['1', '4'], slopes: ['-2', '1', '3'], values: ['6', '9'], f0: '8' });
    expect(splineJumps(s).map(String)).toEqual(['3', '2']);
  });
  it('w = 0 neurons are the constants v relu(b), with no breakpoint', () => {
    const lens = splineLens(shallow1d([[0, 2, 3], [0, -1, 5], [0, 0, 7], [1, 0, 1]], '1/2'));
    expect(lens.neurons.map((n) => [n.role, n.breakpoint, n.constant.toString()])).toEqual([
      ['constant', null, '6'],
      ['dead', null, '0'],
      ['dead', null, '0'],
      ['kink', Rational.ZERO, '0'],
    ]);
    // 1/2 + 6 + relu(x)
    expect(json(lens.spline)).toEqual({ knots: ['0'], slopes: ['0', '1'], values: ['13/2'], f0: '13/2' });
  });
  it('zero outer weights leave no kink, whatever the breakpoint', () => {
    const lens = splineLens(shallow1d([[3, -1, 0], [-1, 2, 0]], 4));
    expect(lens.neurons.map((n) => n.role)).toEqual(['dead', 'dead']);
    expect(json(lens.spline)).toEqual({ knots: [], slopes: ['0'], values: [], f0: '4' });
  });
  it('coincident breakpoints with one orientation merge into one knot (the bundled example)', () => {
    const net = readReluNet(readFileSync('examples/bundled/net.json', 'utf8'));
    const lens = splineLens(net);
    // neurons 3 (2x - 1, v = -1) and 4 (x - 1/2, v = 3/4) meet at 1/2: jump -2 + 3/4 = -5/4.
    expect(lens.groups.map((g) => [g.at.toString(), g.neurons, g.jump.toString()])).toEqual([
      ['0', [0], '1'],
      ['1/2', [2, 3], '-5/4'],
      ['1', [1], '1/2'],
    ]);
    // hand: f = 1/4 + relu(x) + 1/2 relu(1 - x) - relu(2x - 1) + 3/4 relu(x - 1/2)
    expect(json(lens.spline)).toEqual({ knots: ['0', '1/2', '1'], slopes: ['-1/2', '1/2', '-3/4', '-1/4'], values: ['3/4', '1', '5/8'], f0: '3/4' });
    expect([lens.leftSlope.toString(), lens.rightSlope.toString()]).toEqual(['-1/2', '-1/4']);
  });
  it('opposite orientations at one breakpoint: the jumps add, the affine parts stay', () => {
    // relu(x) + 2 relu(-x): jump 3 at 0, slopes -2 | 1
    expect(json(toSpline(shallow1d([[1, 0, 1], [-1, 0, 2]])))).toEqual({ knots: ['0'], slopes: ['-2', '1'], values: ['0'], f0: '0' });
  });
  it('cancelling breakpoints leave an affine function: relu(x) - relu(-x) = x', () => {
    const lens = splineLens(shallow1d([[1, 0, 1], [-1, 0, -1]]));
    expect(lens.neurons.map((n) => n.role)).toEqual(['cancelled', 'cancelled']);
    expect(json(lens.spline)).toEqual({ knots: [], slopes: ['1'], values: [], f0: '0' });
  });
  it('cancelling at one point and scaled: 2 relu(3x - 3) - 3 relu(2x - 2) = 0, plus a real kink', () => {
    const s = toSpline(shallow1d([[3, -3, 2], [2, -2, -3], [-1, 5, 1]], -1));
    expect(json(s)).toEqual({ knots: ['5'], slopes: ['-1', '0'], values: ['-1'], f0: '4' });
  });
  it('orbit representatives have |w| = 1 (or |b| = 1, or sign v when w = b = 0)', () => {
    const r = scalingRepresentative(q(-4), q(2), q(3));
    expect([r.w, r.b, r.v].map(String)).toEqual(['-1', '1/2', '12']);
    const c = scalingRepresentative(q(0), q(-3), q('1/2'));
    expect([c.w, c.b, c.v].map(String)).toEqual(['0', '-1', '3/2']);
    const z = scalingRepresentative(q(0), q(0), q(-5));
    expect([z.w, z.b, z.v].map(String)).toEqual(['0', '0', '-1']);
    const a = orbitCanonicalNet(shallow1d([[2, -2, 3], [-1, 0, 1]]));
    expect(a.layers[0].W.col(0).map(String)).toEqual(['-1', '1']);
    expect(a.layers[0].b.map(String)).toEqual(['0', '-1']);
    expect(a.layers[1].W.row(0).map(String)).toEqual(['1', '6']);
  });
  it('refuses nets that are not univariate, shallow or scalar, naming the function', () => {
    const twoInputs = createReluNet(QQ, [
      { W: [[q(1), q(2)]], b: [q(0)] },
      { W: [[q(1)]], b: [q(0)] },
    ]);
    expect(() => splineLens(twoInputs)).toThrow(DimensionError);
    expect(() => toSpline(twoInputs)).toThrow(/toSpline: needs a univariate net \(1 input\); this one takes 2/);
    const twoOutputs = createReluNet(QQ, [
      { W: [[q(1)]], b: [q(0)] },
      { W: [[q(1)], [q(2)]], b: [q(0), q(0)] },
    ]);
    expect(() => toSpline(twoOutputs)).toThrow(/one output/);
  });
});

describe('canonical splines', () => {
  it('splineFromJumps merges shared points, drops zero totals, and anchors anywhere', () => {
    const s = splineFromJumps(q(1), [
      { at: q(2), jump: q(1) },
      { at: q(-1), jump: q(3) },
      { at: q(2), jump: q(-1) },
      { at: q(-1), jump: q(-1) },
    ], { x: q(5), y: q(0) });
    // slope 1 then 3 after -1; f(5) = 0 so f(-1) = -18 and f(0) = -15.
    expect(json(s)).toEqual({ knots: ['-1'], slopes: ['1', '3'], values: ['-18'], f0: '-15' });
  });
  it('splineFromPoints drops collinear points and keeps the tails', () => {
    const s = splineFromPoints([q(0), q(1), q(2), q(3)], [q(0), q(1), q(2), q(0)], q(1), q(-2));
    expect(json(s)).toEqual({ knots: ['2'], slopes: ['1', '-2'], values: ['2'], f0: '0' });
    expect(() => splineFromPoints([q(1), q(1)], [q(0), q(0)], q(0), q(0))).toThrow(/strictly ascending/);
  });
  it('evaluates exactly on every piece, at knots and in the tails', () => {
    const s = createSpline({ knots: [q(-1), q('1/2')], slopes: [q(2), q(0), q(-3)], f0: q(1) });
    expect(s.values.map(String)).toEqual(['1', '1']);
    expect(['-3', '-1', '0', '1/2', '2'].map((x) => evaluateSpline(s, q(x)).toString())).toEqual(['-3', '1', '1', '1', '-7/2']);
    expect(['-5', '-1', '0', '1/2', '7'].map((x) => slopeAt(s, q(x)).toString())).toEqual(['2', '0', '0', '-3', '-3']);
  });
  it('createSpline refuses what is not canonical', () => {
    expect(() => createSpline({ knots: [q(0)], slopes: [q(1)], f0: q(0) })).toThrow(UsageError);
    expect(() => createSpline({ knots: [q(1), q(0)], slopes: [q(1), q(2), q(3)], f0: q(0) })).toThrow(/ascending/);
    expect(() => createSpline({ knots: [q(0)], slopes: [q(1), q(1)], f0: q(0) })).toThrow(/does not change/);
  });
  it('decisive points: knots, midpoints and one point beyond each end', () => {
    expect(decisivePoints([[q(0), q(2)], [q(2)]]).map(String)).toEqual(['-1', '0', '1', '2', '3']);
    expect(decisivePoints([[]]).map(String)).toEqual(['0', '1']);
  });
});

describe('deep univariate nets, layer by layer', () => {
  it('relu(relu(x) - 1) - relu(1 - relu(x)) + 2 (hand-computed)', () => {
    // h1 = relu(x); h2 = (relu(h1 - 1), relu(1 - h1)); f = h2a - h2b + 2.
    // x <= 0: h1 = 0, f = 0 - 1 + 2 = 1; 0..1: f = -(1 - x) + 2 = 1 + x; x >= 1: f = x - 1 + 2 = x + 1.
    const net = createReluNet(QQ, [
      { W: [[q(1)]], b: [q(0)] },
      { W: [[q(1)], [q(-1)]], b: [q(-1), q(1)] },
      { W: [[q(1), q(-1)]], b: [q(2)] },
    ]);
    expect(json(toSpline(net))).toEqual({ knots: ['0'], slopes: ['0', '1'], values: ['1'], f0: '1' });
  });
  it('a hat made of a second layer: relu(1 - |x|) with |x| = relu(x) + relu(-x)', () => {
    const net = createReluNet(QQ, [
      { W: [[q(1)], [q(-1)]], b: [q(0), q(0)] },
      { W: [[q(-1), q(-1)]], b: [q(1)] },
      { W: [[q(1)]], b: [q(0)] },
    ]);
    expect(json(toSpline(net))).toEqual({ knots: ['-1', '0', '1'], slopes: ['0', '1', '-1', '0'], values: ['0', '1', '0'], f0: '1' });
  });
  it('a zero crossing in the left tail and one between points (relu of a V shape shifted down)', () => {
    // g = relu(x - 1) + relu(-x - 1) - 1/2... via layers: h = (relu(x - 1), relu(-x - 1)); out = relu(2h1 + 2h2 - 1) - 1
    const net = createReluNet(QQ, [
      { W: [[q(1)], [q(-1)]], b: [q(-1), q(-1)] },
      { W: [[q(2), q(2)]], b: [q(-1)] },
      { W: [[q(1)]], b: [q(-1)] },
    ]);
    // 2 relu(x-1) - 1 crosses 0 at 3/2, 2 relu(-x-1) - 1 at -3/2.
    expect(json(toSpline(net))).toEqual({ knots: ['-3/2', '3/2'], slopes: ['-2', '0', '2'], values: ['-1', '-1'], f0: '-1' });
  });
  it('a one-layer (affine) net is a spline without knots', () => {
    const net = createReluNet(QQ, [{ W: [[q('2/3')]], b: [q(5)] }]);
    expect(json(toSpline(net))).toEqual({ knots: [], slopes: ['2/3'], values: [], f0: '5' });
  });
  it('the layer-by-layer algorithm agrees with the lens on the bundled example', () => {
    const net = readReluNet(readFileSync('examples/bundled/net.json', 'utf8'));
    expect(json(splineByLayers(net))).toEqual(json(toSpline(net)));
  });
  it('stops at the point budget with BudgetExceededError', () => {
    const net = shallow1d([[1, 0, 1], [1, -1, 1], [1, -2, 1]]);
    expect(() => splineByLayers(net, { maxPoints: 2 })).toThrow(/more than 2 breakpoints/);
  });
});

describe('sameFunction and splineDifference', () => {
  it('recognises a deep net and a shallow net computing |x|', () => {
    const deep = createReluNet(QQ, [
      { W: [[q(1)], [q(-1)]], b: [q(0), q(0)] },
      { W: [[q(1), q(1)]], b: [q(0)] },
      { W: [[q(1)]], b: [q(0)] },
    ]);
    expect(sameFunction(deep, shallow1d([[2, 0, '1/2'], [-3, 0, '1/3']]))).toBe(true);
    expect(sameFunction(deep, shallow1d([[1, 0, 1], [-1, 0, 1]], '1/100'))).toBe(false);
  });
  it('finds a point where two different splines differ', () => {
    const a = toSpline(shallow1d([[1, -1, 1], [1, -2, -2], [1, -3, 1]])); // a hat on [1, 3]
    const b = toSpline(shallow1d([[1, -1, 0]]));
    const d = splineDifference(a, b)!;
    expect(d.a.eq(d.b)).toBe(false);
    expect(evaluateSpline(a, d.x).eq(d.a)).toBe(true);
    expect(splineDifference(a, a)).toBeNull();
  });
});
