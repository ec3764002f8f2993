/** Small bigint helpers shared by the exact number types and the fraction-free algorithms. */

export function absBig(a: bigint): bigint {
  return a < 0n ? -a : a;
}

/** Greatest common divisor, always >= 0; gcd(0, 0) = 0. */
export function gcdBig(a: bigint, b: bigint): bigint {
  a = absBig(a);
  b = absBig(b);
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** Least common multiple of positive bigints. */
export function lcmBig(a: bigint, b: bigint): bigint {
  if (a === 0n || b === 0n) return 0n;
  return absBig((a / gcdBig(a, b)) * b);
}

/** Number of bits of |a| (0 for 0). */
export function bitLength(a: bigint): number {
  a = absBig(a);
  if (a === 0n) return 0;
  // toString(16) is linear in the size and far faster than shifting bit by bit.
  const hex = a.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0], 16)));
}

/** a / b where b is known to divide a; checked, since a silent truncation would be a wrong answer. */
export function divExactBig(a: bigint, b: bigint): bigint {
  const q = a / b;
  if (q * b !== a) throw new Error(`divExactBig: ${b} does not divide ${a} (internal error)`);
  return q;
}
