/** Building the report's sections, each on its own: one that fails does not take the report down. */
import { BudgetExceededError } from '../../core/errors.js';
import type { ReportInput, ReportSection, SectionOutput } from './section.js';
import { SECTIONS } from './sections/index.js';

/**
 * Every section that applies. A section whose budget runs out, or that fails, is shown with a
 * note saying so, and the others still make the report (a failure also sets exit code 1).
 */
export function buildSections(input: ReportInput, all: readonly ReportSection[] = SECTIONS): { sections: (SectionOutput & { id: string })[]; failed: { id: string; message: string }[] } {
  const failed: { id: string; message: string }[] = [];
  const sections = all.filter((s) => s.applies(input)).map((s) => {
    try {
      return { id: s.id, ...s.build(input) };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const budget = e instanceof BudgetExceededError;
      if (!budget) failed.push({ id: s.id, message });
      const text = budget ? `Not computed: ${message}` : `This section failed with an internal error (a bug in relu-exact): ${message}`;
      return { id: s.id, title: s.id, blocks: [{ kind: 'note' as const, text }], json: { error: message, budgetExceeded: budget }, headline: [{ label: budget ? 'budget' : 'error', value: budget ? 'ran out' : 'failed', tone: 'warn' as const }] };
    }
  });
  return { sections, failed };
}
