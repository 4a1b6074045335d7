/**
 * Every place the code words a key with a `count` must find that key's plural forms: without them,
 * i18next uses the key's one text at every count, and the map said "1 weeks not delivered". The
 * source is read for calls that pass a key written out and an object with `count` in it
 * (`t('map.undelivered', { count })`); each such key has `_one` and `_other` in English (the Welsh
 * forms are then required and checked by welshGrammar.test.ts), unless the count is a figure that no
 * word depends on, listed below with its English.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE_FOLDERS = ['renderer', 'shared', 'backend', 'electron', 'db', 'scripts'];

/** Keys given a count that stands alone as a figure ("Imported: 3", "and 3 more"): no plural forms needed. */
const COUNT_AS_A_FIGURE = new Set([
  'authority.fileLabel', // '{{name}} · returns: {{count}}'
  'authority.classification.atSchools', // 'schools: {{count}}'
  'authority.classification.learners', // 'learners: {{count}}'
  'authority.classification.learnersWithSmall', // 'learners: {{count}}, and fewer than 5 on each of the other lines (lines: {{lines}})'
  'authority.classification.title', // 'Classed differently ({{count}})'
  'authority.schools.title', // 'Schools side by side, {{year}} ({{count}})'
  'authority.import.rejectedTitle', // 'Not imported: {{count}}'
  'authority.import.importedTitle', // 'Imported: {{count}}'
  'authority.outliers.questionsTitle', // 'Questions to ask ({{count}})'
  'authority.rejected.moreCells', // 'and {{count}} more'
  'enrolPicker.tooMany', // 'Showing the first {{shown}} of {{count}}. …'
  'map.staffItem', // '{{name}} × {{count}}'
  'line.overCapacity', // 'Over capacity by {{count}}'
]);

function sourceFiles(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Each key written out in a call whose second argument is an object literal holding `count`, with where it is called. */
function countedCalls(): Map<string, string[]> {
  const call = /\b\w+\(\s*['"]([a-zA-Z][\w]*(?:\.[\w]+)+)['"]\s*,\s*\{([^{}]*)\}/g;
  const found = new Map<string, string[]>();
  for (const file of SOURCE_FOLDERS.flatMap((f) => sourceFiles(path.join(ROOT, f)))) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(call)) {
      if (!/(^|[\s,])count\s*(:|,|$)/.test(match[2] as string)) continue;
      const key = match[1] as string;
      found.set(key, [...(found.get(key) ?? []), path.relative(ROOT, file)]);
    }
  }
  return found;
}

function textAt(key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), en);
}

describe('keys worded with a count', () => {
  const calls = countedCalls();

  it('are found in the source (the scan reads the calls it is meant to)', () => {
    expect(calls.size).toBeGreaterThan(40);
    expect(calls.get('map.undelivered')).toEqual(['renderer/screens/provisionMap/ProvisionMapScreen.tsx']);
    expect(calls.get('totals.checksCount')).toEqual(['renderer/components/TotalsBar.tsx']);
  });

  it('have their English plural forms, or are listed as a figure on its own', () => {
    const missing = [...calls]
      .filter(([key]) => !COUNT_AS_A_FIGURE.has(key))
      .filter(([key]) => typeof textAt(`${key}_one`) !== 'string' || typeof textAt(`${key}_other`) !== 'string')
      .map(([key, files]) => `${key} (${files.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('listed as a figure on its own are still called with a count, and have one text', () => {
    for (const key of COUNT_AS_A_FIGURE) {
      expect(calls.has(key), key).toBe(true);
      expect(textAt(key), key).toMatch(/\{\{count\}\}/);
    }
  });
});
