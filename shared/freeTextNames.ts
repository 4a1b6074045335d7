/**
 * Learners' names in the school's free text (docs/guarantees.md, "Names in free text"). A line called
 * "Osian's speech group" or "SALT - O. Pritchard", or a description saying "after his diagnosis" next to a
 * name, would carry a child's name to the authority or to parents. Before a return or the statement for
 * parents is written, every free-text field that document carries is searched for each learner's first
 * name, surname, and initial + surname (case, accents and a possessive "'s" ignored, whole words only).
 * A match is shown to the person, who edits the text or confirms it is not a learner: a first name can be
 * an ordinary word too ("Grace", "Hope"), so Mapio asks rather than guesses.
 */
import type { SchoolYear } from './domain';
import { searchKey } from './searchText';

export type FreeTextDocument = 'return' | 'statement';

export interface NameInText {
  /** Where the text is: `lines.<id>.name`, `lines.<id>.description`, `income.<id>.name`… (ids, not positions). */
  path: string;
  /** The text as the school typed it. */
  text: string;
  /** The learner's name, or part of it, found in the text, as written in the text. */
  found: string;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The words that would identify a learner: first name, surname, and initial + surname. */
function namePatterns(year: SchoolYear): RegExp[] {
  const words = new Set<string>();
  for (const l of year.learners) {
    const parts = searchKey(l.name)
      .split(/\s+/)
      .filter((p) => p.length >= 2);
    if (parts.length === 0) continue;
    const first = parts[0] as string;
    const last = parts[parts.length - 1] as string;
    words.add(escapeRegExp(first));
    if (parts.length > 1) {
      words.add(escapeRegExp(last));
      words.add(`${escapeRegExp(first[0] as string)}\\.?\\s*${escapeRegExp(last)}`);
    }
  }
  // Longest first, so "O. Pritchard" is reported whole rather than as "Pritchard".
  return [...words].sort((a, b) => b.length - a.length).map((w) => new RegExp(`(?<![\\p{L}\\p{N}])${w}(?:['’]s)?(?![\\p{L}\\p{N}])`, 'iu'));
}

/** Every free-text field the document carries that holds a learner's name, in the school's order. */
export function namesInFreeText(year: SchoolYear, document: FreeTextDocument): NameInText[] {
  const patterns = namePatterns(year);
  if (patterns.length === 0) return [];
  const fields: Array<{ path: string; text: string }> = [];
  // The statement introduces each tier in the school's own words, before the tier's lines.
  if (document === 'statement') {
    for (const t of year.tiers) fields.push({ path: `tiers.${t.id}.description`, text: t.description }, { path: `tiers.${t.id}.descriptionCy`, text: t.descriptionCy });
  }
  for (const l of year.lines) {
    fields.push({ path: `lines.${l.id}.name`, text: l.name }, { path: `lines.${l.id}.nameCy`, text: l.nameCy });
    if (document === 'statement') fields.push({ path: `lines.${l.id}.description`, text: l.description }, { path: `lines.${l.id}.descriptionCy`, text: l.descriptionCy });
  }
  if (document === 'return') {
    for (const x of year.income) fields.push({ path: `income.${x.id}.name`, text: x.name }, { path: `income.${x.id}.nameCy`, text: x.nameCy });
    for (const t of year.tiers) fields.push({ path: `tiers.${t.id}.name`, text: t.name });
    for (const a of year.areas) fields.push({ path: `areas.${a.id}.name`, text: a.name });
  }
  const found: NameInText[] = [];
  for (const f of fields) {
    if (f.text.trim() === '') continue;
    // Compared without accents; the position maps back to the text as typed when lengths agree.
    const key = searchKey(f.text);
    for (const p of patterns) {
      const m = p.exec(key);
      if (!m) continue;
      const same = key.length === f.text.length;
      found.push({ path: f.path, text: f.text, found: same ? f.text.slice(m.index, m.index + m[0].length) : m[0] });
      break;
    }
  }
  return found;
}

/** The text at a path `namesInFreeText` reported (`lines.12.description`…), or null when it is gone. */
export function freeTextAt(year: SchoolYear, path: string): string | null {
  const [kind, id, field] = path.split('.');
  const list: ReadonlyArray<{ id: number | string }> | undefined =
    kind === 'lines' ? year.lines : kind === 'income' ? year.income : kind === 'tiers' ? year.tiers : kind === 'areas' ? year.areas : undefined;
  const record = list?.find((r) => String(r.id) === id) as Record<string, unknown> | undefined;
  const value = record && field ? record[field] : undefined;
  return typeof value === 'string' ? value : null;
}
