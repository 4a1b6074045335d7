/**
 * A translate function that fills a catalogue's plain words itself and leaves everything else to i18next.
 *
 * Most of what a screen asks for is a key whose words hold at most `{{name}}` placeholders, asked with no
 * option of i18next's own but a number to count by. For those the words are looked up once per key (with a
 * count: the plural form the language's rules choose, `_zero` first for 0, then `_other`, then the key
 * itself, as i18next looks), and the placeholders filled in one pass, as i18next fills them with the set-up
 * in ./translator.ts (values not escaped, each written as a string, a filled value never read again for
 * placeholders). Everything else goes to i18next: a context or any other of its own options, a key the
 * catalogue has no words for (i18next then falls back to English or answers the key), words with a
 * placeholder of another form or with nesting, a value left out. i18next took about 0.1 ms a call in a fresh window, 22 ms of the large map's first paint
 * (docs/performance.md, "Round 13"). ./plainWords.test.ts holds the two equal for every key of both
 * catalogues.
 */
import type { TFunction } from 'i18next';

/** i18next's own option names (i18next's Translator): an ask with any of them but a numeric `count` is i18next's. */
const I18NEXT_OPTIONS: ReadonlySet<string> = new Set([
  'context',
  'defaultValue',
  'ordinal',
  'replace',
  'lng',
  'lngs',
  'fallbackLng',
  'ns',
  'keySeparator',
  'nsSeparator',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'interpolation',
  'missingInterpolationHandler',
]);

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** A key's words, and whether every placeholder in them is a plain `{{name}}` this module can fill. */
interface Words {
  text: string;
  fillable: boolean;
}

function wordsAt(catalogue: object, key: string): Words | null {
  if (key.includes(':')) return null; // i18next would read a namespace
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, part)) return null;
    node = (node as Record<string, unknown>)[part];
  }
  if (typeof node !== 'string') return null;
  const opened = node.split('{{').length - 1;
  const plain = node.match(PLACEHOLDER)?.length ?? 0;
  return { text: node, fillable: opened === plain && !node.includes('$t(') };
}

/** `t`, with the plain asks of `catalogue`'s keys (in `lang`, the language `t` speaks) answered without i18next. */
export function withPlainWords(t: TFunction, catalogue: object | undefined, lang: string): TFunction {
  if (!catalogue) return t;
  const i18next = t as unknown as (...args: unknown[]) => unknown;
  const found = new Map<string, Words | null>();
  const wordsOf = (key: string): Words | null => {
    let words = found.get(key);
    if (words === undefined) {
      words = wordsAt(catalogue, key);
      found.set(key, words);
    }
    return words;
  };
  let rules: Intl.PluralRules | undefined;
  /** The words i18next would choose for `count`, in this language only (none: i18next falls back). */
  const countedWordsOf = (key: string, count: number): Words | null => {
    rules ??= new Intl.PluralRules(lang, { type: 'cardinal' });
    return (count === 0 ? wordsOf(`${key}_zero`) : null) ?? wordsOf(`${key}_${rules.select(count)}`) ?? wordsOf(`${key}_other`) ?? wordsOf(key);
  };
  const quick = (...args: unknown[]): unknown => {
    const [key, options] = args;
    if (typeof key !== 'string' || args.length > 2) return i18next(...args);
    if (options === undefined) {
      const words = wordsOf(key);
      return words === null || !words.fillable || words.text.includes('{{') ? i18next(...args) : words.text;
    }
    if (typeof options !== 'object' || options === null || Array.isArray(options)) return i18next(...args);
    const values = options as Record<string, unknown>;
    for (const name in values) if (I18NEXT_OPTIONS.has(name)) return i18next(...args);
    const count = values.count;
    if (count !== undefined && typeof count !== 'number') return i18next(...args);
    const words = count === undefined ? wordsOf(key) : countedWordsOf(key, count);
    if (words === null || !words.fillable) return i18next(...args);
    if (!words.text.includes('{{')) return words.text;
    let complete = true;
    const filled = words.text.replace(PLACEHOLDER, (whole, name: string) => {
      const value = values[name];
      if (value === undefined || value === null) {
        complete = false;
        return whole;
      }
      return String(value);
    });
    return complete ? filled : i18next(...args);
  };
  return quick as unknown as TFunction;
}
