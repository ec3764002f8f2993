/**
 * The zonotope-vertex bijection (LITERATURE-B 1.2; the normal fan of a zonotope is its
 * arrangement's fan, e.g. Ziegler, Lectures on Polytopes, Theorem 7.16).
 *
 * Hypotheses: any nonzero x~_1, ..., x~_n in R^D.
 * Claim: S -> v_S = sum_{i in S} x~_i maps the open activation patterns one to one onto the
 * vertices of the zonotope Z = sum_i [0, x~_i]: distinct patterns give distinct vertices, each v_S
 * is a vertex (a direction theta singles it out), and every vertex is some v_S.
 *
 * Check: every n-point multiset of the small grids. The vertex set is found independently of
 * the pattern enumerator: a subset's point v_T is a vertex iff it is no convex combination of
 * the other points v_S (an exact LP for each of the 2^n subsets), compared with listPatterns and
 * zonotopeVertex.
 */
import { defineTheorem, makeCertificate } from 'relu-exact/arbitraries';
import { classifyZonotopePoints } from './lib/chambers.js';
import { dataArbitrary, FAMILY_TEXT, gridInstances, noZeroPoint, showData, type DataInstance } from './lib/data.js';

export const zonotopeVerticesTheorem = defineTheorem<DataInstance>({
  name: 'zonotope-vertices',
  title: 'Patterns <-> vertices of the zonotope sum_i [0, x~_i], by v_S = sum_{i in S} x~_i',
  statement: {
    hypotheses: ['x~_1..x~_n in R^D nonzero'],
    claim: 'v_S = sum_{i in S} x~_i is a bijection from the open activation patterns onto the vertices of Z = sum_i [0, x~_i]',
  },
  source: 'Matena and Raffel, NeurIPS 2022, Section 2 (activation regions and the zonotope, as derived in LITERATURE-B 1.2); the normal fan of a zonotope is its arrangement (Ziegler, Lectures on Polytopes, 7.16)',
  size: { default: 3, min: 1, max: 6, meaning: 'points n' },
  kinds: ['zonotope-vertices'],
  instancesAre: `all n-point multisets of the grids (${FAMILY_TEXT})`,
  instances: (n) => gridInstances(n, true),
  arbitrary: dataArbitrary,
  hypothesis: noZeroPoint,
  check(instance) {
    const c = classifyZonotopePoints(instance);
    return {
      certificate: makeCertificate(
        'zonotope-vertices',
        showData(instance),
        { kind: 'zonotope-vertices', vertexCount: c.vertices.length, holds: true },
        { vertices: c.vertices, nonVertices: c.nonVertices },
      ),
      problems: c.problems,
    };
  },
});
