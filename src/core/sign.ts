/**
 * The sign of an exact quantity. In exact arithmetic ties happen (a point on a hyperplane),
 * so a sign is three-valued; conventions that map 0 to active or inactive say so where used.
 */
export type Sign = -1 | 0 | 1;

export function signOfBigint(x: bigint): Sign {
  return x > 0n ? 1 : x < 0n ? -1 : 0;
}

export function signOfNumber(x: number): Sign {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}
