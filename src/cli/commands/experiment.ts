import { UsageError } from '../../core/errors.js';
import type { Command, OptionSpec } from '../command.js';
import { EXPERIMENTS } from '../experiments/index.js';

/** The options of all experiments (an option name means the same in each). */
function allOptions(): Record<string, OptionSpec> {
  const out: Record<string, OptionSpec> = {};
  for (const e of EXPERIMENTS) {
    for (const [key, spec] of Object.entries(e.options)) {
      if (out[key] !== undefined && out[key].type !== spec.type) throw new Error(`experiments disagree on the type of --${key}`);
      out[key] ??= { ...spec, description: `${spec.description} [${EXPERIMENTS.filter((x) => key in x.options).map((x) => x.name).join(', ')}]` };
    }
  }
  return out;
}

export const experimentCommand: Command = {
  name: 'experiment',
  summary: 'run a named reproduction of a published result and print its table',
  description: ['Experiments:', ...EXPERIMENTS.map((e) => `  ${e.name}: ${e.summary}`)].join('\n'),
  positionals: [{ name: 'NAME', description: `one of ${EXPERIMENTS.map((e) => e.name).join(', ')}`, required: true }],
  options: allOptions(),
  run(ctx) {
    const name = ctx.positionals[0];
    const experiment = EXPERIMENTS.find((e) => e.name === name);
    if (experiment === undefined) throw new UsageError(`unknown experiment ${JSON.stringify(name)}; the experiments are: ${EXPERIMENTS.map((e) => e.name).join(', ')}`);
    for (const key of Object.keys(experimentCommand.options)) {
      if (ctx.options[key] !== undefined && !(key in experiment.options)) throw new UsageError(`--${key} is not an option of ${experiment.name} (its options: ${Object.keys(experiment.options).map((k) => `--${k}`).join(', ')})`);
    }
    return experiment.run(ctx);
  },
};
