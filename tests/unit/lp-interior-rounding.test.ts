/**
 * Regression: the float-proposed interior point was reduced after its exact check, and the
 * reduction also halved the numerators of *non-homogeneous* points once the denominator reached 1
 * (x = 4 became x = 1), so `interiorPoint` could return a point outside the region. Found by the
 * symmetry law of toComputeSameFunctionAs (two copies of a net give duplicated rows, more than
 * the 6 below which the exact simplex runs alone).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interiorPoint, isValidInteriorAnswer } from '../../src/lp/index.js';

describe('interiorPoint (float-proposed, exactly certified) returns points that satisfy the system', () => {
  it('the region x > 0, y > -1, x > 2 with duplicated rows', () => {
    const strict = [[1n, 0n, 0n], [1n, 0n, 0n], [0n, 1n, 1n], [1n, 0n, 0n], [1n, 0n, 0n], [0n, 1n, 1n], [1n, 0n, -2n]];
    const answer = interiorPoint({ n: 2, strict });
    expect(answer.ok).toBe(true);
    expect(isValidInteriorAnswer({ n: 2, strict }, answer)).toBe(true);
  });

  it('any feasible box a_j < x_j < b_j with repeated rows (more than 6 rows: the float path)', () => {
    const box = fc.array(fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(box, fc.integer({ min: 2, max: 3 }), (bounds, copies) => {
        const n = bounds.length;
        const rows: bigint[][] = [];
        bounds.forEach(([lo, width], j) => {
          const unit = (s: bigint): bigint[] => Array.from({ length: n }, (_, k) => (k === j ? s : 0n));
          for (let c = 0; c < copies; c++) rows.push([...unit(1n), BigInt(-lo)], [...unit(-1n), BigInt(lo + width)]);
        });
        while (rows.length <= 6) rows.push(rows[0]);
        const answer = interiorPoint({ n, strict: rows });
        return answer.ok && isValidInteriorAnswer({ n, strict: rows }, answer);
      }),
      { numRuns: 300 },
    );
  });
});
