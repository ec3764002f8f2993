import { describe, expect, it } from 'vitest';
import { checkCounterexample, checkIdentifiabilityCertificate, distinguishingSamples, identifiabilityCertificate, identify } from '../../src/analyses/identifiability/index.js';
import { parseRational } from '../../src/field/parse.js';
import { QQ } from '../../src/field/qq.js';
import { Rational } from '../../src/field/rational.js';
import { F64 } from '../../src/field/f64.js';
import { findInteriorPoint } from '../../src/lp/interior.js';
import { evaluateScalar } from '../../src/network/evaluate.js';
import { convertNet, createReluNet } from '../../src/network/relu-net.js';
import { cellSystem } from '../../src/spline/cells.js';
import { minimalForm, minimalWidth } from '../../src/spline/minimal.js';
import { evaluateSpline } from '../../src/spline/spline.js';
import { sameFunction, toSpline } from '../../src/spline/to-spline.js';
import { shallow1d } from '../helpers/univariate.js';

const q = (x: string | number): Rational => parseRational(String(x));
const qs = (xs: (string | number)[]): Rational[] => xs.map(q);
const f1 = (net: ReturnType<typeof shallow1d>, x: string | number): Rational => evaluateScalar(net, [q(x)]);

describe('the elementary facts of MATH.md', () => {
  it('three kinks in one gap make a hat that vanishes outside it: invisible on every sample', () => {
    // relu(x - a) - 2 relu(x - b) + relu(x - c), b the midpoint of (a, c) = (1/4, 3/4).
    const hat = shallow1d([[1, '-1/4', 1], [1, '-1/2', -2], [1, '-3/4', 1]]);
    for (const x of [-5, 0, '1/4', '3/4', 1, 7]) expect(f1(hat, x).isZero()).toBe(true);
    expect(f1(hat, '1/2')).toEqual(q('1/4'));
  });

  it('three samples on one affine piece of f leave no room for a single kink of g between them', () => {
    // Samples 0, 1, 2 on the line y = 2x + 1; one knot between 0 and 2 (in either gap or on 1),
    // with the free line a x + c: never feasible, whatever the sign of the jump.
    const xs = qs([0, 1, 2]);
    for (const place of [{ kind: 'gap', gap: 1 }, { kind: 'at', sample: 1 }, { kind: 'gap', gap: 2 }] as const) {
      for (const muSign of [1, -1] as const) {
        const { design, system } = cellSystem(xs, [{ place, orientation: 1, muSign }], { linearTerm: true });
        const equal = { A: [...(system.equal?.A ?? []), ...design], b: [...(system.equal?.b ?? []), ...xs.map((x) => x.mul(q(2)).add(q(1)))] };
        expect(findInteriorPoint({ ...system, equal }, 4).ok).toBe(false);
      }
    }
  });

  it('two samples on an interval where f and g are both affine force g = f there', () => {
    // f = relu(x) and g = (relu(x + 1) + relu(x - 1/2)) / 2 - 1/4 are both affine on [1, 2] and equal at 1 and 2.
    const f = shallow1d([[1, 0, 1]]);
    const g = shallow1d([[1, 1, '1/2'], [1, '-1/2', '1/2']], '-1/4');
    for (const x of [1, 2]) expect(f1(g, x)).toEqual(f1(f, x));
    for (const x of ['5/4', '3/2', '7/4']) expect(f1(g, x)).toEqual(f1(f, x));
    expect(f1(g, 0)).not.toEqual(f1(f, 0));
  });

  it('beyond the last sample one spare neuron changes f and no sample sees it', () => {
    const f = shallow1d([[1, -1, 2], [-1, 2, 1]]);
    const xs = qs([-3, 0, 1, 2, 5]);
    const r = identify(f, xs, { width: 3 });
    expect(r.identifiable).toBe(false);
    expect(r.method).toBe('spare-neuron');
    expect(r.counterexample!.layers[0].W.nrows).toBe(3);
    expect(r.differsAt!.x[0].cmp(q(5))).toBe(1);
  });

  it('a counterexample is checked against the width by the minimal-width rules, not by counting neurons', () => {
    // g has 2 neurons but its function needs 3 (two kinks and e = 1): too wide for width 2.
    const f = shallow1d([[1, 0, 1]]);
    const g = shallow1d([[1, 0, 1], [1, -5, 1], [-1, 5, 1]]);
    const ok = checkCounterexample(f, g, [[q(0)], [q(1)]], 3);
    expect(ok.ok).toBe(false); // relu(5 - x) is seen at 0 and 1
    const g2 = shallow1d([[1, 0, 1], [1, -5, 1], [-1, 6, 1]], -6);
    expect(minimalWidth(toSpline(g2))).toBe(3);
    const c = checkCounterexample(f, g2, [[q(0)], [q(1)], [q(2)]], 2);
    expect(c.failures.some((m) => m.includes('needs 3 neurons'))).toBe(true);
  });
});

describe('O7: distinct irreducible networks that agree on a finite sample (LITERATURE-A 6)', () => {
  it('(a) f and g differ only beyond x = 10', () => {
    const f = shallow1d([[1, -1, 1], [1, -2, -2], [1, -10, 1]]);
    const g = shallow1d([[1, -1, 1], [1, -2, -2], [1, -10, 5]]);
    for (const net of [f, g]) expect(minimalWidth(toSpline(net))).toBe(3);
    for (let x = -4; x <= 10; x++) expect(f1(f, x)).toEqual(f1(g, x));
    expect([f1(f, 11), f1(g, 11)]).toEqual([q(-7), q(-3)]);
    const xs = qs([0, '1/2', 1, '3/2', 2, 3, 4, 5, 10]);
    expect(checkCounterexample(f, g, xs.map((x) => [x]), 3).ok).toBe(true);
    expect(identify(f, xs).identifiable).toBe(false);
  });

  it('(b) two breakpoints in one gap move keeping total jump and first moment: X = {0, 1, 2, 3}', () => {
    const f = shallow1d([[1, '-6/5', 2], [1, '-17/10', 1]]);
    const g = shallow1d([[1, '-7/5', '7/2'], [1, '-8/5', '-1/2']]);
    for (const net of [f, g]) expect(minimalWidth(toSpline(net))).toBe(2);
    for (const x of [0, 1, 2, 3]) expect(f1(f, x)).toEqual(f1(g, x));
    expect([f1(f, '3/2'), f1(g, '3/2')]).toEqual([q('3/5'), q('7/20')]);
    for (const net of [f, g]) {
      const r = identify(net, qs([0, 1, 2, 3]));
      expect(r.identifiable).toBe(false);
      expect(r.method).toBe('knot-search');
      const d = r.differsAt!.x[0];
      expect(d.cmp(q(1)) > 0 && d.cmp(q(2)) < 0).toBe(true); // the difference hides between samples 1 and 2
    }
  });

  it('(b) with one more sample inside each piece f is identified, and the certificate re-checks', () => {
    const f = shallow1d([[1, '-6/5', 2], [1, '-17/10', 1]]);
    const xs = qs([0, 1, '5/4', '3/2', 2, 3]);
    const r = identify(f, xs);
    expect(r.identifiable).toBe(true);
    expect(r.proof && r.complete).toBe(true);
    const cert = identifiabilityCertificate(f, xs.map((x) => [x]), r)!;
    expect(checkIdentifiabilityCertificate(JSON.stringify(cert)).valid).toBe(true);
  });
});

describe('identify: the regimes', () => {
  it('|x| = relu(x) + relu(-x) (e = 1) is identified by no finite sample among width-2 nets', () => {
    const f = shallow1d([[1, 0, 1], [-1, 0, 1]]);
    expect(minimalForm(toSpline(f)).extra).toBe(1);
    const xs = Array.from({ length: 41 }, (_, k) => q(k - 20));
    const r = identify(f, xs);
    expect(r.identifiable).toBe(false);
    expect(r.method).toBe('affine-part');
    expect(minimalWidth(toSpline(r.counterexample!))).toBe(2);
    expect(r.differsAt!.x[0].cmp(q(20)) > 0).toBe(true);
  });

  it('a reducible net is never identified: relu(x) + relu(2x) = 3 relu(x)', () => {
    const f = shallow1d([[1, 0, 1], [2, 0, 1]]);
    const r = identify(f, qs([-3, -2, -1, 0, 1, 2, 3]));
    expect(r.minimalWidth).toBe(1);
    expect(r.method).toBe('spare-neuron');
    expect(r.counterexample!.layers[0].W.nrows).toBeLessThanOrEqual(2);
  });

  it('below mu(f) the question is interpolation: a width-1 net through the samples', () => {
    const f = shallow1d([[1, 0, 1], [1, -1, -2], [1, -2, 1]], 1); // a hat on [0, 2] plus 1
    expect(minimalWidth(toSpline(f))).toBe(3);
    // 1, 2, 1 at x = 0, 1, 2 needs slopes 1 and -1 on both sides of one knot: e = 1, two neurons.
    expect(identify(f, qs([0, 1, 2]), { width: 1 }).identifiable).toBe(true);
    // 2, 1, 1 at x = 1, 2, 3 is 1 + relu(2 - x); x = -1, 0, 1, 2, 3 need two knots (disjoint corners at 0 and 2).
    const easy = identify(f, qs([1, 2, 3]), { width: 1 });
    expect(easy.identifiable).toBe(false);
    expect(sameFunction(easy.counterexample!, f)).toBe(false);
    const hard = identify(f, qs([-1, 0, 1, 2, 3]), { width: 1 });
    expect(hard.identifiable).toBe(true);
    expect(hard.knotLowerBound).toBe(2);
  });

  it('width 0: constants; one sample pins a constant net, none does not', () => {
    const c = createReluNet(QQ, [{ W: [[q(0)]], b: [q(0)] }, { W: [[q(0)]], b: [q(3)] }]);
    expect(identify(c, qs([5]), { width: 0 }).identifiable).toBe(true);
    const none = identify(c, [], { width: 0 });
    expect(none.identifiable).toBe(false);
    expect(none.counterexample!.layers).toHaveLength(1);
  });

  it('takes deep univariate nets (default width: the minimal shallow width of the function)', () => {
    // relu(relu(x) - 1): one kink at 1, the same function as relu(x - 1).
    const deep = createReluNet(QQ, [
      { W: [[q(1)]], b: [q(0)] },
      { W: [[q(1)]], b: [q(-1)] },
      { W: [[q(1)]], b: [q(0)] },
    ]);
    const r = identify(deep, qs([-1, 0, '3/2', 2]));
    expect(r.width).toBe(1);
    expect(r.identifiable).toBe(true);
    expect(identify(deep, qs([0, 2])).identifiable).toBe(false);
  });

  it('refuses float nets, bad widths and samples of the wrong dimension', () => {
    const f = shallow1d([[1, 0, 1]]);
    expect(() => identify(convertNet(f, F64) as never, qs([0]))).toThrow("exact");
    expect(() => identify(f, qs([0]), { width: -1 })).toThrow('width');
    expect(() => identify(f, [[q(0), q(1)]])).toThrow('sample 0 has 2 coordinates');
  });
});

describe('distinguishing sample sets', () => {
  it('three points per piece identify an irreducible net with e = 0, and thinning keeps it certified', () => {
    const f = shallow1d([[1, 0, 2], [1, -1, -3], [-1, 3, 1]], 1);
    // far-left slope -1 and the jump 1 at 3 cancels it: e = 0
    expect(minimalForm(toSpline(f)).extra).toBe(0);
    const full = distinguishingSamples(f, { reduce: false });
    expect(full.ok && full.samples.length).toBe(12);
    expect(full.ok && full.perPiece).toEqual([3, 3, 3, 3]);
    const thin = distinguishingSamples(f);
    if (!thin.ok) throw new Error(thin.reason);
    expect(thin.samples.length).toBeLessThan(12);
    expect(thin.certificate.identifiable).toBe(true);
    // Independent of the search's own bookkeeping: every sample agrees with f.
    for (const x of thin.samples) expect(evaluateSpline(toSpline(f), x)).toEqual(f1(f, x.toString()));
    const cert = identifiabilityCertificate(f, thin.samples.map((x) => [x]), thin.certificate)!;
    expect(checkIdentifiabilityCertificate(cert).valid).toBe(true);
  });

  it('says why when no finite set exists', () => {
    const abs = distinguishingSamples(shallow1d([[1, 0, 1], [-1, 0, 1]]));
    expect(abs.ok).toBe(false);
    expect(!abs.ok && abs.reason).toContain('e = 1');
    const reducible = distinguishingSamples(shallow1d([[1, 0, 1], [2, 0, 1]]));
    expect(!reducible.ok && reducible.reason).toContain('spare neuron');
  });
});

describe('certificates', () => {
  const f = shallow1d([[1, '-6/5', 2], [1, '-17/10', 1]]);
  const xs = qs([0, 1, '5/4', '3/2', 2, 3]);
  const good = identifiabilityCertificate(f, xs.map((x) => [x]), identify(f, xs))!;

  it('an "identifiable" certificate fails when a closed node is dropped or a multiplier forged', () => {
    if (!('closed' in good.witness)) throw new Error('expected closed nodes');
    const dropped = { ...good, witness: { ...good.witness, closed: good.witness.closed.slice(1) } };
    expect(checkIdentifiabilityCertificate(dropped).valid).toBe(false);
    const forged = structuredClone(good);
    const node = (forged.witness as { closed: { kind: string; equal?: string[] }[] }).closed.find((c) => c.kind === 'infeasible' && c.equal!.length > 0)!;
    node.equal![0] = q(node.equal![0]).add(q(1)).toString();
    expect(checkIdentifiabilityCertificate(forged).valid).toBe(false);
  });

  it('the same certificate does not transfer to fewer samples or a wider class', () => {
    expect(checkIdentifiabilityCertificate({ ...good, instance: { ...good.instance, samples: good.instance.samples.slice(1) } }).valid).toBe(false);
    const wider = checkIdentifiabilityCertificate({ ...good, instance: { ...good.instance, width: 3 } });
    expect(wider.valid === false && wider.reason).toContain('always exists');
  });

  it('a counterexample certificate re-checks, and fails once the counterexample is changed', () => {
    const r = identify(f, qs([0, 1, 2, 3]));
    const cert = identifiabilityCertificate(f, qs([0, 1, 2, 3]).map((x) => [x]), r)!;
    expect(checkIdentifiabilityCertificate(cert).valid).toBe(true);
    const bent = structuredClone(cert) as unknown as { witness: { counterexample: { layers: { b: string[] }[] } } };
    bent.witness.counterexample.layers[1].b[0] = '1/7';
    expect(checkIdentifiabilityCertificate(bent as never).valid).toBe(false);
  });
});
