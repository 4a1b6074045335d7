import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishIn } from '../../shared/i18n/englishLeftovers';
import { cli } from '../../test/support/cliRun';
import { runCli } from './main';

let dir: string;
let demo: string;

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mapio-cli-'));
  demo = path.join(dir, 'demo.mapio');
  const result = await cli('demo', demo);
  expect(result.code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('mapio summary', () => {
  it('prints the costed totals, budget position and warnings', async () => {
    const { code, out } = await cli('summary', demo);
    expect(code).toBe(0);
    expect(out).toContain('Ysgol Cwm Glas (demo)');
    expect(out).toMatch(/Budget position\s+-?−?£[\d,]+\.\d\d/);
    expect(out).toMatch(/warning/);
  });

  it('--json gives the same figures as the engine, in pence', async () => {
    const { code, out } = await cli('summary', demo, '--json');
    expect(code).toBe(0);
    const summary = JSON.parse(out);
    expect(Number.isSafeInteger(summary.totals.costPence)).toBe(true);
    expect(summary.budget.positionPence).toBe(summary.budget.incomePence - summary.budget.chargedPence);
  });
});

describe('JSON interchange', () => {
  it('round-trips JSON → file → JSON losslessly', async () => {
    const first = path.join(dir, 'first.json');
    const copy = path.join(dir, 'copy.mapio');
    const second = path.join(dir, 'second.json');
    expect((await cli('export-json', demo, first)).code).toBe(0);
    expect((await cli('import-json', first, copy)).code).toBe(0);
    expect((await cli('export-json', copy, second)).code).toBe(0);
    expect(fs.readFileSync(second, 'utf8')).toBe(fs.readFileSync(first, 'utf8'));
    const doc = JSON.parse(fs.readFileSync(first, 'utf8'));
    expect(doc.format).toBe('mapio-school-year');
    expect(doc.version).toBe(7);
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed JSON document, edited freely to spoil it
  const bad: Array<[string, (doc: any) => unknown, RegExp]> = [
    ['an unknown version', (d) => ({ ...d, version: 8 }), /^mapio: version: 8 is not a version this Mapio reads/],
    [
      'negative minutes',
      (d) => {
        d.year.lines[2].minutesPerSession = -30;
        return d;
      },
      /^mapio: year\.lines\.2\.minutesPerSession: must not be negative/,
    ],
    [
      'a learner enrolled on a line that does not exist',
      (d) => {
        d.year.enrolments[0].lineId = 999;
        return d;
      },
      /^mapio: enrolments\.0\.lineId: no intervention line with id 999/,
    ],
    [
      'money given as a float',
      (d) => {
        d.year.income[0].amountPence = 1234.56;
        return d;
      },
      /^mapio: year\.income\.0\.amountPence: money must be whole pence/,
    ],
    [
      'a missing field',
      (d) => {
        delete d.year.school.name;
        return d;
      },
      /^mapio: year\.school\.name:/,
    ],
  ];

  it.each(bad)('refuses %s, naming the field, and writes nothing', async (_name, spoil, message) => {
    const good = path.join(dir, 'good.json');
    await cli('export-json', demo, good);
    const input = path.join(dir, `bad-${crypto.randomUUID()}.json`);
    fs.writeFileSync(input, JSON.stringify(spoil(JSON.parse(fs.readFileSync(good, 'utf8')))));
    const target = path.join(dir, `never-${crypto.randomUUID()}.mapio`);
    const { code, err } = await cli('import-json', input, target);
    expect(code).toBe(1);
    expect(err).toMatch(message);
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith(path.basename(target)))).toEqual([]);
  });

  it('refuses text that is not JSON', async () => {
    const input = path.join(dir, 'notjson.json');
    fs.writeFileSync(input, '{"format": "mapio-school-year", ');
    const target = path.join(dir, 'never.mapio');
    const { code, err } = await cli('import-json', input, target);
    expect(code).toBe(1);
    expect(err).toMatch(/^mapio: \(file\): it is not valid JSON/);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('never overwrites an existing school file', async () => {
    const json = path.join(dir, 'again.json');
    await cli('export-json', demo, json);
    const before = sha(demo);
    const { code, err } = await cli('import-json', json, demo);
    expect(code).toBe(1);
    expect(err).toMatch(/There is already a file at .*Mapio never overwrites a file/);
    expect(sha(demo)).toBe(before);
  });
});

describe('mapio roll-forward', () => {
  it('writes next year’s file and leaves this year’s untouched', async () => {
    const beforeJson = path.join(dir, 'before-roll.json');
    await cli('export-json', demo, beforeJson);
    const next = path.join(dir, 'next.mapio');
    const { code, out } = await cli('roll-forward', demo, next);
    expect(code).toBe(0);
    expect(out).toContain('for 2027-28');
    expect(out).toContain('Not carried (ended before the new year): ALN implementation grant');
    const afterJson = path.join(dir, 'after-roll.json');
    await cli('export-json', demo, afterJson);
    expect(fs.readFileSync(afterJson, 'utf8')).toBe(fs.readFileSync(beforeJson, 'utf8'));
    const summary = JSON.parse((await cli('summary', next, '--json')).out);
    expect(summary.school.academicYear).toBe('2027-28');
    expect(summary.totals.unallocatedPence).toBe(summary.totals.linesCostPence); // nobody enrolled yet
  });

  it('says what it carried in Welsh with --lang cy, naming what it did not carry by its Welsh name', async () => {
    const next = path.join(dir, 'next-cy.mapio');
    const { code, out } = await cli('roll-forward', demo, next, '--lang', 'cy');
    expect(code).toBe(0);
    expect(out).toMatch(/^Crëwyd .*next-cy\.mapio ar gyfer 2027-28\. Wedi’u cario drosodd: staff: \d+; llinellau ymyrraeth: \d+; dysgwyr: \d+\. Daeth y cofrestriadau i ben\.$/m);
    expect(out).toContain('Heb ei gario drosodd (daeth i ben cyn y flwyddyn newydd): Grant gweithredu ADY');
    expect(out).not.toMatch(/\b(Created|learners|lines|carried)\b/);
  });
});

describe('mapio demo, export-json and import-json', () => {
  it('say what they wrote in the language asked for, with the counts as figures beside their labels', async () => {
    const welsh = path.join(dir, 'demo-cy.mapio');
    const made = await cli('demo', welsh, '--lang', 'cy');
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/^Ysgrifennwyd yr ysgol enghreifftiol yn .*demo-cy\.mapio \(llinellau ymyrraeth: \d+; dysgwyr: \d+; cyfanswm y gost £[\d,]+\.\d\d\)\.$/m);
    const json = path.join(dir, 'demo-cy.json');
    const written = await cli('export-json', welsh, json);
    expect(written.out).toMatch(/^Wrote the year to .*demo-cy\.json \(intervention lines: \d+; learners: \d+\)\.$/m);
    const created = await cli('import-json', json, path.join(dir, 'from-json-cy.mapio'), '--lang', 'cy');
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/^Crëwyd .*from-json-cy\.mapio o .*demo-cy\.json \(llinellau ymyrraeth: \d+; dysgwyr: \d+\)\.$/m);
  });
});

describe('learners’ names in the school’s own text', () => {
  it('mapio return and alp-statement refuse (exit 1) listing each field, until --not-learners confirms none is a learner', async () => {
    const json = path.join(dir, 'names.json');
    await cli('export-json', demo, json);
    const doc = JSON.parse(fs.readFileSync(json, 'utf8'));
    const first = String(doc.year.learners[0].name).split(' ')[0];
    doc.year.lines[0].name = `${first}’s reading group`;
    fs.writeFileSync(json, JSON.stringify(doc));
    const file = path.join(dir, 'names.mapio');
    expect((await cli('import-json', json, file)).code).toBe(0);
    for (const [command, out] of [
      ['return', path.join(dir, 'names-return.xlsx')],
      ['alp-statement', path.join(dir, 'names-statement.html')],
    ] as const) {
      const refused = await cli(command, file, out);
      expect(refused.code, command).toBe(1);
      expect(refused.err).toContain(`lines.${doc.year.lines[0].id}.name: it may name a learner (“${first}’s”)`);
      expect(fs.existsSync(out)).toBe(false);
      const confirmed = await cli(command, file, out, '--not-learners');
      expect(confirmed.code, command).toBe(0);
      expect(fs.existsSync(out)).toBe(true);
    }
  });
});

describe('usage', () => {
  it('an unknown command exits 2 with the usage', async () => {
    const { code, err } = await cli('frobnicate');
    expect(code).toBe(2);
    expect(err).toMatch(/^mapio: unknown command "frobnicate"\nUsage:\n/);
  });

  it('mapio with no command exits 2 with the usage: each command as typed, and under it what it does', async () => {
    const { code, out } = await cli();
    expect(code).toBe(2);
    expect(out.split('\n').slice(0, 5)).toEqual([
      'Usage:',
      '  mapio demo FILE [--lang cy]',
      '      write the demo school to FILE',
      '  mapio summary FILE [--json] [--lang cy]',
      '      show the costed totals, budget position and warnings',
    ]);
    expect(out).toContain('  mapio roll-forward FILE NEXT.mapio [--lang cy]\n      create next year’s file: staff, lines and learners carried over, enrolments ended\n');
    expect(out).toContain('      write the workbook for governors (no Learners sheet unless you give --pseudonymised or --names)\n');
    expect(out).toMatch(/\n\nWith --lang cy, Mapio writes and answers in Welsh\.$/);
  });

  it('mapio --lang cy (or help --lang=cy) gives the usage in Welsh: commands, options and FILE as typed, what they do in Welsh', async () => {
    const bare = await cli('--lang', 'cy');
    expect(bare.code).toBe(2);
    const help = await cli('help', '--lang=cy');
    expect(help.code).toBe(0);
    expect(help.out).toBe(bare.out);
    expect(bare.out.split('\n').slice(0, 5)).toEqual([
      'Defnydd:',
      '  mapio demo FILE [--lang cy]',
      '      ysgrifennu’r ysgol enghreifftiol yn FILE',
      '  mapio summary FILE [--json] [--lang cy]',
      '      dangos y cyfansymiau wedi’u costio, sefyllfa’r gyllideb a’r rhybuddion',
    ]);
    expect(bare.out).toContain('  mapio export-json FILE OUT.json [--lang cy]\n      ysgrifennu’r flwyddyn gyfan fel dogfen JSON â rhif fersiwn\n');
    expect(bare.out).toContain(
      '  mapio export-xlsx FILE OUT.xlsx [--pseudonymised | --names] [--lang cy]\n      ysgrifennu’r llyfr gwaith i’r llywodraethwyr (heb y daflen Dysgwyr oni bai eich bod yn rhoi --pseudonymised neu --names)\n',
    );
    expect(bare.out).toContain(
      '  mapio alp-statement FILE OUT.html [--lang cy|bilingual] [--not-learners]\n      ysgrifennu’r datganiad DDY i rieni (--lang bilingual: yn Gymraeg ac yn Saesneg mewn un ddogfen)\n',
    );
    expect(bare.out).toContain('      mewnforio ffurflenni’r ysgolion ac ysgrifennu cymhariaeth yr awdurdod (--replace: mae ffurflen fwy newydd, neu’r un un eto, yn cymryd lle’r un a gedwir)\n');
    expect(bare.out).toMatch(/\n\nGyda --lang cy, mae Mapio yn ysgrifennu ac yn ateb yn Gymraeg\.$/);
    // Every command the English usage lists, the Welsh lists as typed; the words around them are all Welsh.
    const typed = (text: string) => text.split('\n').filter((line) => line.startsWith('  mapio '));
    const explained = bare.out
      .split('\n')
      .filter((line) => !line.startsWith('  mapio '))
      .join('\n')
      .replace(/--[\w-]+/g, ''); // an option named in a description is as typed too
    expect(englishIn(explained).map((p) => `${p.key}: ${p.phrase}`)).toEqual([]);
    expect(typed(bare.out)).toEqual(typed((await cli()).out));
    expect(typed(bare.out)).toHaveLength(9);
  });

  it('a wrong number of arguments with --lang cy is refused in Welsh, counted in Welsh, with the Welsh usage (exit 2)', async () => {
    const none = await cli('summary', '--lang', 'cy');
    expect(none.code).toBe(2);
    expect(none.err.split('\n').slice(0, 3)).toEqual(['mapio: disgwyliwyd 1 ddadl, cafwyd 0', 'Defnydd:', '  mapio demo FILE [--lang cy]']);
    const one = await cli('roll-forward', demo, '--lang=cy');
    expect(one.code).toBe(2);
    expect(one.err).toMatch(/^mapio: disgwyliwyd 2 ddadl, cafwyd 1\nDefnydd:\n/);
    // The statement for parents in both languages: the command line's own words are Welsh.
    const bilingual = await cli('alp-statement', demo, 'a.html', 'b.html', '--lang', 'bilingual');
    expect(bilingual.code).toBe(2);
    expect(bilingual.err).toMatch(/^mapio: disgwyliwyd 2 ddadl, cafwyd 3\nDefnydd:\n/);
  });

  it('without --lang cy the refusals are in English, with the English usage', async () => {
    const none = await cli('summary');
    expect(none.code).toBe(2);
    expect(none.err.split('\n').slice(0, 3)).toEqual(['mapio: expected 1 argument, got 0', 'Usage:', '  mapio demo FILE [--lang cy]']);
    const one = await cli('roll-forward', demo, '--lang', 'en');
    expect(one.err).toMatch(/^mapio: expected 2 arguments, got 1\nUsage:\n/);
    const option = await cli('summary', demo, '--jsn');
    expect(option.code).toBe(2);
    expect(option.err).toMatch(/^mapio: unknown option --jsn\nUsage:\n/);
    expect((await cli('compare', 'a.xlsx')).err).toMatch(/^mapio: compare needs the option --out comparison\.xlsx\n/);
  });

  it('an unknown option or command with --lang cy is refused in Welsh, naming what was typed (exit 2)', async () => {
    const option = await cli('summary', demo, '--jsn', '--lang', 'cy');
    expect(option.code).toBe(2);
    expect(option.err).toMatch(/^mapio: dewisiad anhysbys --jsn\nDefnydd:\n/);
    const command = await cli('frobnicate', '--lang', 'cy');
    expect(command.code).toBe(2);
    expect(command.err).toMatch(/^mapio: gorchymyn anhysbys "frobnicate"\nDefnydd:\n/);
    const before = await cli('--lang', 'cy', 'frobnicate');
    expect(before.err).toBe(command.err);
  });

  it('compare and export-xlsx refuse a wrong command line in Welsh with --lang cy', async () => {
    const cases: Array<[string[], string]> = [
      [['compare', 'a.xlsx'], 'mae angen y dewisiad --out comparison.xlsx ar y gorchymyn compare'],
      [['compare', '--out', path.join(dir, 'c.xlsx')], 'mae angen o leiaf un ffurflen (.xlsx) ar y gorchymyn compare'],
      [['compare', 'a.xlsx', '--out', path.join(dir, 'c.xlsx'), '--schools'], 'mae angen enw ffeil ar ôl --schools'],
      [['compare', 'a.xlsx', '--out', path.join(dir, 'c.xlsx'), '--thousand'], 'dewisiad anhysbys --thousand'],
      [['export-xlsx', demo, path.join(dir, 'never.xlsx'), '--names', '--pseudonymised'], 'dewiswch un yn unig o’r rhain: --names, --pseudonymised'],
    ];
    for (const [argv, refusal] of cases) {
      const { code, err } = await cli(...argv, '--lang', 'cy');
      expect(code, argv.join(' ')).toBe(2);
      expect(err.split('\n').slice(0, 2)).toEqual([`mapio: ${refusal}`, 'Defnydd:']);
    }
    expect(fs.existsSync(path.join(dir, 'never.xlsx'))).toBe(false);
  });

  it('a language it does not know (--lang fr) is refused in Welsh and in English, with the English usage (exit 2)', async () => {
    const fr = await cli('summary', demo, '--lang', 'fr');
    expect(fr.code).toBe(2);
    expect(fr.err).toMatch(/^mapio: rhaid i --lang fod yn en neu cy, nid "fr"\nmapio: --lang must be en or cy, not "fr"\nUsage:\n/);
    const de = await cli('alp-statement', demo, path.join(dir, 'never.html'), '--lang=de');
    expect(de.code).toBe(2);
    expect(de.err).toMatch(/^mapio: rhaid i --lang fod yn en, cy neu bilingual, nid "de"\nmapio: --lang must be en, cy or bilingual, not "de"\nUsage:\n/);
    expect(fs.existsSync(path.join(dir, 'never.html'))).toBe(false);
  });

  it('the language may come before the command', async () => {
    const { code, out } = await cli('--lang', 'cy', 'summary', demo);
    expect(code).toBe(0);
    expect(out).toMatch(/Sefyllfa’r gyllideb/);
  });

  it('a refusal of the input is worded in Welsh with --lang=cy too', async () => {
    const input = path.join(dir, 'notjson-cy.json');
    fs.writeFileSync(input, '{"format": "mapio-school-year", ');
    const { code, err } = await cli('import-json', input, path.join(dir, 'never-cy.mapio'), '--lang=cy');
    expect(code).toBe(1);
    expect(err).toMatch(/^mapio: \(file\): nid yw’n JSON dilys/);
  });

  it('an unexpected error is introduced in the language asked for', async () => {
    const err: string[] = [];
    const failing = {
      out: () => {
        throw new Error('boom');
      },
      err: (text: string) => err.push(text),
    };
    expect(await runCli(['demo', path.join(dir, 'boom.mapio'), '--lang', 'cy'], failing)).toBe(1);
    expect(await runCli(['demo', path.join(dir, 'boom-en.mapio')], failing)).toBe(1);
    expect(err).toEqual(['mapio: gwall annisgwyl: boom', 'mapio: unexpected error: boom']);
  });
});

describe('mapio compare', () => {
  it('says why each return was refused in the officer’s language, its date in words, and imports the rest', async () => {
    const good = path.join(dir, 'cwm-glas.xlsx');
    const again = path.join(dir, 'cwm-glas-eto.xlsx');
    expect((await cli('return', demo, good)).code).toBe(0);
    fs.copyFileSync(good, again);
    const { code, out, err } = await cli('compare', good, again, '--out', path.join(dir, 'cymhariaeth.xlsx'), '--lang', 'cy');
    expect(code).toBe(0);
    expect(out).toMatch(/^Mewnforiwyd 1 o 2 ffurflen;/);
    expect(err).toMatch(
      /Gwrthodwyd cwm-glas-eto\.xlsx: dyblyg o cwm-glas\.xlsx, a fewnforiwyd ar \d{1,2} (Ion|Chwef|Maw|Ebr|Mai|Meh|Gorff|Awst|Medi|Hyd|Tach|Rhag) \d{4}, \d\d:\d\d\nI ddefnyddio ffurflen fwy newydd, neu’r un un eto, yn lle’r un a gedwir, rhedwch y gorchymyn eto gyda --replace\./,
    );
    // The moment in words, not as a timestamp.
    expect(err).not.toMatch(/\d{4}-\d\d-\d\d/);
  });

  it('keeps returns in an authority file between runs, and --replace puts the same school’s return in place of the one held', async () => {
    const la = path.join(dir, 'authority.mapio-la');
    const first = path.join(dir, 'first.xlsx');
    const sent = path.join(dir, 'sent-again.xlsx');
    expect((await cli('return', demo, first)).code).toBe(0);
    fs.copyFileSync(first, sent);
    expect((await cli('compare', first, '--la', la, '--out', path.join(dir, 'one.xlsx'))).code).toBe(0);
    // Without --replace the return sent again is refused, and nothing is left to compare anew.
    const refused = await cli('compare', sent, '--la', la, '--out', path.join(dir, 'two.xlsx'));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /Rejected sent-again\.xlsx: a duplicate of first\.xlsx, imported on .*\nTo use a newer return, or the same one again, in place of the one held, run the command again with --replace\.\n/,
    );
    const replaced = await cli('compare', sent, '--la', la, '--out', path.join(dir, 'three.xlsx'), '--replace');
    expect(replaced.code).toBe(0);
    expect(replaced.out).toMatch(/^Imported 1 of 1 return/);
    expect(replaced.err).not.toMatch(/Rejected/);
  });
});

describe('the data folder', () => {
  it.skipIf(process.platform === 'win32')("is this user's own (MAPIO_DATA_DIR here), made 0700, not a shared folder in the OS temp folder", async () => {
    const before = process.env.MAPIO_DATA_DIR;
    const own = path.join(dir, 'own-data', 'Mapio');
    process.env.MAPIO_DATA_DIR = own;
    try {
      expect((await cli('summary', demo)).code).toBe(0);
    } finally {
      process.env.MAPIO_DATA_DIR = before;
    }
    expect(fs.statSync(own).mode & 0o777).toBe(0o700);
    expect(fs.existsSync(path.join(own, 'settings.json'))).toBe(true);
    expect(fs.statSync(path.join(own, 'settings.json')).mode & 0o077).toBe(0);
  });
});

describe('the mapio command as a program', () => {
  const script = path.resolve(import.meta.dirname, '..', '..', 'scripts', 'mapio.mjs');
  const run = (args: string[], env: Record<string, string> = {}, closeOutput = false) =>
    new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      // The reader goes away before Mapio writes (what `mapio summary | head` does to a longer output).
      if (closeOutput) child.stdout.destroy();
      child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
    });

  it('exits quietly when whoever reads its output stops reading (EPIPE)', async () => {
    const result = await run(['summary', demo, '--json'], {}, true);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('a command past its time limit is stopped with a sentence, even while busy', async () => {
    const result = await run(['summary', demo], { MAPIO_TIMEOUT_SECONDS: '0.001' });
    expect(result.stderr).toMatch(/^mapio: stopped after 0\.001 s \(MAPIO_TIMEOUT_SECONDS\): it was taking far too long\. Nothing half-done was kept\./);
    expect(result.code === 0).toBe(false);
  });
});
