/**
 * relu-exact as a library: read a network, evaluate it exactly, and use the exact linear algebra.
 * Run it with `npx tsx examples/library-usage.ts`; the test suite runs it too, so it never rots.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  activationPattern,
  convertNet,
  evaluateScalar,
  F64,
  formatSignificant,
  inertia,
  nullspace,
  parseRational,
  qqMatrix,
  rank,
  rationalFromFloat,
  readReluNet,
} from 'relu-exact';

export function main() {
  // 1. A network from a relu-net/1 file: every weight is an exact rational.
  const net = readReluNet(readFileSync(new URL('./bundled/net.json', import.meta.url), 'utf8'));
  const x = [parseRational('3/4')];
  const exact = evaluateScalar(net, x); // 13/16, exactly
  const pattern = activationPattern(net, [parseRational('1/2')]); // 0 marks an exact tie

  // 2. The float path, and how far it is from the truth (measured exactly).
  const approx = evaluateScalar(convertNet(net, F64), [0.75]);
  const floatError = rationalFromFloat(approx).sub(exact).abs();

  // 3. Exact linear algebra: rank, nullspace, inertia.
  const A = qqMatrix([
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ]);
  const S = qqMatrix([
    [0, 1, 1],
    [1, 0, 1],
    [1, 1, 0],
  ]); // eigenvalues 2, -1, -1

  return {
    value: exact.toString(),
    decimal: formatSignificant(exact, 6),
    pattern,
    floatError: floatError.toString(),
    rank: rank(A),
    nullspace: nullspace(A).map((v) => v.map(String)),
    inertia: inertia(S),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(main());
