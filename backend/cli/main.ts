/**
 * `mapio`: the command line over the same backend and contract as the app.
 *
 *   mapio demo FILE                     write the demo school to FILE
 *   mapio summary FILE [--json] [--lang cy]  costed totals, budget position and warnings (in Welsh with --lang cy)
 *   mapio export-json FILE OUT.json     the whole year as a versioned JSON document
 *   mapio import-json IN.json FILE      a new school file from such a document
 *   mapio roll-forward FILE NEXT        next year's file: staff, lines, learners carried, enrolments ended
 *   mapio export-xlsx FILE OUT.xlsx [--pseudonymised | --names] [--lang cy]
 *                                       the workbook for governors (no learners sheet unless --pseudonymised or --names)
 *   mapio alp-statement FILE OUT.html [--lang cy|bilingual] [--not-learners]
 *                                       the statement for parents of what the school regards as ALP
 *   mapio return FILE OUT.xlsx [--lang cy] [--not-learners]          the school's authority return (no learner names, refs or dates of birth)
 *   mapio compare RETURN.xlsx... --out comparison.xlsx [--la AUTHORITY.mapio-la] [--schools LIST.csv] [--allocations S52.csv] [--thousands] [--replace] [--lang cy]
 *                                       import returns and export the authority comparison (exit 1 if none imported)
 *
 * Exit codes: 0 done; 1 the input or a file was refused (the message says which field and why;
 * nothing was written); 2 the command itself was wrong.
 *
 * Everything it says (the usage, a wrong command line, a refusal, what it wrote) is worded from the
 * catalogues in the language the command line asks for: Welsh with `--lang cy`, English otherwise.
 */
import { errorWords, issueWords, plainWords } from '../../shared/i18n/apiErrors';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError, type ApiErrorBody, type ListImportOutcome, type YearView } from '../../shared/api/contract';
import { InterchangeError, parseInterchange, toInterchange } from '../../shared/interchange';
import { formatPounds } from '../../shared/money';
import { SchoolFile } from '../../db/schoolFile';
import { writeFileAtomically } from '../atomicFileWrite';
import { createBackend, MAPIO_VERSION, type TypedBackend } from '../backend';
import { userDataFolder } from '../userDataFolder';
import { summaryLines } from './summary';
import { createI18n, type Lang } from '../../shared/i18n';
import type { Catalogue } from '../../shared/i18n/en';
import type { ErrorParams, SentenceKeys } from '../../shared/api/errors';
import { recordName } from '../../shared/i18n/recordNames';
import { returnRejectionWords } from '../../shared/i18n/returnRejectionWords';
import { importReturns, returnSourceAt } from '../returns/importReturns';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Each command as one types it (the same in both languages), with the catalogue key of what it does. */
const COMMANDS: ReadonlyArray<readonly [keyof Catalogue['cli']['usage']['command'], string]> = [
  ['demo', 'mapio demo FILE [--lang cy]'],
  ['summary', 'mapio summary FILE [--json] [--lang cy]'],
  ['exportJson', 'mapio export-json FILE OUT.json [--lang cy]'],
  ['importJson', 'mapio import-json IN.json FILE [--lang cy]'],
  ['rollForward', 'mapio roll-forward FILE NEXT.mapio [--lang cy]'],
  ['exportXlsx', 'mapio export-xlsx FILE OUT.xlsx [--pseudonymised | --names] [--lang cy]'],
  ['alpStatement', 'mapio alp-statement FILE OUT.html [--lang cy|bilingual] [--not-learners]'],
  ['return', 'mapio return FILE OUT.xlsx [--lang cy] [--not-learners]'],
  ['compare', 'mapio compare RETURN.xlsx... --out comparison.xlsx [--la AUTHORITY.mapio-la] [--schools LIST.csv] [--allocations S52.csv] [--thousands] [--replace] [--lang cy]'],
];

/** What the descriptions name as typed. */
const TYPED = { file: 'FILE', pseudonymsOption: '--pseudonymised', namesOption: '--names', bilingual: '--lang bilingual', replaceOption: '--replace', option: '--lang cy' };

/** The usage: each command as typed and, under it, what it does, in `lang`. */
function usageText(lang: Lang): string {
  const { t } = createI18n(lang);
  const commands = COMMANDS.flatMap(([key, typed]) => [`  ${typed}`, `      ${t(`cli.usage.command.${key}`, TYPED)}`]);
  return [t('cli.usage.heading'), ...commands, '', t('cli.usage.lang', TYPED)].join('\n');
}

/** Why a command line is wrong: a sentence of the catalogue's `cli.wrongCommandLine`, so each has words in both languages. */
type WrongCommandLine = SentenceKeys<Catalogue['cli']['wrongCommandLine']>;

/** A command line that is wrong (exit code 2): its code and what was typed; worded where it is caught. */
class UsageError extends Error {
  constructor(
    readonly problem: WrongCommandLine,
    readonly params: ErrorParams = {},
  ) {
    super(problem);
  }
}

/** The language was itself wrongly given, so the refusal cannot be in the language asked for. */
const LANGUAGE_NOT_READ: ReadonlySet<WrongCommandLine> = new Set(['lang', 'langOrBilingual']);

/**
 * A wrong command line as printed, with the usage: in the language asked for; where the language itself
 * was wrongly given (`--lang fr`), the refusal in Welsh and in English (Welsh first, as a bilingual school
 * publishes) and the usage in English.
 */
function wrongCommandLineText(error: UsageError, lang: Lang): string {
  const refusal = (l: Lang) => `mapio: ${createI18n(l).t(`cli.wrongCommandLine.${error.problem}`, error.params)}`;
  if (LANGUAGE_NOT_READ.has(error.problem)) return [refusal('cy'), refusal('en'), usageText('en')].join('\n');
  return `${refusal(lang)}\n${usageText(lang)}`;
}

/**
 * The language of the command line's own messages (its usage, a wrong command line, a refusal): Welsh
 * with `--lang cy` or `--lang=cy`, and with `--lang bilingual` (the statement for parents in both
 * languages); English otherwise. The last `--lang` given counts, as in `langOption`.
 */
function messageLang(args: readonly string[]): Lang {
  let asked = 'en';
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--lang') asked = args[++i] ?? '';
    else if (a.startsWith('--lang=')) asked = a.slice('--lang='.length);
  }
  return asked === 'cy' || asked === 'bilingual' ? 'cy' : 'en';
}

/**
 * The command and its arguments. The language may come before the command: `mapio --lang cy summary …`
 * is `mapio summary … --lang cy`, and `mapio --lang cy` alone gives the usage in Welsh.
 */
function commandAndArgs(argv: readonly string[]): [string | undefined, string[]] {
  const langFirst = argv[0] === '--lang' ? 2 : argv[0]?.startsWith('--lang=') ? 1 : 0;
  const [command, ...args] = argv.slice(langFirst);
  return [command, [...args, ...argv.slice(0, langFirst)]];
}

/**
 * `--lang cy` / `--lang=cy`: the language words are written in, and the arguments without the option. Where
 * `allowBilingual` (the statement for parents), `--lang bilingual` asks for Welsh and English in one document
 * (the CLI's own messages are then in Welsh).
 */
function langOption(args: string[], allowBilingual = false): { lang: 'en' | 'cy'; document: 'en' | 'cy' | 'bilingual'; rest: string[] } {
  const rest: string[] = [];
  let lang = 'en';
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--lang') lang = args[++i] ?? '';
    else if (a.startsWith('--lang=')) lang = a.slice('--lang='.length);
    else rest.push(a);
  }
  if (allowBilingual && lang === 'bilingual') return { lang: 'cy', document: 'bilingual', rest };
  if (lang !== 'en' && lang !== 'cy') throw new UsageError(allowBilingual ? 'langOrBilingual' : 'lang', { option: '--lang', given: lang });
  return { lang, document: lang, rest };
}

function positional(args: string[], count: number): string[] {
  const rest = args.filter((a) => !a.startsWith('--'));
  if (rest.length !== count) throw new UsageError('argumentCount', { count, given: rest.length });
  return rest;
}

/** The backend the command line works through: this user's own private data folder (backend/userDataFolder.ts), nothing opened yet. */
function cliBackend(): TypedBackend {
  return createBackend({ mode: 'cli', dataDir: userDataFolder(), openOnStart: false });
}

function withBackend<T>(file: string, fn: (view: YearView) => T): T {
  const backend = cliBackend();
  try {
    const view = backend.invoke('file.open', { path: file });
    return fn(view);
  } finally {
    backend.dispose();
  }
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, args] = commandAndArgs(argv);
  try {
    switch (command) {
      case 'demo': {
        const { lang, rest } = langOption(args);
        const [file] = positional(rest, 1) as [string];
        const backend = cliBackend();
        try {
          const view = backend.invoke('file.create', { path: file, template: 'demo' });
          const { lines, learners } = view.data;
          io.out(createI18n(lang).t('cli.wroteDemo', { path: view.file.path, lines: lines.length, learners: learners.length, total: formatPounds(view.costed.totals.costPence) }));
        } finally {
          backend.dispose();
        }
        return 0;
      }
      case 'summary': {
        const { lang, rest } = langOption(args);
        const unknown = rest.find((a) => a.startsWith('--') && a !== '--json');
        if (unknown) throw new UsageError('unknownOption', { option: unknown });
        const [file] = positional(rest, 1) as [string];
        withBackend(file, (view) => {
          if (rest.includes('--json'))
            io.out(JSON.stringify({ school: view.data.school, totals: view.costed.totals, budget: view.costed.budget, workload: view.costed.workload, checks: view.costed.checks }, null, 2));
          else io.out(summaryLines(view, lang).join('\n'));
        });
        return 0;
      }
      case 'export-json': {
        const { lang, rest } = langOption(args);
        const [file, out] = positional(rest, 2) as [string, string];
        withBackend(file, (view) => {
          writeFileAtomically(out, `${JSON.stringify(toInterchange(view.data, `Mapio ${MAPIO_VERSION}`), null, 2)}\n`);
          io.out(createI18n(lang).t('cli.wroteYearJson', { path: out, lines: view.data.lines.length, learners: view.data.learners.length }));
        });
        return 0;
      }
      case 'import-json': {
        const { lang, rest } = langOption(args);
        const [input, file] = positional(rest, 2) as [string, string];
        const year = parseInterchange(readGivenFile(input).toString('utf8'));
        SchoolFile.create(path.resolve(file), year).close();
        io.out(createI18n(lang).t('cli.createdFromJson', { path: file, source: input, lines: year.lines.length, learners: year.learners.length }));
        return 0;
      }
      case 'roll-forward': {
        const { lang, rest } = langOption(args);
        const { t } = createI18n(lang);
        const [file, next] = positional(rest, 2) as [string, string];
        const backend = cliBackend();
        try {
          backend.invoke('file.open', { path: file });
          const outcome = backend.invoke('file.rollForward', { path: next });
          const { data } = outcome.view;
          io.out(t('cli.rolledForward', { path: outcome.view.file.path, year: data.school.academicYear, staff: data.staff.length, lines: data.lines.length, learners: data.learners.length }));
          if (outcome.leaverRefs.length > 0) io.out(t('cli.leftAtTheEnd', { count: outcome.leaverRefs.length }));
          for (const income of outcome.endedIncome) io.out(t('cli.notCarried', { name: recordName(income, lang) }));
        } finally {
          backend.dispose();
        }
        return 0;
      }
      case 'export-xlsx':
      case 'alp-statement': {
        const { lang, document, rest } = langOption(args, command === 'alp-statement');
        const known = command === 'export-xlsx' ? ['--names', '--pseudonymised', '--no-learners'] : ['--not-learners'];
        const unknown = rest.find((a) => a.startsWith('--') && !known.includes(a));
        if (unknown) throw new UsageError('unknownOption', { option: unknown });
        const [file, out] = positional(rest, 2) as [string, string];
        const backend = cliBackend();
        try {
          backend.invoke('file.open', { path: file });
          if (command === 'export-xlsx') {
            // No learners sheet unless asked for (--no-learners, the default, is still accepted).
            const chosen = (['--names', '--pseudonymised', '--no-learners'] as const).filter((flag) => rest.includes(flag));
            if (chosen.length > 1) throw new UsageError('chooseOne', { options: chosen.join(', ') });
            const learners = chosen[0] === '--names' ? 'named' : chosen[0] === '--pseudonymised' ? 'pseudonymised' : 'none';
            const result = await backend.invoke('export.governorsWorkbook', { path: out, learners, lang });
            const { t } = createI18n(lang);
            io.out(t('cli.wroteWorkbook', { path: result.path, sheets: result.sheets.join(', '), learners: t(`cli.learnersMode.${learners}`) }));
          } else {
            const result = backend.invoke('export.alpStatement', { path: out, lang: document, notLearners: rest.includes('--not-learners') });
            io.out(createI18n(lang).t('cli.wroteStatement', { path: result.path }));
          }
        } finally {
          backend.dispose();
        }
        return 0;
      }
      case 'return': {
        const { lang, rest } = langOption(args);
        const unknown = rest.find((a) => a.startsWith('--') && a !== '--not-learners');
        if (unknown) throw new UsageError('unknownOption', { option: unknown });
        const [file, out] = positional(rest, 2) as [string, string];
        const backend = cliBackend();
        try {
          backend.invoke('file.open', { path: file });
          const written = await backend.invoke('return.create', { path: out, lang, notLearners: rest.includes('--not-learners') });
          io.out(createI18n(lang).t('cli.wroteReturn', { school: written.schoolName, year: written.academicYear, path: written.path }));
        } finally {
          backend.dispose();
        }
        return 0;
      }
      case 'compare':
        return await compareCommand(args, io);
      case undefined:
      case 'help':
      case '--help':
        io.out(usageText(messageLang(args)));
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError('unknownCommand', { command });
    }
  } catch (error) {
    const lang = messageLang(args);
    if (error instanceof UsageError) {
      io.err(wrongCommandLineText(error, lang));
      return 2;
    }
    const { t } = createI18n(lang);
    if (error instanceof InterchangeError || error instanceof ApiError) {
      // Worded here, in the language the command asked for (`--lang cy`), from the refusal's code and specifics.
      const body: ApiErrorBody = error instanceof InterchangeError ? { code: 'invalid_input', issues: error.issues } : error.toBody();
      // A document that may name a learner lists every field and what was found under one sentence.
      const listed = body.code === 'names_in_text' ? 0 : 1;
      io.err(`mapio: ${listed === 0 ? errorWords({ code: body.code }, t, lang) : plainWords(body, t, lang)}`);
      for (const issue of (body.issues ?? []).slice(listed, 20)) io.err(`  ${issue.path}: ${issueWords(issue, t, lang)}`);
      return 1;
    }
    io.err(`mapio: ${t('cli.unexpectedError', { message: (error as Error).message })}`);
    return 1;
  }
}

/** A file named on the command line, read whole; one that cannot be read is refused by its name (`file_io`). */
function readGivenFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    throw new ApiError('file_io', 'cannotReadPath', { path: file });
  }
}

/**
 * `mapio compare RETURN.xlsx... --out comparison.xlsx [--la AUTHORITY.mapio-la] [--schools LIST.csv] [--allocations S52.csv] [--thousands] [--replace] [--lang cy]`:
 * with the authority's list of schools and its published allocations (for the comparison's year) when given;
 * `--thousands` puts the flat sheet's money in £k; `--replace` lets a newer return, or the same one again, take
 * the place of the one the authority file holds for that school and year (an older one is still refused).
 */
async function compareCommand(all: string[], io: CliIo): Promise<number> {
  const { lang, rest: args } = langOption(all);
  const files: string[] = [];
  let out: string | null = null;
  let la: string | null = null;
  let schoolList: string | null = null;
  let allocations: string | null = null;
  let thousands = false;
  let replace = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--out' || a === '--la' || a === '--schools' || a === '--allocations') {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError('needsFileName', { option: a });
      if (a === '--out') out = value;
      else if (a === '--la') la = value;
      else if (a === '--schools') schoolList = value;
      else allocations = value;
    } else if (a === '--thousands') thousands = true;
    else if (a === '--replace') replace = true;
    else if (a.startsWith('--out=')) out = a.slice('--out='.length);
    else if (a.startsWith('--la=')) la = a.slice('--la='.length);
    else if (a.startsWith('--')) throw new UsageError('unknownOption', { option: a });
    else files.push(a);
  }
  if (!out) throw new UsageError('needsOption', { command: 'compare', option: '--out comparison.xlsx' });
  if (files.length === 0) throw new UsageError('needsReturns', { command: 'compare' });
  // The list and the allocations are read before anything is imported: one that cannot be read is
  // refused with its name, and the authority file is left as it was.
  const schoolListBytes = schoolList ? readGivenFile(schoolList) : null;
  const allocationBytes = allocations ? readGivenFile(allocations) : null;
  const backend = cliBackend();
  const scratch = la ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'mapio-compare-'));
  try {
    const authorityPath = la ?? path.join(scratch as string, 'comparison.mapio-la');
    backend.invoke(fs.existsSync(authorityPath) ? 'authority.open' : 'authority.create', { path: authorityPath });
    // Each return is read when its turn comes (one in memory at a time); one that cannot be read, is too
    // large or is a zip bomb is rejected with its reason and never stops the others.
    const returns = files.map((file) => returnSourceAt(file));
    const { t } = createI18n(lang);
    const outcome = await importReturns(
      backend.session.requireAuthorityFile(),
      returns,
      (p) => {
        if (returns.length > 1) io.err(t(`cli.returnProgress.${p.outcome}`, { done: p.done, total: p.total, file: p.fileName }));
      },
      { replace },
    );
    for (const r of outcome.rejected) io.err(t('cli.rejectedReturn', { file: r.fileName, reason: returnRejectionWords(r, t, lang) }));
    if (!replace && outcome.rejected.some((r) => r.code === 'duplicate' || r.code === 'newer')) io.err(t('cli.replaceHint', { option: '--replace' }));
    if (outcome.imported.length === 0) {
      io.err(t('cli.noneImported'));
      return 1;
    }
    const listRows = (o: ListImportOutcome) => {
      // In the file's row order: each row rejected, or imported without its Welsh name.
      const lines = [
        ...o.rejected.map((r) => ({ row: r.rowNumber, text: t(`authority.listRow.${r.code}`, { row: r.rowNumber, ...r.params }) })),
        ...(o.welshNamesLeftOut ?? []).map((r) => ({ row: r.rowNumber, text: t(`authority.welshNameLeftOut.${r.code}`, { row: r.rowNumber, ...r.params }) })),
      ];
      for (const line of lines.sort((a, b) => a.row - b.row)) io.err(line.text);
    };
    if (schoolList && schoolListBytes) {
      const { outcome: o } = await backend.invoke('authority.importSchoolList', { fileName: path.basename(schoolList), contentBase64: schoolListBytes.toString('base64') });
      listRows(o);
    }
    const academicYear = backend.invoke('authority.comparison', {}).academicYear;
    if (allocations && allocationBytes && academicYear) {
      const { outcome: o } = await backend.invoke('authority.importAllocations', {
        fileName: path.basename(allocations),
        contentBase64: allocationBytes.toString('base64'),
        academicYear,
      });
      listRows(o);
      if (o.unit && o.unitFrom) io.err(t(`authority.allocationUnit.${o.unitFrom}`, { unit: t(`authority.allocationUnit.${o.unit}`) }));
    }
    const written = await backend.invoke('authority.exportComparison', { path: out, lang, ...(thousands ? { flatUnit: 'thousands' as const } : {}) });
    io.out(createI18n(lang).t('cli.wroteComparison', { count: files.length, imported: outcome.imported.length, path: written.path }));
    return 0;
  } finally {
    backend.session.closeAuthorityFile();
    backend.dispose();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  }
}
