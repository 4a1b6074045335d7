#!/usr/bin/env node
/**
 * The Electron security audit: runs Doyensec's Electronegativity (pinned) over the desktop shell's
 * sources (electron/*.ts, tests left out) and, when it has been built, the esbuild bundle
 * (dist-electron/*.cjs, copied as .js so the tool reads it). Fails on any HIGH finding that is not an
 * accepted exception below. Exit codes: 0 clean, 1 HIGH findings, 2 the audit could not run.
 *
 * Usage: node scripts/security-audit.mjs            (CI runs it through test/unit/hardening/securityAudit.test.ts)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ELECTRONEGATIVITY = '@doyensec/electronegativity@1.10.3';

/**
 * HIGH findings we accept, each with why. Keyed by check name and file. Empty today: the shell has
 * contextIsolation and sandbox on, nodeIntegration off, navigation, redirects, new windows, webviews
 * and permissions all refused (electron/security.ts), and a CSP on every response.
 */
const ACCEPTED_HIGH = [
  // { check: 'EXAMPLE_CHECK', file: 'main.ts', why: 'the reason this is safe here' },
];

function electronVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

/** Is the pinned Electronegativity already in npx's cache (so the audit runs without the network)? */
export function auditToolCached() {
  const cache = path.join(os.homedir(), '.npm', '_npx');
  try {
    return fs.readdirSync(cache).some((d) => {
      try {
        const pkg = JSON.parse(fs.readFileSync(path.join(cache, d, 'node_modules', '@doyensec', 'electronegativity', 'package.json'), 'utf8'));
        return pkg.version === '1.10.3';
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

/** Copy what is audited into a temp folder: sources without tests, the bundle as .js. */
function stage() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mapio-audit-'));
  const sources = path.join(dir, 'electron');
  fs.mkdirSync(sources);
  for (const f of fs.readdirSync(path.join(root, 'electron'))) {
    if (f.endsWith('.ts') && !f.endsWith('.test.ts')) fs.copyFileSync(path.join(root, 'electron', f), path.join(sources, f));
  }
  const targets = [sources];
  const bundleDir = path.join(root, 'dist-electron');
  if (fs.existsSync(path.join(bundleDir, 'main.cjs'))) {
    const bundle = path.join(dir, 'bundle');
    fs.mkdirSync(bundle);
    for (const f of fs.readdirSync(bundleDir).filter((f) => f.endsWith('.cjs'))) fs.copyFileSync(path.join(bundleDir, f), path.join(bundle, f.replace(/\.cjs$/, '.js')));
    targets.push(bundle);
  }
  return { dir, targets };
}

function parseCsv(text) {
  const rows = [];
  for (const line of text.split('\n').slice(1)) {
    if (!line.trim()) continue;
    const cells = [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => (m[2] ?? m[1]).trim());
    rows.push({ check: cells[0], severity: cells[1], confidence: cells[2], file: cells[3], location: cells[4], description: cells[6] });
  }
  return rows;
}

/** `only`: audit this folder instead of Mapio's shell (the test plants a bad window in one to prove HIGH fails). */
export function runAudit({ timeoutMs = 180_000, log = console.log, only = null } = {}) {
  const { dir, targets } = only ? { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'mapio-audit-')), targets: [only] } : stage();
  const version = electronVersion();
  const findings = [];
  try {
    for (const target of targets) {
      const out = path.join(dir, `${path.basename(target)}.csv`);
      const args = ['-y', ELECTRONEGATIVITY, '-i', target, '-o', out, '-r', '-v', 'false', ...(version ? ['-e', version] : [])];
      const result = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', args, { encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, FORCE_COLOR: '0' } });
      if (result.status !== 0 || !fs.existsSync(out)) {
        return {
          ok: false,
          ran: false,
          findings,
          message: `Electronegativity did not run on ${path.basename(target)} (${result.error?.message ?? `exit ${result.status}`}): ${(result.stderr ?? '').slice(-500)}`,
        };
      }
      for (const f of parseCsv(fs.readFileSync(out, 'utf8'))) findings.push({ ...f, target: path.basename(target) });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const high = findings.filter((f) => f.severity === 'HIGH' && !ACCEPTED_HIGH.some((a) => a.check === f.check && a.file === f.file));
  for (const f of findings) log(`  ${f.severity.padEnd(8)} ${f.check} ${f.target}/${f.file}:${f.location} ${f.description ?? ''}`);
  log(`security audit (${ELECTRONEGATIVITY}, Electron ${version ?? 'unknown'}): ${targets.length} targets, ${findings.length} findings, ${high.length} HIGH not accepted`);
  return { ok: high.length === 0, ran: true, findings, high, message: high.map((f) => `${f.check} in ${f.target}/${f.file}:${f.location}`).join('; ') };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = runAudit();
  if (!result.ran) {
    console.error(`security audit: ${result.message}`);
    process.exit(2);
  }
  if (!result.ok) {
    console.error(`security audit: HIGH findings: ${result.message}`);
    process.exit(1);
  }
}
