import fs from 'node:fs';
import { issuesInEnglish } from '../test/support/refusalWords';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, DEMO_FILE_NAME, type TypedBackend } from './backend';
import { createTestBackend, type TestBackend } from '../test/support/testBackend';
import { COSTING_REHEARSALS } from './session';
import { rejectionOf as rejection } from '../test/support/refusals';
import { addDays } from '../shared/schoolTerms';
import { costWithinExactRange } from '../shared/engine';
import { ApiError } from '../shared/api/contract';

let school: TestBackend;
let dir: string;
let backend: TypedBackend;

beforeEach(() => {
  school = createTestBackend({ mode: 'browser', today: '2026-11-24' });
  ({ dir, backend } = school);
});
afterEach(() => school.close());

describe('first launch', () => {
  it('creates and opens the demo school, already costed', () => {
    const view = backend.invoke('year.get', {});
    expect(view.file.path).toBe(path.join(dir, DEMO_FILE_NAME));
    expect(fs.existsSync(view.file.path)).toBe(true);
    expect(view.data.school.numberOnRoll).toBe(420);
    expect(view.data.lines.length).toBeGreaterThanOrEqual(20);
    expect(view.data.learners.length).toBeGreaterThanOrEqual(40);
    expect(view.costed.totals.costPence).toBe(view.costed.lines.reduce((s, l) => s + l.costPence, 0) + view.costed.otherCosts.reduce((s, o) => s + o.costPence, 0));
    expect(view.costed.totals.costPence).toBeGreaterThan(0);
    expect(view.costed.asAtWeek).toBe(11); // Tuesday 24 November 2026 is in the eleventh teaching week (half term skipped)
  });

  it('views the map at a chosen week, as at its Friday, for later changes too, until asked to follow today again', () => {
    const first = backend.invoke('year.get', {});
    expect(first.viewedOn).toEqual({ date: '2026-11-24', chosenWeek: null });
    const week30 = backend.invoke('year.get', { asAtWeek: 30 });
    const monday = week30.data.calendar.weekStarts[29] as string;
    expect(week30.costed.asAtWeek).toBe(30);
    expect(week30.viewedOn.chosenWeek).toBe(30);
    expect(week30.viewedOn.date).toBe(addDays(monday, 4));
    expect(week30.costed.totals.costToDatePence).toBeGreaterThan(first.costed.totals.costToDatePence);
    // A change made while viewing week 30 answers as at week 30
    const afterEdit = backend.invoke('school.update', { changes: { name: 'Ysgol Gynradd Enghraifft' } }).view;
    expect(afterEdit.costed.asAtWeek).toBe(30);
    const back = backend.invoke('year.get', { asAtWeek: null });
    expect(back.viewedOn).toEqual({ date: '2026-11-24', chosenWeek: null });
    expect(back.costed.asAtWeek).toBe(11);
  });

  it('remembers the chosen language across launches', () => {
    expect(backend.invoke('app.info', {}).language).toBe('en');
    expect(backend.invoke('settings.setLanguage', { language: 'cy' }).language).toBe('cy');
    backend = school.relaunch();
    expect(backend.invoke('app.info', {}).language).toBe('cy');
  });

  it('names a new empty school in the language Mapio is used in, until the school types its own name', () => {
    expect(backend.invoke('file.create', { path: path.join(dir, 'new-en.mapio'), template: 'empty' }).data.school.name).toBe('New school');
    backend.invoke('settings.setLanguage', { language: 'cy' });
    expect(backend.invoke('file.create', { path: path.join(dir, 'new-cy.mapio'), template: 'empty' }).data.school.name).toBe('Ysgol newydd');
  });

  it('starts a new empty school in the school year under way, or from July in the one that starts in September', () => {
    const yearOn = (today: string) => {
      const other = createTestBackend({ mode: 'browser', today });
      try {
        const created = other.backend.invoke('file.create', { path: path.join(dir, `new-${today}.mapio`), template: 'empty' }).data;
        return [created.school.academicYear, created.calendar.weekStarts[0]];
      } finally {
        other.close();
      }
    };
    expect(yearOn('2026-11-24')).toEqual(['2026-27', '2026-09-07']);
    expect(yearOn('2028-03-01')).toEqual(['2027-28', '2027-09-06']);
    expect(yearOn('2028-07-01')).toEqual(['2028-29', '2028-09-04']);
  });

  it('reopens the last file on the next launch', () => {
    const target = path.join(dir, 'other.mapio');
    backend.invoke('file.create', { path: target, template: 'empty' });
    backend = school.relaunch();
    expect(backend.invoke('app.info', {}).file?.path).toBe(target);
  });
});

describe('the door refuses bad requests and changes nothing', () => {
  it('refuses negative minutes, naming the field and the allowed range', async () => {
    const before = backend.invoke('year.get', {}).data;
    const error = await rejection(backend.call('lines.update', { id: 1, changes: { minutesPerSession: -5 } }));
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.[0]?.path).toBe('changes.minutesPerSession');
    expect(error.message).toContain('must be between 0 and 420');
    expect(backend.invoke('year.get', {}).data).toEqual(before);
  });

  it('refuses money given as a float', async () => {
    const error = await rejection(backend.call('income.create', { kind: 'other', name: 'Gift', nameCy: '', amountPence: 12.5, financialYear: null, endsOn: null, source: '' }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/amountPence: money must be whole pence/);
  });

  it('refuses an unknown operation and unknown fields', async () => {
    expect((await rejection(backend.call('lines.drop', {}))).code).toBe('unknown_operation');
    const error = await rejection(backend.call('lines.update', { id: 1, changes: { costPence: 1 } }));
    expect(error.code).toBe('invalid_input');
  });

  it('refuses a line that runs past the end of the year', async () => {
    const error = await rejection(backend.call('lines.update', { id: 1, changes: { startWeek: 30, weeks: 12 } }));
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.[0]?.path).toBe('weeks');
  });

  it('refuses a line with an unknown tier or staff member', async () => {
    expect((await rejection(backend.call('lines.update', { id: 1, changes: { tierId: 'specialist' } }))).issues?.[0]?.path).toBe('tierId');
    expect((await rejection(backend.call('lines.update', { id: 1, changes: { staff: [{ staffId: 999, count: 1 }] } }))).issues?.[0]?.path).toBe('staff.0.staffId');
  });

  it('says which record does not exist', async () => {
    const error = await rejection(backend.call('lines.update', { id: 9999, changes: { name: 'x' } }));
    expect(error.code).toBe('not_found');
    expect(error.toBody()).toEqual({ code: 'not_found', reason: 'noLine', params: { id: 9999 } });
    expect(error.message).toBe('There is no intervention line with id 9999 in the file (it may have been deleted). Nothing was changed.');
  });

  it('refuses to delete a staff member who still delivers lines', async () => {
    const error = await rejection(backend.call('staff.delete', { id: 1 }));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('still delivers');
  });

  it('writes none of a bulk enrolment when one learner is already on the line', async () => {
    const view = backend.invoke('year.get', {});
    const line = view.data.lines.find((l) => l.name.startsWith('Catch-up phonics'));
    const enrolled = view.data.enrolments.filter((e) => e.lineId === line?.id).map((e) => e.learnerId);
    const free = view.data.learners.find((l) => !enrolled.includes(l.id));
    const error = await rejection(backend.call('enrolments.createMany', { lineId: line?.id, learnerIds: [free?.id, enrolled[0]] }));
    expect(error.code).toBe('conflict');
    expect(backend.invoke('year.get', {}).data.enrolments).toEqual(view.data.enrolments);
  });
});

describe('edits cost at once and can be undone', () => {
  it('an edit changes the line cost by exactly the engine figure, and undo/redo restore it', () => {
    const before = backend.invoke('year.get', {});
    const line = before.data.lines.find((l) => l.name.startsWith('Catch-up phonics'));
    if (!line) throw new Error('demo line missing');
    const costed = before.costed.lines.find((c) => c.lineId === line.id);
    // Nia at £15.40/h, 30 minutes, 3 a week, 12 weeks = £277.20, plus the £45.00 pack: docs/costing-rules.md's worked example.
    expect(costed?.costPence).toBe(32_220);

    const after = backend.invoke('lines.update', { id: line.id, changes: { minutesPerSession: 45 } }).view;
    const newCost = after.costed.lines.find((c) => c.lineId === line.id)?.costPence;
    expect(newCost).toBe(1540 * 0.75 * 3 * 12 + 4500); // 41,580 + 4,500 = 46,080
    expect(after.costed.totals.costPence - before.costed.totals.costPence).toBe(46_080 - 32_220);
    expect(after.history.canUndo).toBe(true);

    const undone = backend.invoke('history.undo', {}).view;
    expect(undone.costed.totals.costPence).toBe(before.costed.totals.costPence);
    expect(undone.data.lines.find((l) => l.id === line.id)?.minutesPerSession).toBe(30);
    const redone = backend.invoke('history.redo', {}).view;
    expect(redone.costed.totals.costPence).toBe(after.costed.totals.costPence);
  });

  it('deleting a line takes its enrolments, and undo brings both back', () => {
    const before = backend.invoke('year.get', {});
    const line = before.data.lines.find((l) => l.name.startsWith('Thrive'));
    if (!line) throw new Error('demo line missing');
    const after = backend.invoke('lines.delete', { id: line.id }).view;
    expect(after.data.lines.some((l) => l.id === line.id)).toBe(false);
    expect(after.data.enrolments.some((e) => e.lineId === line.id)).toBe(false);
    const restored = backend.invoke('history.undo', {}).view;
    expect(restored.data).toEqual(before.data);
  });

  it('enrols learners in bulk over the line’s run and shares the cost to the penny', () => {
    const view = backend.invoke('year.get', {});
    const line = view.data.lines.find((l) => l.name.startsWith('Number sense'));
    if (!line) throw new Error('demo line missing');
    const enrolled = new Set(view.data.enrolments.filter((e) => e.lineId === line.id).map((e) => e.learnerId));
    const newcomers = view.data.learners
      .filter((l) => !enrolled.has(l.id))
      .slice(0, 2)
      .map((l) => l.id);
    const result = backend.invoke('enrolments.createMany', { lineId: line.id, learnerIds: newcomers });
    expect(result.createdIds).toHaveLength(2);
    const created = result.view.data.enrolments.filter((e) => result.createdIds?.includes(e.id));
    expect(created.every((e) => e.startWeek === line.startWeek && e.endWeek === line.startWeek + line.weeks - 1)).toBe(true);
    const costed = result.view.costed.lines.find((c) => c.lineId === line.id);
    const shares = backend.invoke('year.shares', { lineId: line.id });
    expect(shares.reduce((s, x) => s + x.pence, 0)).toBe(costed?.costPence);
    expect(shares.every((s) => s.lineId === line.id)).toBe(true);
    expect(new Set(shares.map((s) => s.enrolmentId))).toEqual(new Set(result.view.data.enrolments.filter((e) => e.lineId === line.id).map((e) => e.id)));
    expect(costed?.enrolledLearners).toBe(enrolled.size + 2);
  });

  it('leaves the per-learner shares out of every view; year.shares answers them as the engine costs them', () => {
    const view = backend.invoke('year.get', {});
    expect(view.costed.lines.every((c) => !('shares' in c))).toBe(true);
    const line = view.data.lines[0];
    if (!line) throw new Error('demo line missing');
    const edited = backend.invoke('lines.update', { id: line.id, changes: { minutesPerSession: line.minutesPerSession + 5 } }).view;
    expect(edited.costed.lines.every((c) => !('shares' in c))).toBe(true);
    const engine = costWithinExactRange(edited.data, backend.session.costOptions(edited.data));
    const everyShare = engine.lines.flatMap((c) => c.shares.map((s) => ({ lineId: c.lineId, ...s })));
    expect(backend.invoke('year.shares', {})).toEqual(everyShare);
    const learnerId = everyShare[0]?.learnerId ?? 0;
    expect(backend.invoke('year.shares', { learnerId })).toEqual(everyShare.filter((s) => s.learnerId === learnerId));
    expect(backend.invoke('year.shares', { lineId: line.id, learnerId })).toEqual(everyShare.filter((s) => s.learnerId === learnerId && s.lineId === line.id));
    expect(() => backend.invoke('year.shares', { lineId: 0 })).toThrow(ApiError);
    expect(() => backend.invoke('year.shares', { line: 1 })).toThrow(ApiError);
  });
});

describe('files', () => {
  it('save as writes a full copy and carries on in it', () => {
    const before = backend.invoke('year.get', {});
    const target = path.join(dir, 'copy');
    const view = backend.invoke('file.saveAs', { path: target });
    expect(view.file.path).toBe(`${target}.mapio`);
    expect(view.data).toEqual(before.data);
    expect(backend.invoke('app.info', {}).recentFiles[0]).toBe(`${target}.mapio`);
  });

  it('a file that is not Mapio is refused and the open file stays open', async () => {
    const bogus = path.join(dir, 'notes.mapio');
    fs.writeFileSync(bogus, 'Minutes of the governors meeting');
    const error = await rejection(backend.call('file.open', { path: bogus }));
    expect(error.code).toBe('file_not_mapio');
    expect(fs.readFileSync(bogus, 'utf8')).toBe('Minutes of the governors meeting');
    expect(backend.invoke('app.info', {}).file?.name).toBe(DEMO_FILE_NAME);
  });
});

describe('control characters in names', () => {
  it('a NUL or other control character in a name, reference or path is refused at the door, naming the field', async () => {
    const before = backend.invoke('year.get', {});
    const cases: Array<[string, unknown, string]> = [
      ['scenario.create', { name: 'Grant\u0000ends', from: 'baseline' }, 'name'],
      ['lines.update', { id: before.data.lines[0]!.id, changes: { name: 'Phonics\u0007' } }, 'changes.name'],
      ['learners.update', { id: before.data.learners[0]!.id, changes: { ref: 'A\u001b1' } }, 'changes.ref'],
      ['school.update', { changes: { name: 'Ysgol\u0085' } }, 'changes.name'],
      ['file.open', { path: `${dir}/a\u0000.mapio` }, 'path'],
    ];
    for (const [name, input, field] of cases) {
      const error = await rejection(backend.call(name, input));
      expect(error.code, name).toBe('invalid_input');
      expect(issuesInEnglish(error.issues), name).toEqual([{ path: field, message: 'must not contain control characters (such as NUL)' }]);
    }
    // Line breaks and tabs stay allowed in longer text.
    await backend.call('lines.update', { id: before.data.lines[0]!.id, changes: { description: 'First line\nSecond line\twith a tab' } });
    expect(backend.invoke('year.get', {}).data.lines[0]!.description).toBe('First line\nSecond line\twith a tab');
    expect(backend.invoke('scenario.list', {})).toEqual([]);
  });
});

describe('file paths a file system cannot use', () => {
  it('half a surrogate pair in a path is refused at the door and nothing is left behind (found by npm run soak)', async () => {
    const before = fs.readdirSync(dir).sort();
    for (const name of ['file.create', 'file.saveAs', 'file.open'] as const) {
      const input = name === 'file.create' ? { path: path.join(dir, '\ud800'), template: 'demo' } : { path: path.join(dir, 'x\udc00.mapio') };
      const error = await rejection(backend.call(name, input));
      expect(issuesInEnglish(error.issues)).toEqual([{ path: 'path', message: 'must be a file name the computer can use' }]);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });
});

describe('warming the engine while idle', () => {
  it('costs the open year a bounded number of times and changes nothing: not the file, its history or the view', () => {
    const before = backend.invoke('year.get', {});
    const bytes = fs.readFileSync(before.file.path);
    let rehearsed = 0;
    while (backend.rehearse()) rehearsed += 1;
    expect(rehearsed).toBe(COSTING_REHEARSALS);
    expect(backend.rehearse()).toBe(false);
    expect(fs.readFileSync(before.file.path).equals(bytes)).toBe(true);
    const after = backend.invoke('year.get', {});
    expect(after.history).toEqual(before.history);
    expect(after.costed).toEqual(before.costed);
  });

  it('has nothing to rehearse with no school file open', () => {
    const cli = createBackend({ mode: 'cli', dataDir: path.join(dir, 'cli'), today: () => '2026-11-24' });
    try {
      expect(cli.rehearse()).toBe(false);
    } finally {
      cli.dispose();
    }
  });
});
