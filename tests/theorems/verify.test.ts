/**
 * The independent verifier: a certificate of every kind verifies; changed numbers, wrong claims
 * and broken witnesses are rejected with a reason that names the part; and the verifier's
 * sources import only parsing and rational arithmetic.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyCertificate, CERTIFICATE_KINDS, THEOREM_KINDS } from '../../src/verify/index.js';
import { CONJECTURES, THEOREMS } from '../../proofs/index.js';
import { checkInstance, makeCertificate, type Certificate, type Theorem } from 'relu-exact/arbitraries';
import { batchJacobian, parameterCount, Rational, writeReluNet } from 'relu-exact';
import { rankParts } from '../../proofs/lib/fdim.js';
import { hiddenSymmetryM3Theorem } from '../../proofs/hidden-symmetry-m3.js';

const ready = THEOREMS.filter((t): t is Theorem<unknown> => t.status === 'ready');
const byName = (name: string): Theorem<unknown> => ready.find((t) => t.name === name)!;

/** The certificate of one instance (the `index`-th of the theorem's default size that meets the hypotheses). */
function certificateOf(name: string, index = 0): Certificate {
  const t = byName(name);
  const instances = t.instances(t.size.default, 1).filter((x) => t.hypothesis?.(x) ?? true);
  const outcome = checkInstance(t, instances[index % instances.length]);
  expect(outcome.failure).toBeNull();
  return outcome.certificate!;
}

const clone = (c: Certificate): any => JSON.parse(JSON.stringify(c));

function rejected(cert: unknown, reason: RegExp): void {
  const r = verifyCertificate(cert);
  expect(r.valid, JSON.stringify(r)).toBe(false);
  if (!r.valid) expect(r.reason).toMatch(reason);
}

describe('every certificate kind verifies', () => {
  const samples: [string, string][] = [
    ['cover-count', 'chamber-count'],
    ['zaslavsky-count', 'chamber-count'],
    ['zonotope-vertices', 'zonotope-vertices'],
    ['spline-identity', 'spline-identity'],
    ['scaling-quotient', 'scaling-fibre'],
    ['min-cost-interpolant', 'min-cost-interpolant'],
    ['minimal-width-1d', 'minimal-width'],
    ['known-rank', 'matrix-rank'],
    ['functional-dimension-upper-bound', 'jacobian-rank'],
    ['functional-dimension-attained', 'jacobian-rank'],
    ['hidden-symmetry-m3', 'functional-dimension-1d'],
    ['hidden-symmetry-m6', 'functional-dimension-1d'],
    ['irreducibility-any-dimension', 'shallow-minimal-width'],
    ['no-finite-sample-identifies', 'sample-counterexample'],
    ['distinguishing-set-1d', 'distinguishing-set-1d'],
    ['critical-point-classification', 'critical-points'],
  ];
  it('covers every kind the verifier knows', () => {
    expect(new Set(samples.map(([, k]) => k))).toEqual(new Set(CERTIFICATE_KINDS.map((k) => k.kind)));
  });
  it.each(samples)('%s (%s)', (theorem, kind) => {
    for (const index of [0, 7, 23]) {
      const r = verifyCertificate(certificateOf(theorem, index));
      expect(r).toMatchObject({ valid: true, theorem, kind, holds: true });
    }
  });
  it('accepts the certificate as JSON text too, and says why text that is not JSON fails', () => {
    expect(verifyCertificate(JSON.stringify(certificateOf('cover-count'))).valid).toBe(true);
    rejected('{"format": ', /not JSON/);
  });
});

describe('a certificate cannot borrow a registered theorem\'s name', () => {
  it('a known-rank certificate relabelled cover-count (or identifiability) is rejected, naming both; under a name of its own it verifies', () => {
    const c = clone(certificateOf('known-rank', 60));
    rejected({ ...c, theorem: 'cover-count' }, /^claim.kind: "matrix-rank" is not a kind of theorem cover-count, whose certificates are chamber-count/);
    rejected({ ...c, theorem: 'zaslavsky-count' }, /whose certificates are chamber-count/);
    rejected({ ...c, theorem: 'finite-sample-identifiability' }, /checked by checkIdentifiabilityCertificate/);
    expect(verifyCertificate({ ...c, theorem: 'my-own-rank-lemma' })).toMatchObject({ valid: true, theorem: 'my-own-rank-lemma', kind: 'matrix-rank' });
  });

  // Which kinds a theorem emits is enforced when it runs (checkInstance rejects a kind it does
  // not declare), so the default-size runs of proofs.test.ts check the declarations; here the
  // verifier's static table is checked against them.
  it('the verifier\'s table lists every theorem and conjecture of the registry with the kinds it declares', () => {
    const declared = [...THEOREMS.filter((t): t is Theorem<unknown> => t.status === 'ready'), ...CONJECTURES].map((t) => [t.name, t.kinds] as const);
    for (const [name, kinds] of declared) expect(kinds, `${name} declares no kinds`).toBeDefined();
    expect(new Map(declared)).toEqual(THEOREM_KINDS);
    const known = new Set(CERTIFICATE_KINDS.map((k) => k.kind));
    for (const kinds of THEOREM_KINDS.values()) for (const k of kinds) expect(known).toContain(k);
  });
});

describe('tampered certificates are rejected with a reason', () => {
  it('format, kind and structure', () => {
    const c = clone(certificateOf('cover-count'));
    rejected({ ...c, format: 'certificate/2' }, /format/);
    rejected({ ...c, claim: { ...c.claim, kind: 'no-such-kind' } }, /unknown kind/);
    rejected({ ...c, witness: undefined }, /witness: expected an object/);
    rejected({ ...c, claim: { ...c.claim, holds: 'yes' } }, /claim.holds/);
  });

  it('chamber-count: a count, a formula value, a theta, a Gordan vector, a missing sign vector, general position', () => {
    const c = clone(certificateOf('cover-count', 5));
    rejected({ ...c, claim: { ...c.claim, count: Number(c.claim.count) + 1 } }, /claim.count/);
    rejected({ ...c, claim: { ...c.claim, expected: String(Number(c.claim.expected) - 2) } }, /Cover's formula gives/);
    rejected({ ...c, claim: { ...c.claim, holds: false } }, /claim.holds: says false/);
    rejected({ ...c, claim: { ...c.claim, generalPosition: false } }, /claim.generalPosition/);
    rejected({ ...c, claim: { ...c.claim, formula: 'whitney', expected: '3' } }, /Whitney's formula gives/);
    const theta = clone(c);
    theta.witness.realised[0].theta = theta.witness.realised[0].theta.map((x: string) => (x.startsWith('-') ? x.slice(1) : x === '0' ? '1' : `-${x}`));
    rejected(theta, /witness.realised\[0\].theta/);
    const gordan = clone(c);
    gordan.witness.infeasible[0].gordan[0] = String(Number(gordan.witness.infeasible[0].gordan[0]) + 1);
    rejected(gordan, /witness.infeasible\[0\].gordan/);
    const negative = clone(c);
    negative.witness.infeasible[0].gordan = negative.witness.infeasible[0].gordan.map((x: string) => `-${x}`);
    rejected(negative, />= 0/);
    const missing = clone(c);
    missing.witness.infeasible.pop();
    rejected(missing, /covers 15 of the 2\^4 sign vectors/);
    const moved = clone(c);
    moved.instance.X[0] = moved.instance.X[0].map((x: string) => String(Number(x) + 7));
    expect(verifyCertificate(moved).valid).toBe(false);
  });

  it('zonotope-vertices: a point, a direction, a convex combination, two patterns with one vertex', () => {
    const c = clone(certificateOf('zonotope-vertices', 40));
    const point = clone(c);
    point.witness.vertices[1].point[0] = String(Number(point.witness.vertices[1].point[0]) + 1);
    rejected(point, /witness.vertices\[1\].point/);
    const direction = clone(c);
    direction.witness.vertices[1].direction = direction.witness.vertices[1].direction.map(() => '0');
    rejected(direction, /witness.vertices\[1\].direction/);
    const weight = clone(c);
    weight.witness.nonVertices[0].combination[0].weight = '7';
    rejected(weight, /witness.nonVertices\[0\].combination/);
    const count = clone(c);
    count.claim.vertexCount = c.claim.vertexCount + 1;
    rejected(count, /claim.vertexCount/);
    // A non-vertex passed off as a vertex: its direction cannot single it out.
    const swapped = clone(c);
    const nv = swapped.witness.nonVertices.pop();
    swapped.witness.vertices.push({ bits: nv.bits, point: swapped.witness.vertices[0].point, direction: swapped.witness.vertices[0].direction });
    expect(verifyCertificate(swapped).valid).toBe(false);
  });

  it('spline-identity and scaling-fibre: the lens, the points, the fibre, a scale', () => {
    const s = clone(certificateOf('spline-identity', 11));
    rejected({ ...s, claim: { ...s.claim, lens: { ...s.claim.lens, deltaSlope: '99' } } }, /deltaSlope: should be v \|w\|/);
    rejected({ ...s, witness: { points: [s.witness.points[0], s.witness.points[1]] } }, /a point on each side/);
    rejected({ ...s, instance: { neuron: { ...s.instance.neuron, w: '0' } } }, /w != 0/);
    const f = clone(certificateOf('scaling-quotient', 30));
    rejected({ ...f, claim: { ...f.claim, fibre: [] } }, /claim.fibre: should list/);
    const scale = clone(f);
    scale.witness.scalings[0] = '-1';
    rejected(scale, /witness.scalings\[0\]/);
  });

  it('min-cost-interpolant: the data, the net, the cost', () => {
    const c = clone(certificateOf('min-cost-interpolant', 20));
    const y = clone(c);
    y.instance.y[0] = String(Number(y.instance.y[0]) + 1);
    expect(verifyCertificate(y).valid).toBe(false);
    rejected({ ...c, claim: { ...c.claim, expected: '1/3' } }, /the formula gives R\*/);
    const net = clone(c);
    net.witness.net.layers[1].b[0] = '5/7';
    rejected(net, /does not interpolate/);
  });

  it('minimal-width: a witness of another function, a width below the lower bound, the irreducible flag', () => {
    // Find a net with a kink whose minimal width is certified.
    const t = byName('minimal-width-1d');
    const nets = t.instances(2, 1);
    const cert = clone(checkInstance(t, nets[200]).certificate!);
    const other = clone(cert);
    other.witness.minimal.layers[other.witness.minimal.layers.length - 1].b[0] = '1/2';
    rejected(other, /computes another function/);
    rejected({ ...cert, claim: { ...cert.claim, irreducible: !cert.claim.irreducible } }, /claim.irreducible/);
    rejected({ ...cert, claim: { ...cert.claim, netWidth: 5 } }, /claim.netWidth/);
    rejected({ ...cert, claim: { ...cert.claim, width: cert.claim.width + 1 } }, /witness.minimal: has/);
  });

  it('matrix-rank: the determinant, the pivots, the combinations', () => {
    const c = clone(certificateOf('known-rank', 60));
    expect(c.claim.rank).toBeGreaterThan(0);
    rejected({ ...c, witness: { ...c.witness, determinant: '12345' } }, /witness.determinant/);
    const comb = clone(c);
    comb.witness.combination[0][0] = String(Number(comb.witness.combination[0][0]) + 1);
    rejected(comb, /witness.combination\[0\]/);
    rejected({ ...c, claim: { ...c.claim, rank: c.claim.rank + 1 } }, /pivot rows/);
  });
});

describe('tampered certificates of the analyses kinds are rejected with a reason', () => {
  it('jacobian-rank: a non-smooth point, the minor, the kernel', () => {
    const c = clone(certificateOf('functional-dimension-upper-bound', 3));
    const [row] = c.instance.net.layers[0].W;
    // A point on the first neuron's hyperplane w . x + b = 0 (its first nonzero weight solves it).
    const j = row.findIndex((w: string) => w !== '0');
    if (j >= 0) {
      const p = row.map(() => '0');
      p[j] = Rational.of(0).sub(parseQ(c.instance.net.layers[0].b[0])).div(parseQ(row[j])).toString();
      rejected({ ...c, instance: { ...c.instance, points: [...c.instance.points, p] } }, /not parametrically smooth: the pre-activation of layer 1 neuron 1 is 0/);
    }
    rejected({ ...c, witness: { ...c.witness, determinant: '12345' } }, /witness.determinant/);
    rejected({ ...c, claim: { ...c.claim, rank: c.claim.rank + 1 } }, /pivot rows/);
    rejected({ ...c, witness: { ...c.witness, kernel: c.witness.kernel.slice(1) } }, /witness.kernel: needs n - r/);
    const k = clone(c);
    k.witness.kernel[0] = k.witness.kernel[0].map((_: string, i: number) => (i === 0 ? '1' : '0'));
    k.witness.kernel[0][k.witness.kernel[0].length - 1] = '1';
    rejected(k, /witness.kernel(\[0\]: is not in the kernel|: the vectors are linearly dependent)/);
    rejected({ ...c, claim: { ...c.claim, compare: 'at-least' } }, /claim.compare/);
  });

  it('functional-dimension-1d: a kernel that holds on the witness points only is caught on another interval', () => {
    // The M3 control 2 relu(x - 1) + 3 relu(2 - x) has functional dimension 5; at x = 3, 4 only
    // (one interval) the Jacobian has rank 2, and its 5-dimensional kernel fails elsewhere.
    const control = hiddenSymmetryM3Theorem.instances(0, 1)[1];
    expect(control.label).toBe('control');
    const points = [[Rational.of(3)], [Rational.of(4)]];
    const parts = rankParts(batchJacobian(control.net, points).rows, parameterCount(control.net));
    expect(parts.rows).toHaveLength(2);
    const fake = makeCertificate('hidden-symmetry-m3', { net: writeReluNet(control.net) }, { kind: 'functional-dimension-1d', functionalDimension: 2, expected: 2, compare: 'equal', holds: true }, { points, ...parts });
    rejected(fake, /witness.kernel\[\d\]: is not in the kernel of the Jacobian at x = /);
    const c = clone(certificateOf('hidden-symmetry-m3', 0));
    rejected({ ...c, witness: { ...c.witness, points: [...c.witness.points, ['1']] } }, /witness.points\[\d+\]: is not parametrically smooth/);
    rejected({ ...c, claim: { ...c.claim, expected: 5 } }, /claim.holds: says true but the checked facts say false/);
  });

  it('shallow-minimal-width: another function, a width a cheaper net beats, a wrong count', () => {
    const t = byName('irreducibility-any-dimension');
    const reducible = firstCertificate(t, 2, (c) => c.claim.width === 1 && c.claim.netWidth === 2);
    const other = clone(reducible);
    other.witness.minimal.layers[1].b[0] = '1/2';
    rejected(other, /witness.minimal: differs from f by an affine function/);
    const kink = clone(reducible);
    kink.witness.minimal.layers[0].b[0] = '7';
    rejected(kink, /witness.minimal: does not cancel f's kink/);
    // The net itself as a "minimal" witness of width 2: one neuron suffices, and the verifier says so.
    rejected({ ...reducible, claim: { ...reducible.claim, width: 2, irreducible: true, expected: 2 }, witness: { minimal: reducible.instance.net } }, /claim.width: .* width 1 suffices/);
    rejected({ ...reducible, claim: { ...reducible.claim, width: 0 }, witness: { minimal: { format: 'relu-net/1', layers: [{ W: [['0', '0']], b: ['0'] }] } } }, /witness.minimal|claim.width/);
    rejected({ ...reducible, claim: { ...reducible.claim, netWidth: 3 } }, /claim.netWidth/);
  });

  it('sample-counterexample: a sample where they differ, a point where they agree, the width', () => {
    const c = clone(certificateOf('no-finite-sample-identifies', 0));
    rejected({ ...c, witness: { ...c.witness, differsAt: c.instance.samples[0] } }, /witness.differsAt: f and the counterexample agree there/);
    const moved = clone(c);
    const b = moved.witness.counterexample.layers[0].b;
    b[b.length - 1] = '5';
    rejected(moved, /instance.samples\[\d\]: f and the counterexample differ at this sample/);
    rejected({ ...c, claim: { ...c.claim, width: c.claim.width - 1 } }, /hidden neurons, more than/);
  });

  it('distinguishing-set-1d: a thin piece, a width the argument does not cover, a false counterexample', () => {
    const t = byName('distinguishing-set-1d');
    const certs = t.instances(2, 1).filter((n) => t.hypothesis!(n)).map((n) => clone(checkInstance(t, n).certificate!));
    const yes = certs.find((c) => c.claim.identifiable)!;
    rejected({ ...yes, instance: { ...yes.instance, samples: yes.instance.samples.slice(1) } }, /instance.samples: piece 0 of f holds 2 samples inside, the argument needs 3/);
    rejected({ ...yes, instance: { ...yes.instance, width: yes.instance.width + 1 } }, /proven here only for width M <= K/);
    const no = certs.find((c) => !c.claim.identifiable)!;
    expect(verifyCertificate(no)).toMatchObject({ valid: true, holds: true });
    rejected({ ...no, witness: { ...no.witness, differsAt: no.instance.samples[0] } }, /agree there/);
  });

  it('critical-points: other labels, a wrong type, a breakpoint on a data point', () => {
    const t = byName('critical-point-classification');
    const c = firstCertificate(t, 3, (x) => x.witness.points.some((p: any) => p.type === 'saddle') && x.witness.points.some((p: any) => p.type === 'minimum'));
    rejected({ ...c, instance: { ...c.instance, y: c.instance.y.map((v: string, i: number) => (i === 0 ? String(Number(v) + 1) : v)) } }, /not critical/);
    const swapped = clone(c);
    swapped.witness.points = swapped.witness.points.map((p: any) => ({ ...p, type: p.type === 'minimum' ? 'saddle' : 'minimum' }));
    rejected(swapped, /witness.points\[\d+\].type: /);
    const onData = clone(c);
    onData.witness.points[0].net.layers[0] = { W: [['1']], b: [String(-Number(c.instance.x[0]))] };
    rejected(onData, /(pre-activation 0 at a data point|not critical)/);
  });
});

/** The first certificate (of the theorem at `size`, seed 1) with a property, computed lazily. */
function firstCertificate(t: Theorem<unknown>, size: number, property: (c: any) => boolean): any {
  for (const x of t.instances(size, 1)) {
    if (t.hypothesis !== undefined && !t.hypothesis(x)) continue;
    const c = clone(checkInstance(t, x).certificate!);
    if (property(c)) return c;
  }
  throw new Error(`no certificate of ${t.name} has the property`);
}

const parseQ = (s: string): Rational => {
  const [p, q] = s.split('/');
  return Rational.of(BigInt(p), BigInt(q ?? '1'));
};

describe('the verifier shares no code with the algorithms it checks', () => {
  const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
  it.each(files('src/verify'))('%s imports only core, field, the relu-net/1 reader and itself', (file) => {
    const imports = [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)].map((m) => relative('src', join(dirname(file), m[1])));
    for (const target of imports) expect(target, `${file} imports ${target}`).toMatch(/^(verify|core|field)\/|^network\/json-io\.js$/);
  });
});
