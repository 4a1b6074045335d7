/**
 * The process crash.test.ts kills. Run as `node --import tsx crashWorker.ts <mode> <file> <dataDir>`:
 *
 * - `edits`: opens the school file through the real backend and makes edits as fast as it can, printing
 *   "ACK <n> <what> <detail>" on stdout (synchronously) after each call has returned, i.e. once the
 *   user would have been told it was saved. Every edit is checkable afterwards by its number n.
 * - `migrate`: opens the file with the migration list in migrationList.ts (whose last migration is
 *   slow), printing "MIGRATING" before and "MIGRATED" after.
 *
 * It never stops by itself: the parent kills it with SIGKILL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createBackend } from '../../../backend/backend';
import { SchoolFile } from '../../../db/schoolFile';
import { parseInterchange, toInterchange } from '../../../shared/interchange';
import { crashTestMigrations } from './migrationList';
import { learner } from '../../support/schoolYearBuilder';

const [mode, file, dataDir] = process.argv.slice(2) as [string, string, string];
const say = (line: string) => fs.writeSync(1, `${line}\n`);

async function edits(): Promise<void> {
  const backend = createBackend({ mode: 'browser', dataDir, openPath: file, today: () => '2026-11-24' });
  const first = backend.invoke('year.get', {}).data;
  const template = first.lines[0]!;
  const { id: _lineId, ...lineFields } = template;
  say('READY');
  for (let n = 1; ; n++) {
    const kind = n % 10 === 0 ? 'import-json' : n % 7 === 0 ? 'mis' : (['line-rename', 'line-create', 'learner-enrol', 'learner-create'] as const)[n % 4]!;
    switch (kind) {
      case 'line-rename':
        backend.invoke('lines.update', { id: template.id, changes: { name: `edit-${n}` } });
        say(`ACK ${n} line-rename`);
        break;
      case 'line-create':
        backend.invoke('lines.create', { ...lineFields, name: `edit-${n}` });
        say(`ACK ${n} line-create`);
        break;
      case 'learner-create':
        backend.invoke('learners.create', { ...learnerFields(n), ref: `C${n}` });
        say(`ACK ${n} learner-create`);
        break;
      case 'learner-enrol': {
        // A new learner and their enrolment, as two acknowledged calls.
        const created = backend.invoke('learners.create', { ...learnerFields(n), ref: `E${n}` }).createdIds?.[0];
        backend.invoke('enrolments.createMany', { lineId: template.id, learnerIds: [created!] });
        say(`ACK ${n} learner-enrol`);
        break;
      }
      case 'mis': {
        const csv = `Ref,Name,Year Group,ALN Status\nM${n},edit-${n},Year 4,None\n`;
        await backend.call('mis.import', {
          fileName: `mis-${n}.csv`,
          contentBase64: Buffer.from(csv).toString('base64'),
          mapping: { ref: 0, surname: null, forename: null, name: 1, yearGroup: 2, alnStatus: 3, efsm: null, lookedAfter: null, welshAlp: null },
        });
        say(`ACK ${n} mis`);
        break;
      }
      case 'import-json': {
        // What `mapio import-json` does: a new file from a document, created atomically.
        const year = parseInterchange(JSON.stringify(toInterchange(backend.invoke('year.get', {}).data, 'crash test')));
        const target = path.join(path.dirname(file), `imported-${n}.mapio`);
        SchoolFile.create(target, year, { appVersion: 'crash-test' }).close();
        say(`ACK ${n} import-json ${year.lines.length} ${year.learners.length}`);
        break;
      }
    }
  }
}

/** A new learner's fields (without a reference or id: the worker gives each its own). */
function learnerFields(n: number) {
  const { id: _id, ref: _ref, ...fields } = learner({ id: n, name: `edit-${n}`, alnStatus: 'monitored' });
  return fields;
}

function migrateOnce(): void {
  say('MIGRATING');
  const opened = SchoolFile.open(file, { migrations: crashTestMigrations });
  say('MIGRATED');
  opened.close();
  // Wait to be killed, like the app would carry on running.
  setInterval(() => undefined, 1000);
}

if (mode === 'edits') {
  edits().catch((error: unknown) => {
    say(`FAILED ${(error as Error).message}`);
    process.exit(3);
  });
} else if (mode === 'migrate') {
  migrateOnce();
} else {
  say(`FAILED unknown mode ${mode}`);
  process.exit(2);
}
