/**
 * How generated values print in fast-check's failure reports: rationals as `p/q` (Rational's
 * own toString, which fast-check uses), nets and matrices compactly. fast-check looks up the
 * method under `fc.toStringMethod` (a global symbol); it is attached non-enumerable, so it
 * changes neither equality nor JSON.
 */
import fc from 'fast-check';
import type { Rational } from '../field/rational.js';
import type { ReluNet } from '../network/relu-net.js';

export function withPrinter<T extends object>(value: T, print: (value: T) => string): T {
  if (Object.isExtensible(value)) Object.defineProperty(value, fc.toStringMethod, { value: () => print(value), enumerable: false });
  return value;
}

export function formatRows(rows: readonly (readonly Rational[])[]): string {
  return `[${rows.map((r) => `[${r.join(', ')}]`).join(', ')}]`;
}

/** `ReluNet 1-2-1 {W1: [[1], [-1/2]], b1: [0, 1]; W2: [[2, -1]], b2: [0]}`. */
export function formatNet(net: ReluNet<Rational>): string {
  const widths = [net.layers[0].W.ncols, ...net.layers.map((l) => l.W.nrows)];
  const layers = net.layers.map((l, k) => `W${k + 1}: ${formatRows(l.W.rows)}, b${k + 1}: [${l.b.join(', ')}]`);
  return `ReluNet ${widths.join('-')} {${layers.join('; ')}}`;
}
