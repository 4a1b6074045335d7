import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishIn, englishPhrases } from '../../shared/i18n/englishLeftovers';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { cli } from '../../test/support/cliRun';

let dir: string;
let demo: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mapio-cli-cy-'));
  demo = path.join(dir, 'demo.mapio');
  expect((await cli('demo', demo)).code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('mapio summary --lang cy', () => {
  it('prints the summary in Welsh, with no English catalogue text', async () => {
    const { code, out } = await cli('summary', demo, '--lang', 'cy');
    expect(code).toBe(0);
    expect(out).toMatch(/Sefyllfa’r gyllideb\s+-?£[\d,]+\.\d\d/);
    expect(out).toContain('Fesul maes angen:');
    expect(out).toContain('Gwybyddiaeth a dysgu');
    expect(out).toMatch(/\d+ o rybuddion:/);
    expect(out).toContain('DDY cyfrwng Cymraeg a ddarperir yn Saesneg yn unig');
    // The school's Welsh name where it gave one, and the warnings in words, never Mapio's codes for them
    expect(out).toContain('Ysgol Cwm Glas (enghraifft)');
    // Each warning says whom or what it is about: a line (in Welsh) or a member of staff by name, a learner by number only.
    const demoYear = demoSchoolYear();
    const named = new Set([...demoYear.lines.map((l) => l.nameCy || l.name), ...demoYear.staff.map((s) => s.name)]);
    const about = [...out.matchAll(/^ {2}- .+ \((.+)\)$/gm)].map((m) => m[1]!);
    expect(about.length).toBeGreaterThan(0);
    expect(about.filter((name) => !named.has(name) && !/^Dysgwr \d+$/.test(name))).toEqual([]);
    expect(about.some((name) => /^Dysgwr \d+$/.test(name))).toBe(true);
    expect(demoYear.learners.filter((l) => out.includes(l.name)).map((l) => l.name)).toEqual([]);
    expect(out.match(/\b[a-z]+(?:_[a-z]+)+\b/g) ?? []).toEqual([]);
    // The school's own data (its name, its authority) may be in English; Mapio's words may not.
    const data = demoSchoolYear().school;
    const words = out.replaceAll(data.name, ' ').replaceAll(data.localAuthority, ' ');
    expect(englishIn(words).map((p) => `${p.key}: ${p.phrase}`)).toEqual([]);
  });

  it('names the demo’s typed authority by the Welsh name the school gave in Welsh, and by the English in English', async () => {
    const school = demoSchoolYear().school;
    expect(school.localAuthorityCy).toBe('Cyngor Bwrdeistref Sirol Enghraifft');
    const welsh = await cli('summary', demo, '--lang', 'cy');
    expect(welsh.out.split('\n')[0]).toContain(school.localAuthorityCy);
    expect(welsh.out).not.toContain(school.localAuthority);
    const english = await cli('summary', demo);
    expect(english.out.split('\n')[0]).toContain(school.localAuthority);
    expect(english.out).not.toContain(school.localAuthorityCy);
  });

  it('gives the same figures in both languages', async () => {
    const english = await cli('summary', demo);
    const welsh = await cli('summary', demo, '--lang=cy');
    const pounds = (s: string) => s.match(/-?£[\d,]+\.\d\d/g);
    expect(pounds(welsh.out)).toEqual(pounds(english.out));
    expect(englishIn(english.out).length).toBeGreaterThan(10); // the check can fail: English is found in English
  });

  it('names the school in Welsh when it writes a Welsh return, and in English for an English one', async () => {
    const welsh = await cli('return', demo, path.join(dir, 'ffurflen.xlsx'), '--lang', 'cy');
    expect(welsh.code).toBe(0);
    expect(welsh.out).toContain('Ysgol Cwm Glas (enghraifft)');
    const english = await cli('return', demo, path.join(dir, 'return.xlsx'));
    expect(english.out).toContain(demoSchoolYear().school.name);
    expect(english.out).not.toContain('enghraifft');
  });

  it('refuses a language it does not have, saying which', async () => {
    const { code, err } = await cli('summary', demo, '--lang', 'fr');
    expect(code).toBe(2);
    expect(err).toContain('--lang must be en or cy, not "fr"');
  });

  it('finds English phrases by whole words', () => {
    const phrases = englishPhrases();
    expect(phrases.some((p) => p.phrase === 'Budget position')).toBe(true);
    expect(phrases.some((p) => p.phrase === 'Staff')).toBe(false); // the same word in Welsh
    expect(englishIn('Sefyllfa’r gyllideb: Budget position', phrases).map((p) => p.key)).toContain('totals.position');
  });
});
