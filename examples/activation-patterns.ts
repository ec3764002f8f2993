/**
 * Activation patterns, zonotope vertices and linear regions, exactly.
 * Run it with `npx tsx examples/activation-patterns.ts`; the test suite runs it too.
 */
import { countPatterns, createReluNet, listPatterns, listRegions, patternNeighbours, qqMatrix, QQ, Rational, zonotopeVertex } from 'relu-exact';

export function main() {
  // Three collinear points and one off the line, in the plane, with a bias: 12 patterns, not Cover's 14.
  const X = qqMatrix([
    [0, 0],
    [1, 0],
    [2, 0],
    [0, 1],
  ]);
  const patterns = listPatterns(X, { witness: true });
  const count = countPatterns(X);

  // The zonotope view: the vertex of a pattern, and its neighbours for local search.
  const vertex = zonotopeVertex(X, '0011').map(String);
  const neighbours = patternNeighbours(X, '0011').map((nb) => nb.bits);

  // Linear regions of relu(x) - 2 relu(x - 1/2) + relu(x - 1) (a hat) on the open interval (-1, 2).
  const q = (n: number, d = 1) => Rational.of(n, d);
  const hat = createReluNet(QQ, [
    { W: [[q(1)], [q(1)], [q(1)]], b: [q(0), q(-1, 2), q(-1)] },
    { W: [[q(1), q(-2), q(1)]], b: [q(0)] },
  ]);
  const regions = listRegions(hat, { box: { lower: [q(-1)], upper: [q(2)] } }).sort((r, s) => r.interiorPoint[0].cmp(s.interiorPoint[0]));

  return {
    count: Number(count.count),
    generalPosition: count.generalPosition,
    first: patterns.slice(0, 3).map((p) => p.bits),
    witnessOf0011: patterns.find((p) => p.bits === '0011')!.theta!.map(String),
    vertex,
    neighbours,
    slopes: regions.map((r) => r.affine.A[0][0].toString()),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(main());
