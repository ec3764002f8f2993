/** Helpers for headline facts: short enough for a summary card, exact where that fits. */
import { formatSignificant } from '../../field/format.js';
import type { Rational } from '../../field/rational.js';

/** `3`, `11/4 (~2.75)`, or only `~0.9301` when the exact value is too long for a card (the section shows it). */
export function briefRational(q: Rational, digits = 4): string {
  const exact = q.toString();
  if (q.isInteger() && exact.length <= 16) return exact;
  const approx = formatSignificant(q, digits);
  return exact.length <= 14 ? `${exact} (~${approx})` : `~${approx}`;
}
