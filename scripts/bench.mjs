#!/usr/bin/env node
// `npm run bench`: the benchmarks (test/bench/run.ts, TypeScript, run through tsx). Seeded data,
// a table of figures beside their targets, the machine's details; exit 0 unless something crashed.
// Flags pass through: --no-ui (skip the browser), --json FILE (every figure as JSON).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'test', 'bench', 'run.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
if (result.error) console.error(`Mapio bench: could not start (${result.error.message})`);
process.exit(result.status ?? 1);
