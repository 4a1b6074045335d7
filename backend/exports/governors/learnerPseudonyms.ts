/**
 * How the governors' workbook shows a learner (docs/guarantees.md, "Private on a shared laptop"):
 * - named: the school's reference and name (the school asked for names);
 * - pseudonymised: a code made for this workbook only (L001, L002…), never the MIS reference, which after an
 *   import is a UPN that identifies the child; the codes follow year group, then cost, so they carry no
 *   reference order;
 * - no learners: nobody is shown at all, not even by a code.
 */
import type { SchoolYear } from '../../../shared/domain';
import type { CostedFigures } from '../../../shared/engine';
import type { LearnersOption } from '../governorsWorkbook';

/** Learner id → the code this workbook shows for them (pseudonymised only; empty otherwise). */
export function learnerPseudonyms(data: SchoolYear, costed: CostedFigures, option: LearnersOption): Map<number, string> {
  if (option !== 'pseudonymised') return new Map();
  const cost = new Map(costed.learners.map((l) => [l.learnerId, l.costPence]));
  const ordered = [...data.learners].sort((a, b) => a.yearGroup - b.yearGroup || (cost.get(b.id) ?? 0) - (cost.get(a.id) ?? 0) || a.id - b.id);
  const width = Math.max(3, String(ordered.length).length);
  return new Map(ordered.map((l, i) => [l.id, `L${String(i + 1).padStart(width, '0')}`]));
}
