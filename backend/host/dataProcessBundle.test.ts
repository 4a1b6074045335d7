import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDataProcessBundle } from './dataProcessBundle';

let root: string;

/** A source file of the small project, dated `secondsFromNow` away (a save after the bundle was made). */
function source(relative: string, text: string, secondsFromNow = 0): void {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  const when = new Date(Date.now() + secondsFromNow * 1000);
  utimesSync(file, when, when);
}

/** What the bundle prints when Node runs it. */
function run(bundle: string): string {
  const result = spawnSync(process.execPath, [bundle], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim();
}

beforeEach(() => {
  // A project laid out as Mapio's: the data process's entry imports a module of its own.
  root = mkdtempSync(path.join(tmpdir(), 'mapio-bundle-'));
  source('package-lock.json', '{}');
  source('backend/host/backendHostMain.ts', "import { word } from './word';\nconsole.log(word);\n");
  source('backend/host/word.ts', "export const word: string = 'first';\n");
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('freshDataProcessBundle: browser mode runs the sources as they are now', () => {
  it('bundles the data process, and keeps the bundle while nothing it was made from changed', () => {
    const bundle = freshDataProcessBundle(root);
    expect(run(bundle)).toBe('first');
    const madeAt = statSync(bundle).mtimeMs;
    expect(freshDataProcessBundle(root)).toBe(bundle);
    expect(statSync(bundle).mtimeMs).toBe(madeAt);
  });

  it('makes it again when a source it was made from is saved after it', () => {
    const bundle = freshDataProcessBundle(root);
    source('backend/host/word.ts', "export const word: string = 'second';\n", 5);
    expect(run(freshDataProcessBundle(root))).toBe('second');
    expect(run(bundle)).toBe('second');
  });

  it('makes it again when a source it was made from is gone, and says what is missing', () => {
    freshDataProcessBundle(root);
    unlinkSync(path.join(root, 'backend/host/word.ts'));
    expect(() => freshDataProcessBundle(root)).toThrow(/word/);
  });

  it('makes it again when the installed packages changed (the lockfile)', () => {
    const bundle = freshDataProcessBundle(root);
    const madeAt = statSync(bundle).mtimeMs;
    source('package-lock.json', '{"changed":true}', 5);
    freshDataProcessBundle(root);
    expect(statSync(bundle).mtimeMs).not.toBe(madeAt);
  });

  it('makes it when the bundle is missing', () => {
    const bundle = freshDataProcessBundle(root);
    unlinkSync(bundle);
    expect(run(freshDataProcessBundle(root))).toBe('first');
  });

  it('keeps the file already in place when its rename over it is refused, as Windows refuses while another server reads it, and leaves no part behind', () => {
    // A rename over a folder is refused on every system: here the map's place is taken by one, in use.
    const dir = path.join(root, 'dist', 'data-process');
    mkdirSync(path.join(dir, 'backendHost.cjs.map', 'in use'), { recursive: true });
    const bundle = freshDataProcessBundle(root);
    expect(run(bundle)).toBe('first');
    expect(statSync(path.join(dir, 'backendHost.cjs.map')).isDirectory()).toBe(true);
    expect(readdirSync(dir).filter((name) => name.endsWith('.part'))).toEqual([]);
  });
});
