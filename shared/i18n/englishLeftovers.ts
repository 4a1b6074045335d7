/**
 * For tests that walk Mapio in Welsh: the English catalogue phrases a Welsh reader must never meet.
 * Each English value that differs from its Welsh one is cut at its {{params}}; every piece of four or
 * more letters that is not also Welsh (e.g. "Staff", "Mapio") is a phrase to look for, as whole words.
 */
import { cy } from './cy';
import { en } from './en';

function leaves(value: unknown, prefix = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

export interface EnglishPhrase {
  key: string;
  phrase: string;
}

/** Keys whose English value is the same word in Welsh, or is never shown (e.g. a language code). */
const NOT_ENGLISH = new Set(['export.statement.language', 'export.footerPage', 'app.languageNames.en']);

export function englishPhrases(): EnglishPhrase[] {
  const welsh = new Map(leaves(cy));
  const allWelsh = [...welsh.values()].join('\n');
  const out: EnglishPhrase[] = [];
  for (const [key, english] of leaves(en)) {
    if (NOT_ENGLISH.has(key) || welsh.get(key) === english) continue;
    for (const piece of english.split(/\{\{\w+\}\}/)) {
      const phrase = piece.replace(/^[\s\p{P}\p{S}\d]+|[\s\p{P}\p{S}\d]+$/gu, '');
      if ((phrase.match(/\p{L}/gu) ?? []).length < 4) continue;
      if (allWelsh.includes(phrase)) continue;
      out.push({ key, phrase });
    }
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The English phrases found in `text` (whole words, case as written), with their catalogue keys. */
export function englishIn(text: string, phrases: EnglishPhrase[] = englishPhrases()): EnglishPhrase[] {
  // A phrase must occur at all before it is worth a regular expression for whole words (thousands of phrases).
  return phrases.filter(({ phrase }) => text.includes(phrase) && new RegExp(`(?<![\\p{L}_])${escape(phrase)}(?![\\p{L}_])`, 'u').test(text));
}
