/** Short literals for tests: q(3), q('-2/3'), M([[1, '1/2']]), V([0, 1]). */
import { parseRational } from '../../src/field/parse.js';
import type { Rational } from '../../src/field/rational.js';

export const q = (x: number | string): Rational => parseRational(String(x));
export const M = (rows: readonly (readonly (number | string)[])[]): Rational[][] => rows.map((r) => r.map(q));
export const V = (v: readonly (number | string)[]): Rational[] => v.map(q);
