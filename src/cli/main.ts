#!/usr/bin/env node
import { nodeIo } from './io.js';
import { runCli } from './run.js';

// `relu-exact report | head`: a closed pipe ends the output quietly, not with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await runCli(process.argv.slice(2), nodeIo());
