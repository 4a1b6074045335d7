#!/usr/bin/env node
// `npm test`: the whole suite, as CI runs it. Typecheck per layer (shared/ without DOM or Node,
// renderer/ with DOM only, db/ backend/ electron/ with Node only, then everything with tests), the
// linter and the formatter's check, unit and database tests (vitest, real SQLite files), then
// browser-mode end-to-end tests (Playwright + Debian's Chromium) against a fresh build. Ends with one line "N passed, N failed" summing both runners.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
fs.mkdirSync('test-results', { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(label, cmd, args) {
  console.log(`\n== ${label}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  console.log(`== ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
let ok = true;

for (const layer of ['shared', 'renderer', 'node']) {
  ok = run(`typecheck ${layer} layer (tsconfig.${layer}.json)`, bin('tsc'), ['-p', `tsconfig.${layer}.json`]) && ok;
}
ok = run('typecheck everything with tests (tsc, strict)', bin('tsc'), ['-p', 'tsconfig.json']) && ok;
ok = run('lint (ESLint: typescript-eslint, layer walls)', bin('eslint'), ['--max-warnings', '0', '.']) && ok;
ok = run('format (Prettier, check only)', bin('prettier'), ['--check', '--log-level', 'warn', '.']) && ok;

const vitestOk = run('unit and database tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json']);
ok = vitestOk && ok;
const unit = readJson('test-results/unit.json');
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += (unit.numFailedTests ?? 0) + (unit.numFailedTestSuites && !unit.numFailedTests ? unit.numFailedTestSuites : 0);
} else if (!vitestOk) failed += 1;

const buildOk = run('build the renderer (vite)', bin('vite'), ['build', '--logLevel', 'warn']);
ok = buildOk && ok;
if (buildOk) {
  const e2eOk = run('end-to-end tests in browser mode (Playwright, Chromium)', bin('playwright'), ['test']);
  ok = e2eOk && ok;
  const e2e = readJson('test-results/e2e.json');
  if (e2e?.stats) {
    passed += e2e.stats.expected ?? 0;
    failed += (e2e.stats.unexpected ?? 0) + (e2e.stats.flaky ?? 0);
  } else if (!e2eOk) failed += 1;
} else {
  failed += 1;
}

if (!ok && failed === 0) failed = 1; // a typecheck or build failure counts as a failure
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
