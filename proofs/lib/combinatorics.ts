/** Small exhaustive enumerations for the checks: subsets and multisets of a list, bit strings. */

/** Every k-element subset of `items`, in lexicographic order of indices. */
export function subsetsOf<T>(items: readonly T[], k: number): T[][] {
  const out: T[][] = [];
  const walk = (start: number, chosen: T[]): void => {
    if (chosen.length === k) out.push(chosen);
    else for (let i = start; i < items.length; i++) walk(i + 1, [...chosen, items[i]]);
  };
  walk(0, []);
  return out;
}

/** Every k-element multiset of `items` (repetition allowed), in lexicographic order of indices. */
export function multisetsOf<T>(items: readonly T[], k: number): T[][] {
  const out: T[][] = [];
  const walk = (start: number, chosen: T[]): void => {
    if (chosen.length === k) out.push(chosen);
    else for (let i = start; i < items.length; i++) walk(i, [...chosen, items[i]]);
  };
  walk(0, []);
  return out;
}

/** The 2^n strings of n characters '0'/'1', ascending. */
export function bitStrings(n: number): string[] {
  return Array.from({ length: 2 ** n }, (_, k) => k.toString(2).padStart(n, '0'));
}
