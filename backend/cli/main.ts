/**
 * `mapio`: the command line over the same backend and contract as the app.
 *
 *   mapio demo FILE                     write the demo school to FILE
 *   mapio summary FILE [--json]         costed totals, budget position and warnings
 *   mapio export-json FILE OUT.json     the whole year as a versioned JSON document
 *   mapio import-json IN.json FILE      a new school file from such a document
 *   mapio roll-forward FILE NEXT        next year's file: staff, lines, learners carried, enrolments ended
 *
 * Exit codes: 0 done; 1 the input or a file was refused (the message says which field and why;
 * nothing was written); 2 the command itself was wrong.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError, type YearView } from '../../shared/api/contract';
import { InterchangeError, parseInterchange, toInterchange } from '../../shared/interchange';
import { formatPounds } from '../../shared/money';
import { SchoolFile } from '../../db/schoolFile';
import { createBackend, MAPIO_VERSION } from '../backend';
import { summaryLines } from './summary';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const USAGE = `Usage:
  mapio demo FILE
  mapio summary FILE [--json]
  mapio export-json FILE OUT.json
  mapio import-json IN.json FILE
  mapio roll-forward FILE NEXT.mapio`;

class UsageError extends Error {}

function positional(args: string[], count: number): string[] {
  const rest = args.filter((a) => !a.startsWith('--'));
  if (rest.length !== count) throw new UsageError(`expected ${count} argument${count === 1 ? '' : 's'}, got ${rest.length}`);
  return rest;
}

function withBackend<T>(file: string, fn: (view: YearView) => T): T {
  const backend = createBackend({ mode: 'cli', dataDir: path.join(os.tmpdir(), 'mapio-cli'), openOnStart: false });
  try {
    const view = backend.invoke('file.open', { path: file });
    return fn(view);
  } finally {
    backend.dispose();
  }
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'demo': {
        const [file] = positional(args, 1) as [string];
        const backend = createBackend({ mode: 'cli', dataDir: path.join(os.tmpdir(), 'mapio-cli'), openOnStart: false });
        try {
          const view = backend.invoke('file.create', { path: file, template: 'demo' });
          io.out(`Wrote the demo school to ${view.file.path}: ${view.data.lines.length} lines, ${view.data.learners.length} learners, total cost ${formatPounds(view.costed.totals.costPence)}.`);
        } finally {
          backend.dispose();
        }
        return 0;
      }
      case 'summary': {
        const [file] = positional(args, 1) as [string];
        withBackend(file, (view) => {
          if (args.includes('--json')) io.out(JSON.stringify({ school: view.data.school, totals: view.costed.totals, budget: view.costed.budget, workload: view.costed.workload, checks: view.costed.checks }, null, 2));
          else io.out(summaryLines(view).join('\n'));
        });
        return 0;
      }
      case 'export-json': {
        const [file, out] = positional(args, 2) as [string, string];
        withBackend(file, (view) => {
          writeAtomically(out, `${JSON.stringify(toInterchange(view.data, `Mapio ${MAPIO_VERSION}`), null, 2)}\n`);
          io.out(`Wrote ${view.data.lines.length} lines and ${view.data.learners.length} learners to ${out}.`);
        });
        return 0;
      }
      case 'import-json': {
        const [input, file] = positional(args, 2) as [string, string];
        let text: string;
        try {
          text = fs.readFileSync(input, 'utf8');
        } catch {
          throw new ApiError('file_io', `Mapio could not read ${input}.`);
        }
        const year = parseInterchange(text);
        SchoolFile.create(path.resolve(file), year).close();
        io.out(`Created ${file} from ${input}: ${year.lines.length} lines, ${year.learners.length} learners.`);
        return 0;
      }
      case 'roll-forward': {
        const [file, next] = positional(args, 2) as [string, string];
        const backend = createBackend({ mode: 'cli', dataDir: path.join(os.tmpdir(), 'mapio-cli'), openOnStart: false });
        try {
          backend.invoke('file.open', { path: file });
          const outcome = backend.invoke('file.rollForward', { path: next });
          const { data } = outcome.view;
          io.out(`Created ${outcome.view.file.path} for ${data.school.academicYear}: ${data.staff.length} staff, ${data.lines.length} lines, ${data.learners.length} learners carried; enrolments ended.`);
          if (outcome.leaverRefs.length > 0) io.out(`${outcome.leaverRefs.length} learner(s) left at the end of the school's last year group.`);
          for (const name of outcome.endedIncome) io.out(`Not carried (ended before the new year): ${name}`);
        } finally {
          backend.dispose();
        }
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`mapio: ${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof InterchangeError || error instanceof ApiError) {
      io.err(`mapio: ${error.message}`);
      const issues = error instanceof InterchangeError ? error.issues : (error.issues ?? []);
      for (const issue of issues.slice(1, 20)) io.err(`  ${issue.path}: ${issue.message}`);
      return 1;
    }
    io.err(`mapio: unexpected error: ${(error as Error).message}`);
    return 1;
  }
}

function writeAtomically(target: string, text: string): void {
  const tmp = `${target}.tmp-${process.pid}`;
  try {
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, target);
  } catch {
    fs.rmSync(tmp, { force: true });
    throw new ApiError('file_io', `Mapio could not write ${target} (is the folder there and writable?).`);
  }
}
