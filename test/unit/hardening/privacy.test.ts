/**
 * Privacy: plant learner names nobody else has, exercise the app, and search everything that comes out
 * for them. Names may appear where the school itself reads its own data (the year view, its JSON
 * backup, the named workbook); never in error messages, logs, the CLI summary, the browser server's
 * log or error responses, pseudonymised exports or the authority return.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, isOperationName } from '../../../shared/api/contract';
import { createBackend, type TypedBackend } from '../../../backend/backend';
import { runCli } from '../../../backend/cli/main';
import { startBrowserServer, SECRET_HEADER } from '../../../backend/http/browserServer';
import { jsonBytes } from '../../../backend/host/hostProtocol';
import { SchoolFile } from '../../../db/schoolFile';
import { testSchoolYear } from '../../support/testSchoolYear';
import { zipEntries } from '../../support/returnFiles';

const PLANTED = ['Quillon Zbrawski', 'Ysoldé Marrowkettle', 'Tobiah Quenzlewick'];
const PLANTED_REFS = ['QZ90417', 'YM90418', 'TQ90419'];
/** Every piece of a planted name on its own too (a surname alone still identifies a child). */
const NEEDLES = [...PLANTED, ...PLANTED.flatMap((n) => n.split(' '))];

let dir: string;
let schoolPath: string;
let backend: TypedBackend;
const logged: string[] = [];
const spies: Array<{ mockRestore(): void }> = [];

function findNames(text: string, needles = NEEDLES): string[] {
  return needles.filter((n) => text.toLowerCase().includes(n.toLowerCase()));
}

/** Text of every part of an .xlsx (a zip): its XML parts, uncompressed. */
function xlsxText(file: string): string {
  return [...zipEntries(fs.readFileSync(file)).values()].map((b) => b.toString('utf8')).join('\n');
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mapio-privacy-'));
  schoolPath = path.join(dir, 'Bryn Derw.mapio');
  const year = testSchoolYear();
  PLANTED.forEach((name, i) => {
    const learner = year.learners[i]!;
    learner.name = name;
    learner.ref = PLANTED_REFS[i]!;
  });
  SchoolFile.create(schoolPath, year, { appVersion: 'privacy' }).close();
  for (const method of ['log', 'error', 'warn', 'info', 'debug'] as const) {
    spies.push(vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))));
  }
  spies.push(
    vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: unknown) => {
      logged.push(String(chunk));
      return true;
    }) as typeof process.stderr.write),
  );
  backend = createBackend({ mode: 'browser', dataDir: path.join(dir, 'data'), openPath: schoolPath, today: () => '2026-11-24' });
});

afterAll(() => {
  backend?.dispose();
  for (const s of spies) s.mockRestore();
  // The sweep of everything logged during this file.
  const leaks = findNames(logged.join('\n'));
  fs.rmSync(dir, { recursive: true, force: true });
  expect(leaks, 'learner names in console or stderr output').toEqual([]);
});

describe('privacy: planted learner names never leak', () => {
  it('the planted names are really in the file (so the searches below can fail)', () => {
    const view = backend.invoke('year.get', {});
    expect(findNames(JSON.stringify(view.data))).toEqual(expect.arrayContaining(PLANTED));
  });

  it('error messages from handlers name learners by reference, never by name', async () => {
    const year = backend.invoke('year.get', {}).data;
    const first = year.learners[0]!;
    const enrolledLine = year.enrolments.find((e) => e.learnerId === first.id)?.lineId ?? 1;
    const bad: Array<[string, unknown]> = [
      ['learners.create', { ...first, id: undefined, ref: first.ref }],
      ['learners.create', { name: PLANTED[0], ref: first.ref, yearGroup: 99 }],
      ['learners.update', { id: first.id, changes: { ref: year.learners[1]!.ref } }],
      ['learners.update', { id: first.id, changes: { name: PLANTED[1], yearGroup: -7 } }],
      ['learners.update', { id: 99_999, changes: { name: PLANTED[1] } }],
      ['enrolments.createMany', { lineId: enrolledLine, learnerIds: [first.id] }],
      ['enrolments.createMany', { lineId: 99_999, learnerIds: [first.id] }],
      ['learners.delete', { id: 99_999 }],
      ['lines.create', { name: PLANTED[2] }],
      ['mis.preview', { fileName: `${PLANTED[0]}.csv`, contentBase64: Buffer.from(`Ref,Name\n${first.ref},${PLANTED[0]}`).toString('base64'), mapping: { ref: 0 } }],
      [
        'mis.import',
        {
          fileName: 'x.csv',
          contentBase64: Buffer.from(`Ref,Name\n,${PLANTED[2]}\n`).toString('base64'),
          mapping: { ref: 0, surname: null, forename: null, name: 1, yearGroup: null, alnStatus: null, efsm: null, lookedAfter: null, welshAlp: null },
        },
      ],
    ];
    const messages: string[] = [];
    for (const [name, input] of bad) {
      // A renamed operation fails here rather than leaving its refusal unchecked.
      if (!isOperationName(name)) throw new Error(`"${name}" is not an operation of the API`);
      const error = await backend.call(name, input).then(
        () => null,
        (e: unknown) => e,
      );
      if (error === null) continue;
      expect(error).toBeInstanceOf(ApiError);
      messages.push(JSON.stringify((error as ApiError).toBody()));
    }
    expect(messages.length).toBeGreaterThan(5);
    expect(messages.join('\n')).toContain(first.ref); // they do say who, by reference
    expect(findNames(messages.join('\n'))).toEqual([]);
  });

  it('the CLI summary (text and --json) names no learner', async () => {
    backend.session.openFile?.close();
    for (const args of [
      ['summary', schoolPath],
      ['summary', schoolPath, '--json'],
    ]) {
      const out: string[] = [];
      const code = await runCli(args, { out: (t) => out.push(t), err: (t) => out.push(t) });
      expect(code).toBe(0);
      expect(out.join('\n').length).toBeGreaterThan(100);
      expect(findNames(out.join('\n'))).toEqual([]);
    }
    backend.session.adopt(SchoolFile.open(schoolPath));
  });

  it('the JSON export (the school’s own backup) does carry them: the search works', async () => {
    const out = path.join(dir, 'export.json');
    expect(await runCli(['export-json', schoolPath, out], { out: () => undefined, err: () => undefined })).toBe(0);
    expect(findNames(fs.readFileSync(out, 'utf8'))).toEqual(expect.arrayContaining(PLANTED));
  });

  it('a damaged JSON file is refused with where it breaks, never a snippet of its content', async () => {
    const good = fs.readFileSync(path.join(dir, 'export.json'), 'utf8');
    const at = good.indexOf(PLANTED[0]!);
    expect(at).toBeGreaterThan(0);
    const damaged: Array<[string, string]> = [
      ['the name unquoted', `${good.slice(0, at - 1)}${PLANTED[0]}${good.slice(at + PLANTED[0]!.length + 1)}`],
      ['cut off inside the name', good.slice(0, at + 4)],
      ['a name alone', `${PLANTED[1]}\n`],
      ['a name after the end', `${good.trimEnd()} ${PLANTED[2]}`],
      ['a control character in the name', `${good.slice(0, at + 3)}\u0001${good.slice(at + 3)}`],
    ];
    for (const [what, text] of damaged) {
      const file = path.join(dir, 'damaged.json');
      fs.writeFileSync(file, text);
      const out: string[] = [];
      const code = await runCli(['import-json', file, path.join(dir, 'never.mapio')], { out: (t) => out.push(t), err: (t) => out.push(t) });
      expect(code, what).toBe(1);
      expect(out.join('\n'), what).toMatch(/is not valid JSON: .* at line \d+, column \d+ \(character \d+\)/);
      expect(findNames(out.join('\n')), what).toEqual([]);
    }
  });

  it('browser mode: error responses and the server log carry no names', async () => {
    const serverLog: string[] = [];
    const failing = {
      callJson: async (name: string, input: unknown) => {
        // An unexpected failure whose message holds a name, as a careless library might throw.
        if (name === 'year.get' && (input as { asAtWeek?: unknown }).asAtWeek === 2) throw new Error(`row for ${PLANTED[0]} failed`);
        return jsonBytes((await backend.call(name, input)) ?? null);
      },
    };
    const server = await startBrowserServer({ backend: failing, staticDir: dir, log: (l) => serverLog.push(l) });
    try {
      const post = (op: string, body: unknown, headers: Record<string, string> = {}) =>
        fetch(`http://127.0.0.1:${server.port}/api/${op}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [SECRET_HEADER]: server.secret, ...headers },
          body: JSON.stringify(body),
        });
      const bodies: string[] = [];
      for (const [op, body, headers] of [
        ['learners.update', { id: 1, changes: { name: PLANTED[1], yearGroup: 42 } }, {}],
        ['learners.create', { name: PLANTED[0], ref: PLANTED_REFS[1] }, {}],
        ['year.get', { asAtWeek: 2 }, {}],
        ['learners.update', { id: 1, changes: { name: PLANTED[2] } }, { [SECRET_HEADER]: 'wrong' }],
        ['no.such.operation', { name: PLANTED[2] }, {}],
      ] as Array<[string, unknown, Record<string, string>]>) {
        const res = await post(op, body, headers);
        expect(res.status).toBeGreaterThanOrEqual(400);
        bodies.push(await res.text());
      }
      expect(bodies.join('\n')).not.toBe('');
      expect(findNames(bodies.join('\n'))).toEqual([]);
      expect(serverLog.length).toBeGreaterThan(0); // the unexpected failure was logged…
      expect(findNames(serverLog.join('\n'))).toEqual([]); // …without the name in its message
    } finally {
      await server.close();
    }
  });

  it('the pseudonymised and learner-free workbooks for governors name no learner; the named one does', async () => {
    for (const learners of ['pseudonymised', 'none', 'named'] as const) {
      const out = path.join(dir, `governors-${learners}.xlsx`);
      await backend.call('export.governorsWorkbook', { path: out, learners });
      const found = findNames(xlsxText(out), PLANTED);
      if (learners === 'named') expect(found).toEqual(expect.arrayContaining(PLANTED));
      else expect(found, `${learners} workbook`).toEqual([]);
    }
  });

  it('the authority return carries no learner name or reference', async () => {
    const out = path.join(dir, 'return.xlsx');
    await backend.call('return.create', { path: out });
    const text = xlsxText(out);
    expect(text.length).toBeGreaterThan(1000);
    expect(findNames(text, [...NEEDLES, ...PLANTED_REFS])).toEqual([]);
  });

  it('the ALP statement for parents names no learner', async () => {
    const out = path.join(dir, 'alp.html');
    await backend.call('export.alpStatement', { path: out });
    expect(findNames(fs.readFileSync(out, 'utf8'), [...NEEDLES, ...PLANTED_REFS])).toEqual([]);
  });
});
