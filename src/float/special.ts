/** Small special functions shared by the float path. */

/** n! for small integers n >= 0 (exact up to n = 18 in float64). */
export function factorial(n: number): number {
  let f = 1;
  for (let k = 2; k <= n; k++) f *= k;
  return f;
}

/** n!! = n (n - 2) (n - 4) ... (1 for n <= 1). */
export function doubleFactorial(n: number): number {
  let f = 1;
  for (let k = n; k > 1; k -= 2) f *= k;
  return f;
}
