/** `--activation NAME[:P],...` or `all`, as the experiments over activations read it. */
import { UsageError } from '../../core/errors.js';
import { ACTIVATION_NAMES, allActivations, createActivation, type Activation } from '../../float/activation.js';
import type { CommandContext, OptionSpec } from '../command.js';

export const ACTIVATION_OPTION: OptionSpec = {
  type: 'string',
  valueName: 'NAME[:P],...|all',
  description: `activations: ${ACTIVATION_NAMES.join(', ')} (leaky-relu:A, relu-power:P), comma-separated, or all (default all)`,
};

export function activationsOption(ctx: CommandContext, key = 'activation'): Activation[] {
  const raw = ctx.options[key];
  if (raw === undefined || raw === 'all') return allActivations();
  return String(raw)
    .split(',')
    .map((label) => {
      try {
        return createActivation(label);
      } catch (e) {
        throw new UsageError(`--${key}: ${(e as Error).message}`);
      }
    });
}
