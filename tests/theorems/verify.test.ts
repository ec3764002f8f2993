/**
 * The independent verifier: a certificate of every kind verifies; changed numbers, wrong claims
 * and broken witnesses are rejected with a reason that names the part; and the verifier's
 * sources import only parsing and rational arithmetic.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyCertificate, CERTIFICATE_KINDS } from '../../src/verify/index.js';
import { THEOREMS } from '../../proofs/index.js';
import { checkInstance, type Certificate, type Theorem } from 'relu-exact/arbitraries';

const ready = THEOREMS.filter((t): t is Theorem<unknown> => t.status === 'ready');
const byName = (name: string): Theorem<unknown> => ready.find((t) => t.name === name)!;

/** The certificate of one instance (the `index`-th of the theorem's default size that meets the hypotheses). */
function certificateOf(name: string, index = 0): Certificate {
  const t = byName(name);
  const instances = t.instances(t.size.default, 1).filter((x) => t.hypothesis?.(x) ?? true);
  const outcome = checkInstance(t, instances[index]);
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

describe('the verifier shares no code with the algorithms it checks', () => {
  const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
  it.each(files('src/verify'))('%s imports only core, field, the relu-net/1 reader and itself', (file) => {
    const imports = [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)].map((m) => relative('src', join(dirname(file), m[1])));
    for (const target of imports) expect(target, `${file} imports ${target}`).toMatch(/^(verify|core|field)\/|^network\/json-io\.js$/);
  });
});
