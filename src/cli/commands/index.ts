/** Every CLI command, in the order `--help` lists them. Each later issue adds its file and one line. */
import type { Command } from '../command.js';
import { evalCommand } from './eval.js';
import { rankCommand } from './rank.js';
import { reportCommand } from './report.js';
import { initStatsCommand, interpolateCommand, splineCommand } from './spline-commands.js';
import { experimentCommand, simulateCommand } from './dynamics-commands.js';

export const COMMANDS: readonly Command[] = [reportCommand, evalCommand, rankCommand, splineCommand, interpolateCommand, initStatsCommand, simulateCommand, experimentCommand];
