/**
 * `zonotope-vertices`: the vertices of Z = sum_i [0, x~_i] are exactly the points
 * v_S = sum_{i in S} x~_i of the open activation patterns S, and distinct patterns give distinct
 * vertices. Z is the convex hull of the 2^n points v_T, so its vertices are among them:
 * - a listed vertex comes with a direction theta whose signs on the x~_i are strictly the bits:
 *   then lambda = 1_S is the only maximiser of sum_i lambda_i (x~_i . theta) over [0,1]^n, so v_S
 *   is the unique maximiser of theta over Z: a vertex, and S is a pattern;
 * - every other T comes with a convex combination of points v_S different from v_T equal to
 *   v_T: not a vertex (and so T is no pattern, or v_T would be one).
 * All points are recomputed from the bits; the listed vertices must be pairwise distinct.
 */
import { dot, sameVector } from '../exact.js';
import { liftedInstance, signsMatch } from '../data.js';
import type { KindChecker } from '../kind.js';
import { bits, int, list, need, num, nums, obj } from '../read.js';
import { Rational } from '../../field/rational.js';

export const zonotopeVertices: KindChecker = {
  kind: 'zonotope-vertices',
  check({ instance, claim, witness }) {
    const { n, D, vectors } = liftedInstance(instance, 10);
    const pointOf = (b: string): Rational[] => Array.from({ length: D }, (_, j) => vectors.reduce((acc, v, i) => (b[i] === '1' ? acc.add(v[j]) : acc), Rational.ZERO));
    const seen = new Set<string>();
    const vertexPoints: Rational[][] = [];
    const vertices = list(witness['vertices'], 'witness.vertices');
    vertices.forEach((entry, k) => {
      const path = `witness.vertices[${k}]`;
      const e = obj(entry, path);
      const b = bits(e['bits'], `${path}.bits`, n);
      need(!seen.has(b), `${path}.bits`, `${b} is listed twice`);
      seen.add(b);
      const p = nums(e['point'], `${path}.point`, D);
      need(sameVector(p, pointOf(b)), `${path}.point`, `is not the sum of the x~_i with bit 1 in ${b}`);
      const theta = nums(e['direction'], `${path}.direction`, D);
      const bad = signsMatch(vectors, b, vectors.map((v) => dot(v, theta)));
      need(bad < 0, `${path}.direction`, `x~_${bad} . theta does not have the sign bit ${bad} of ${b} asks for, so the direction does not single out this vertex`);
      const twin = vertexPoints.findIndex((q) => sameVector(q, p));
      need(twin < 0, `${path}.point`, `equals the point of witness.vertices[${twin}]: two patterns with one vertex`);
      vertexPoints.push(p);
    });
    list(witness['nonVertices'], 'witness.nonVertices').forEach((entry, k) => {
      const path = `witness.nonVertices[${k}]`;
      const e = obj(entry, path);
      const b = bits(e['bits'], `${path}.bits`, n);
      need(!seen.has(b), `${path}.bits`, `${b} is listed twice`);
      seen.add(b);
      const target = pointOf(b);
      let total = Rational.ZERO;
      let sum = new Array<Rational>(D).fill(Rational.ZERO);
      list(e['combination'], `${path}.combination`).forEach((term, t) => {
        const tp = `${path}.combination[${t}]`;
        const te = obj(term, tp);
        const other = pointOf(bits(te['bits'], `${tp}.bits`, n));
        need(!sameVector(other, target), `${tp}.bits`, 'has the same point as the one it should express');
        const w = num(te['weight'], `${tp}.weight`);
        need(w.sign() > 0, `${tp}.weight`, 'weights must be > 0');
        total = total.add(w);
        sum = sum.map((s, j) => s.add(w.mul(other[j])));
      });
      need(total.eq(Rational.ONE), `${path}.combination`, `weights sum to ${total}, not 1`);
      need(sameVector(sum, target), `${path}.combination`, 'does not sum to the point');
    });
    need(seen.size === 2 ** n, 'witness', `covers ${seen.size} of the 2^${n} subsets; each must be a vertex or a convex combination of other points`);
    const count = int(claim['vertexCount'], 'claim.vertexCount');
    need(count === vertices.length, 'claim.vertexCount', `is ${count} but ${vertices.length} vertices are certified`);
    return { holds: true, summary: `${count} vertices, one per activation pattern, pairwise distinct; the other ${2 ** n - count} subsets give no vertex` };
  },
};
