/**
 * Vitest setup: every test file gets its own MAPIO_DATA_DIR, so the command line run in-process keeps
 * its settings in a temporary folder rather than the real per-user folder (backend/userDataFolder.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import { afterAll } from 'vitest';

const folder = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'mapio-test-data-'));
const before = process.env.MAPIO_DATA_DIR;
process.env.MAPIO_DATA_DIR = folder;

afterAll(() => {
  if (before === undefined) delete process.env.MAPIO_DATA_DIR;
  else process.env.MAPIO_DATA_DIR = before;
  fs.rmSync(folder, { recursive: true, force: true });
});
