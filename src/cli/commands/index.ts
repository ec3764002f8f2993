/** Every CLI command, in the order `--help` lists them. Each later issue adds its file and one line. */
import type { Command } from '../command.js';
import { convertCommand } from './convert.js';
import { evalCommand } from './eval.js';
import { fdimCommand } from './fdim.js';
import { irreducibleCommand } from './irreducible.js';
import { identifyCommand, samplesCommand } from './identifiability.js';
import { patternsCommand } from './patterns.js';
import { rankCommand } from './rank.js';
import { regionsCommand } from './regions.js';
import { reportCommand } from './report.js';
import { initStatsCommand, interpolateCommand, splineCommand } from './spline-commands.js';
import { experimentCommand, simulateCommand } from './dynamics-commands.js';
import { criticalCommand, hessianCommand, optimumCommand } from './landscape-commands.js';
import { sweepCommand } from './sweep.js';
import { checkCommand, verifyCommand } from './theorem-commands.js';

export const COMMANDS: readonly Command[] = [
  reportCommand,
  evalCommand,
  rankCommand,
  splineCommand,
  interpolateCommand,
  initStatsCommand,
  patternsCommand,
  regionsCommand,
  irreducibleCommand,
  fdimCommand,
  criticalCommand,
  optimumCommand,
  hessianCommand,
  identifyCommand,
  samplesCommand,
  convertCommand,
  sweepCommand,
  simulateCommand,
  experimentCommand,
  checkCommand,
  verifyCommand,
];
