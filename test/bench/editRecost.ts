/**
 * The recost the data process runs after a one-line edit (backend/session.ts costs through one
 * `YearCosting` per open file): the year in memory, one line's minutes per session changed as a new frozen
 * object in a new line list, every other record and list the same object, as the reader hands them out
 * after such an edit (db/schoolYearReader.ts). Only `YearCosting.cost` is timed; the edits alternate
 * between two values, so every costing has a changed line to cost again.
 *
 * The costed map must be equal, in every field (`isDeepStrictEqual`: −0 and key sets included), to a fresh
 * `costSchoolYear` of the edited year: checked on the first timed edit, every 100th and the last; a
 * difference throws, and the bench exits 1.
 */
import { isDeepStrictEqual } from 'node:util';
import type { InterventionLine, SchoolYear } from '../../shared/domain';
import { costSchoolYear, YearCosting } from '../../shared/engine';
import { summarise, type Timing } from './measure';

export function timeRecostAfterOneLineEdit(year: SchoolYear, line: InterventionLine, runs: number, warmUp: number): Timing & { checked: number } {
  const at = year.lines.indexOf(line);
  if (at < 0) throw new Error('the edited line is not one of the year’s lines');
  const values = [line.minutesPerSession + 5, line.minutesPerSession + 10];
  const costing = new YearCosting();
  costing.cost(year);
  let edited = year;
  const edit = (round: number): SchoolYear => {
    const lines = year.lines.slice();
    lines[at] = Object.freeze({ ...line, minutesPerSession: values[round % 2] as number });
    edited = { ...edited, lines };
    return edited;
  };
  for (let i = 0; i < warmUp; i++) costing.cost(edit(i));
  const samples: number[] = [];
  let checked = 0;
  for (let i = 0; i < runs; i++) {
    const next = edit(warmUp + i);
    const started = performance.now();
    const costed = costing.cost(next);
    samples.push(performance.now() - started);
    if (i === 0 || i % 100 === 0 || i === runs - 1) {
      if (!isDeepStrictEqual(costed, costSchoolYear(next))) throw new Error(`YearCosting.cost after a one-line edit (run ${i + 1}) differs from a fresh costSchoolYear of the edited year`);
      checked++;
    }
  }
  return { ...summarise(samples), checked };
}
