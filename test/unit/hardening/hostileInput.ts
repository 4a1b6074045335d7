/**
 * Hostile payloads for fuzz.test.ts: an arbitrary built from each operation's own zod schema (so new
 * operations are fuzzed without anyone writing a generator), mixed with values meant to break things.
 */
import fc from 'fast-check';
import type { z } from 'zod';

/** Numbers and strings that have broken parsers, databases and money arithmetic before. */
export const HOSTILE_NUMBERS = [NaN, Infinity, -Infinity, -1, -0, 0.5, 1e308, -1e308, 2 ** 53, 2 ** 31, Number.MIN_VALUE, 1e-7, 0];
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'x'.repeat(100_001),
  "Robert'); DROP TABLE learners;--",
  '<script>alert(1)</script>',
  '=HYPERLINK("http://evil")',
  '../../../../etc/passwd',
  '\uD800',
  '🦄'.repeat(50),
  '__proto__',
  'constructor',
  '2026-02-30',
  'NaN',
  '1e309',
];

function deepNesting(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

/** `__proto__` as an own key (as JSON.parse makes it), plus `constructor` and `prototype`. */
export function pollutingObject(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const parsed = JSON.parse('{"__proto__": {"polluted": "yes", "isAdmin": true}, "constructor": {"prototype": {"polluted": "yes"}}}') as Record<string, unknown>;
  return Object.assign(parsed, extra);
}

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...HOSTILE_NUMBERS, ...HOSTILE_STRINGS, null, undefined, true, false, [], {}, deepNesting(2000), [[[[[]]]]]),
  fc.constant(null).map(() => pollutingObject()),
  fc.anything({ maxDepth: 3, maxKeys: 4, withBigInt: false }),
  fc.array(fc.integer(), { minLength: 5001, maxLength: 5001 }),
);

type AnyDef = { type: string } & Record<string, unknown>;
const defOf = (schema: unknown): AnyDef => (schema as { _zod: { def: AnyDef } })._zod.def;

/**
 * A valid-ish value for a zod schema: the right shape, with values that are often valid and often not
 * (random ids, negative and fractional numbers, odd strings). `pathString` is used for fields named
 * like file paths, so the fuzz never writes outside its sandbox folder.
 */
export function arbitraryFor(schema: unknown, pathString: fc.Arbitrary<string>, key = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, field] of Object.entries(shape)) fields[name] = arbitraryFor(field, pathString, name);
      return fc.record(fields, { requiredKeys: Object.keys(shape).filter((name) => !['optional', 'default', 'prefault'].includes(defOf(shape[name]).type)) });
    }
    case 'string':
      if (/^(path|to)$/i.test(key)) return pathString;
      return fc.oneof(
        { weight: 4, arbitrary: fc.string({ maxLength: 24 }) },
        { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
        { weight: 2, arbitrary: fc.constantFrom('2026-09-07', 'CG1003', 'targeted', 'alp', 'cognition_learning', '2026-27', 'a.csv') },
      );
    case 'number':
    case 'int':
      return fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 40 }) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) }, { weight: 1, arbitrary: fc.integer() });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'array':
      return fc.array(arbitraryFor(def.element, pathString, key), { maxLength: 4 });
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map((item) => arbitraryFor(item, pathString, key)));
    case 'optional':
      return fc.option(arbitraryFor(def.innerType, pathString, key), { nil: undefined });
    case 'nullable':
      return fc.option(arbitraryFor(def.innerType, pathString, key), { nil: null });
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return arbitraryFor(def.innerType, pathString, key);
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((option) => arbitraryFor(option, pathString, key)));
    case 'pipe':
      return arbitraryFor(def.in, pathString, key);
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 8 }), arbitraryFor(def.valueType, pathString, key), { maxKeys: 3 });
    default:
      return hostileValue;
  }
}

/** One thing wrong with an otherwise well-shaped payload. */
export function mutated(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(base, fc.nat(), hostileValue, fc.constantFrom('set', 'delete', 'unknown', 'proto', 'wrap')).map(([value, pick, hostile, how]) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return hostile;
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const key = keys.length > 0 ? (keys[pick % keys.length] as string) : 'id';
    switch (how) {
      case 'set':
        copy[key] = hostile;
        return copy;
      case 'delete':
        delete copy[key];
        return copy;
      case 'unknown':
        copy[`unexpected_${pick % 7}`] = hostile;
        return copy;
      case 'proto':
        return pollutingObject(copy);
      default:
        return [copy];
    }
  });
}

/** Everything the fuzz throws at an operation whose input schema is `schema`. */
export function payloadsFor(schema: z.ZodType, pathString: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  const shaped = arbitraryFor(schema, pathString);
  return fc.oneof({ weight: 3, arbitrary: shaped }, { weight: 4, arbitrary: mutated(shaped) }, { weight: 2, arbitrary: hostileValue });
}
