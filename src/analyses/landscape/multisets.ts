/** Multisets of size m from k kinds, as index-nondecreasing arrays (neurons are interchangeable), lazily. */
export function* multisets(k: number, m: number): Generator<number[]> {
  if (m === 0) {
    yield [];
    return;
  }
  if (k === 0) return;
  const idx = new Array<number>(m).fill(0);
  for (;;) {
    yield idx.slice();
    let p = m - 1;
    while (p >= 0 && idx[p] === k - 1) p--;
    if (p < 0) return;
    idx[p]++;
    for (let q = p + 1; q < m; q++) idx[q] = idx[p];
  }
}

/** How many `multisets(k, m)` yields: C(k + m - 1, m). */
export function countMultisets(k: number, m: number): bigint {
  if (k === 0) return m === 0 ? 1n : 0n;
  let r = 1n;
  for (let i = 1; i <= m; i++) r = (r * BigInt(k + i - 1)) / BigInt(i);
  return r;
}
