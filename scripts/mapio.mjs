#!/usr/bin/env node
// The `mapio` command: runs the TypeScript CLI through tsx, so there is no separate build step.
import { Worker } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

// Output piped into a program that stops reading early (`mapio summary x.mapio | head`) is not an error:
// stop quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// A command that runs past its time limit (default ten minutes; MAPIO_TIMEOUT_SECONDS, 0 for none) is
// stopped by a watchdog thread even if the main thread is busy inside SQLite: it says so and ends the
// process. Nothing half-done is left: every change is one transaction and every file is written under a
// temporary name and renamed into place only when complete.
const limitSeconds = Number(process.env.MAPIO_TIMEOUT_SECONDS ?? 600);
if (Number.isFinite(limitSeconds) && limitSeconds > 0) {
  const watchdog = new Worker(
    `const { workerData } = require('node:worker_threads');
     const fs = require('node:fs');
     setTimeout(() => {
       fs.writeSync(2, 'mapio: stopped after ' + workerData.seconds + ' s (MAPIO_TIMEOUT_SECONDS): it was taking far too long. Nothing half-done was kept.\\n');
       process.kill(process.pid, 'SIGKILL');
     }, workerData.seconds * 1000);`,
    { eval: true, workerData: { seconds: limitSeconds } },
  );
  watchdog.unref();
}

register();
const { runCli } = await import('../backend/cli/main.ts');
const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
process.exitCode = code;
