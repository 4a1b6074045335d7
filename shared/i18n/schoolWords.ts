/**
 * The school's own words in the reader's language (docs/welsh.md): everything the school names has an
 * English text and an optional Welsh one. A Welsh reader gets the Welsh where it is given and the English
 * as typed where it is not; an English reader always gets the English. `untranslated` lists what a Welsh
 * reader would still see in English, so screens can say what lacks Welsh and documents can mark it.
 */
import type { Enrolment, SchoolYear } from '../domain';
import { authorityLacksWelsh } from '../localAuthorities';
import type { Lang } from './index';

/** The Welsh text when reading Welsh and one is given; otherwise the English. */
export function inLanguage(english: string, welsh: string, lang: Lang): string {
  return lang === 'cy' && welsh.trim() !== '' ? welsh : english;
}

/** True when a Welsh reader of this text sees the English (no Welsh given for a non-empty English text). */
export function lacksWelsh(english: string, welsh: string): boolean {
  return english.trim() !== '' && welsh.trim() === '';
}

/**
 * The year with every text the school typed in `lang`: the school's name and the source of its ALP
 * definition, tiers (name and description for parents), areas, lines (name, description and funding note), income (name and source), other
 * costs and measures (name and unit). Ids, figures and everything else are the same objects' values, so
 * costing it gives the same figures. English returns the year itself.
 */
export function yearInLanguage(year: SchoolYear, lang: Lang): SchoolYear {
  if (lang !== 'cy') return year;
  return {
    ...year,
    school: {
      ...year.school,
      name: inLanguage(year.school.name, year.school.nameCy, lang),
      alpDefinitionSource: inLanguage(year.school.alpDefinitionSource, year.school.alpDefinitionSourceCy, lang),
    },
    tiers: year.tiers.map((x) => ({ ...x, name: inLanguage(x.name, x.nameCy, lang), description: inLanguage(x.description, x.descriptionCy, lang) })),
    areas: year.areas.map((x) => ({ ...x, name: inLanguage(x.name, x.nameCy, lang) })),
    lines: year.lines.map((l) => ({
      ...l,
      name: inLanguage(l.name, l.nameCy, lang),
      description: inLanguage(l.description, l.descriptionCy, lang),
      fundingNote: inLanguage(l.fundingNote, l.fundingNoteCy, lang),
    })),
    income: year.income.map((x) => ({ ...x, name: inLanguage(x.name, x.nameCy, lang), source: inLanguage(x.source, x.sourceCy, lang) })),
    otherCosts: year.otherCosts.map((x) => ({ ...x, name: inLanguage(x.name, x.nameCy, lang) })),
    enrolments: year.enrolments.map((e) => ({ ...e, measureName: inLanguage(e.measureName, e.measureNameCy, lang), measureUnit: inLanguage(e.measureUnit, e.measureUnitCy, lang) })),
  };
}

export type UntranslatedKind =
  'school' | 'localAuthority' | 'alpDefinitionSource' | 'tier' | 'tierDescription' | 'area' | 'line' | 'lineDescription' | 'fundingNote' | 'income' | 'incomeSource' | 'otherCost';

/** What a Welsh reader would still read in English (names and the other texts Welsh documents show), record by record, in the order the school sees them. */
export function untranslated(year: SchoolYear): Array<{ kind: UntranslatedKind; id: number | string; name: string }> {
  const out: Array<{ kind: UntranslatedKind; id: number | string; name: string }> = [];
  if (lacksWelsh(year.school.name, year.school.nameCy) && !/^ysgol\b/i.test(year.school.name)) out.push({ kind: 'school', id: 1, name: year.school.name });
  // A chosen authority has its Welsh name from Mapio's list; a typed one lacks Welsh until the school gives it.
  if (authorityLacksWelsh(year.school)) out.push({ kind: 'localAuthority', id: 1, name: year.school.localAuthority });
  if (lacksWelsh(year.school.alpDefinitionSource, year.school.alpDefinitionSourceCy)) out.push({ kind: 'alpDefinitionSource', id: 1, name: year.school.alpDefinitionSource });
  for (const x of year.tiers) {
    if (lacksWelsh(x.name, x.nameCy)) out.push({ kind: 'tier', id: x.id, name: x.name });
    if (lacksWelsh(x.description, x.descriptionCy)) out.push({ kind: 'tierDescription', id: x.id, name: x.name });
  }
  for (const x of year.areas) if (lacksWelsh(x.name, x.nameCy)) out.push({ kind: 'area', id: x.id, name: x.name });
  for (const l of year.lines) {
    if (lacksWelsh(l.name, l.nameCy)) out.push({ kind: 'line', id: l.id, name: l.name });
    if (lacksWelsh(l.description, l.descriptionCy)) out.push({ kind: 'lineDescription', id: l.id, name: l.name });
    if (lacksWelsh(l.fundingNote, l.fundingNoteCy)) out.push({ kind: 'fundingNote', id: l.id, name: l.name });
  }
  for (const x of year.income) {
    if (lacksWelsh(x.name, x.nameCy)) out.push({ kind: 'income', id: x.id, name: x.name });
    if (lacksWelsh(x.source, x.sourceCy)) out.push({ kind: 'incomeSource', id: x.id, name: x.name });
  }
  for (const x of year.otherCosts) if (lacksWelsh(x.name, x.nameCy)) out.push({ kind: 'otherCost', id: x.id, name: x.name });
  return out;
}

type MeasureWord = 'measureName' | 'measureUnit';
const WELSH_OF: Record<MeasureWord, 'measureNameCy' | 'measureUnitCy'> = { measureName: 'measureNameCy', measureUnit: 'measureUnitCy' };
const welshWordsOf: Record<MeasureWord, WeakMap<readonly Enrolment[], ReadonlyMap<string, string>>> = { measureName: new WeakMap(), measureUnit: new WeakMap() };

/** Each English `word` (trimmed) typed on the enrolments with the first Welsh the school typed beside it (trimmed). */
function welshMeasureWords(enrolments: readonly Enrolment[], word: MeasureWord): ReadonlyMap<string, string> {
  let words = welshWordsOf[word].get(enrolments);
  if (!words) {
    const found = new Map<string, string>();
    for (const e of enrolments) {
      const english = e[word].trim();
      const welsh = e[WELSH_OF[word]].trim();
      if (english && welsh && !found.has(english)) found.set(english, welsh);
    }
    welshWordsOf[word].set(enrolments, (words = found));
  }
  return words;
}

/**
 * Each measure of progress's Welsh name by its English name (both trimmed), as the school typed it on the
 * enrolments measured by it (the first Welsh name given). The engine groups measures by their English names;
 * a Welsh reader is shown the Welsh. Worked out once per list of enrolments.
 */
export function welshMeasureNames(enrolments: readonly Enrolment[]): ReadonlyMap<string, string> {
  return welshMeasureWords(enrolments, 'measureName');
}

/**
 * Each measure's unit in Welsh by its English unit (both trimmed): "mis" for "months", the first Welsh unit
 * the school typed beside that English unit. Worked out once per list of enrolments.
 */
export function welshMeasureUnits(enrolments: readonly Enrolment[]): ReadonlyMap<string, string> {
  return welshMeasureWords(enrolments, 'measureUnit');
}

/** A measure of progress's words (as the engine gives them: in English) as a reader in one language reads them. */
export interface MeasureWords {
  name(english: string): string;
  unit(english: string): string;
}

const ENGLISH_MEASURE_WORDS: MeasureWords = { name: (english) => english, unit: (english) => english };

/**
 * The one rule for a measure's name and unit, on screens and in documents alike: a Welsh reader sees the
 * Welsh the school typed for that English name or unit, and the English as typed where it gave none; an
 * English reader always sees the English.
 */
export function measureWordsIn(enrolments: readonly Enrolment[], lang: Lang): MeasureWords {
  if (lang !== 'cy') return ENGLISH_MEASURE_WORDS;
  const names = welshMeasureNames(enrolments);
  const units = welshMeasureUnits(enrolments);
  return { name: (english) => names.get(english.trim()) ?? english, unit: (english) => units.get(english.trim()) ?? english };
}
