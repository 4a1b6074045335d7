/**
 * LibreOffice headless, for proving and looking at exports: recalculate workbooks (every formula
 * evaluated again, never the cached results trusted) and convert them to PDF. Used by the proof test and
 * by hand; Mapio itself never needs LibreOffice.
 *
 * Recalculation on load is a per-profile setting, so each run uses a throw-away profile whose
 * registrymodifications.xcu sets Calc's OOXMLRecalcMode (and ODFRecalcMode) to 0: "always recalculate".
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';

const ALWAYS_RECALCULATE_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** The soffice command on PATH, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    try {
      execFileSync('which', [name], { stdio: 'pipe' });
      return name;
    } catch {
      // not this one
    }
  }
  return null;
}

/** A fresh LibreOffice profile that always recalculates on load; returns its file:// URL. */
export function alwaysRecalculateProfile(folder: string): string {
  const user = nodePath.join(folder, 'profile', 'user');
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(nodePath.join(user, 'registrymodifications.xcu'), ALWAYS_RECALCULATE_XCU);
  return `file://${nodePath.join(folder, 'profile')}`;
}

/**
 * Convert `inputs` with one soffice run (it is slow to start) into `outDir`, as `format` ('xlsx', 'pdf').
 * Returns the output paths in input order; throws with soffice's output if any is missing.
 */
export function convertWithLibreOffice(inputs: string[], format: string, outDir: string, timeoutMs = 180_000): string[] {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  fs.mkdirSync(outDir, { recursive: true });
  const work = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'mapio-soffice-'));
  try {
    const profile = alwaysRecalculateProfile(work);
    let output = '';
    try {
      output = execFileSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, ...inputs], {
        stdio: 'pipe',
        timeout: timeoutMs,
        encoding: 'utf8',
      });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`soffice failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`, { cause: error });
    }
    const ext = format.split(':')[0] as string;
    return inputs.map((input) => {
      const out = nodePath.join(outDir, `${nodePath.basename(input, nodePath.extname(input))}.${ext}`);
      if (!fs.existsSync(out)) throw new Error(`soffice wrote no ${out}:\n${output}`);
      return out;
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
