#!/usr/bin/env node
/**
 * `npm run soak`: the crash test and the fuzz test at soak size, with budgets from options, then the figures.
 *
 *   npm run soak                                  at least 1,000 SIGKILLs and 100,000 hostile inputs
 *   npm run soak -- --kills 200 --inputs 20000    smaller
 *   npm run soak -- --crash-budget 1800           stop starting crash runs after 30 minutes (past 50)
 *   npm run soak -- --op-ms 400                   give each fuzz target at most 400 ms (as npm test does)
 *   npm run soak -- --seed 7                      reproduce a run (the seed is printed)
 *
 * npm test runs the same two tests bounded (50 kills, 150 inputs per target, 400 ms each); this runs them
 * until the counts are reached (no per-target time limit unless --op-ms). Ends with the figures and the
 * machine, for docs/guarantees.md; exits non-zero if either test failed.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'Usage: npm run soak -- [--kills N] [--inputs N] [--crash-budget SECONDS] [--op-ms MS] [--seed N]';

function parse(argv) {
  const options = { kills: 1000, inputs: 100_000, crashBudget: null, opMs: 0, seed: Date.now() % 1_000_000_000 };
  const names = { '--kills': 'kills', '--inputs': 'inputs', '--crash-budget': 'crashBudget', '--op-ms': 'opMs', '--seed': 'seed' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const key = names[flag];
    const value = inline ?? argv[++i];
    if (!key || value === undefined || !/^\d+$/.test(value)) {
      console.error(`mapio soak: ${key ? `${flag} needs a whole number` : `unknown option ${argv[i] ?? flag}`}\n${USAGE}`);
      process.exit(2);
    }
    options[key] = Number(value);
  }
  return options;
}

const options = parse(process.argv.slice(2));
const env = {
  ...process.env,
  FORCE_COLOR: '0',
  MAPIO_CRASH_RUNS: String(options.kills),
  MAPIO_CRASH_SEED: String(options.seed),
  MAPIO_CRASH_BUDGET_MS: options.crashBudget === null ? 'Infinity' : String(options.crashBudget * 1000),
  MAPIO_FUZZ_INPUTS: String(options.inputs),
  MAPIO_FUZZ_MS_PER_OP: String(options.opMs),
  MAPIO_FUZZ_SEED: String(options.seed),
};

console.log(
  `Mapio soak: ${options.kills.toLocaleString('en-GB')} kills, ${options.inputs.toLocaleString('en-GB')} inputs, seed ${options.seed}` +
    `${options.crashBudget === null ? '' : `, crash budget ${options.crashBudget} s`}${options.opMs ? `, ${options.opMs} ms per fuzz target` : ''}`,
);
const started = Date.now();
let output = '';
const child = spawn(
  process.execPath,
  [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/unit/hardening/crash.test.ts', 'test/unit/hardening/fuzz.test.ts', '--no-file-parallelism'],
  {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
for (const stream of [child.stdout, child.stderr]) {
  stream.on('data', (chunk) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  });
}
child.on('exit', (code) => {
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const crash = /crash safety: (\d+) runs, (\d+) SIGKILLs, (\d+) edits acknowledged, (\d+) verified/.exec(output);
  const migration = /crash safety during a migration: (\d+) runs killed/.exec(output);
  const fuzz = /hostile input: (\d+) inputs tried across (\d+) targets/.exec(output);
  const failed = /Tests\s+(\d+) failed/.exec(output);
  const cpu = os.cpus();
  const n = (text) => Number(text).toLocaleString('en-GB');
  console.log('\n== Mapio soak');
  console.log(`machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB; Node ${process.version}; ${os.type()} ${os.release()}`);
  console.log(`seed ${options.seed}; ${minutes} minutes`);
  console.log(
    crash ? `crash: ${n(crash[2])} SIGKILLs in ${n(crash[1])} runs, ${n(crash[3])} acknowledged edits, ${n(crash[4])} verified after reopening` : 'crash: no figures (the test did not finish)',
  );
  if (migration) console.log(`crash during a migration: ${n(migration[1])} kills, none half-migrated`);
  console.log(fuzz ? `fuzz: ${n(fuzz[1])} hostile inputs across ${fuzz[2]} targets` : 'fuzz: no figures (the test did not finish)');
  console.log(code === 0 ? 'result: every acknowledged edit survived; every input was answered or refused with a reason' : `result: FAILED${failed ? ` (${failed[1]} tests)` : ''}`);
  process.exit(code ?? 1);
});
