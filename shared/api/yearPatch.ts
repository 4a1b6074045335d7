/**
 * What changed between two views of the year, as a patch a client applies to the view it holds. A change
 * to one line answers with that line's record, its costed row, the rows whose shares, figures or checks
 * moved, and the totals, not the whole costed year again (docs/performance.md).
 *
 * The patch is found by comparing the two views value by value, so it is exactly what differs: applying
 * it to the earlier view gives a view equal to the later one (JSON-equal: an absent field and an
 * undefined one are the same, as on the wire). Lists of records (each with its own id, line, learner,
 * staff member, enrolment or key) are compared record by record, so a line added in the middle of the
 * list does not make every later line look changed; other lists are compared place by place.
 * Unchanged parts of the view keep their identity when a patch is applied, so a screen that compares
 * rows by reference re-renders only the changed ones.
 */
import type { YearView } from './year';

/** A change to one value: replaced whole, some fields of an object, some records of a list. */
export type ValuePatch =
  /** The new value, whole. */
  | { set: unknown }
  /** An object: its changed fields, and the fields it no longer has. */
  | { fields: Record<string, ValuePatch>; drop?: string[] }
  /** A list of records with a unique `byKey` field: the changed or new records by key, and the new order of keys when it changed. */
  | { byKey: string; items: Record<string, ValuePatch>; order?: Array<string | number> }
  /** Any other list: the changed places, and its new length. */
  | { items: Record<string, ValuePatch>; length: number };

/** From the view a client holds (`from`) to the view after a change (`to`). */
export interface YearPatch {
  from: string;
  to: string;
  /** Null when nothing in the view changed. */
  changes: ValuePatch | null;
}

/** Fields that name a record, in the order they are tried. */
const RECORD_KEYS = ['id', 'lineId', 'enrolmentId', 'learnerId', 'staffId', 'key'] as const;

type Key = string | number;
type Plain = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The field every record of both lists has, unique within each list; null when there is none. */
function recordKeyOf(a: unknown[], b: unknown[]): string | null {
  const first = a[0] ?? b[0];
  if (!isPlainObject(first)) return null;
  for (const field of RECORD_KEYS) {
    if (!(field in first)) continue;
    if (knownUniqueKeys(a, field) && uniqueKeysAfter(a, b, field)) return field;
  }
  return null;
}

/**
 * The lists found to have unique keys, with the fields, as a list is compared with the next view's: the
 * later list of one comparison is the earlier of the next. A view's lists are never changed in place (the
 * reader's records and lists are frozen; a costing makes new lists), so what held of a list holds still.
 */
const uniqueKeyed = new WeakMap<unknown[], string>();

function knownUniqueKeys(list: unknown[], field: string): boolean {
  return uniqueKeyed.get(list) === field || uniqueKeys(list, field);
}

/**
 * uniqueKeys(after, field), given that `before`'s keys are unique: when `after` has, place by place, the
 * same record or a record with the same key, its keys are `before`'s and so unique too, found without
 * reading each key (an edit leaves most records the same objects).
 */
function uniqueKeysAfter(before: unknown[], after: unknown[], field: string): boolean {
  let same = before.length === after.length;
  for (let i = 0; same && i < after.length; i++) {
    const record = after[i];
    if (record !== before[i] && !(isPlainObject(record) && record[field] === (before[i] as Plain)[field])) same = false;
  }
  if (!same && !uniqueKeys(after, field)) return false;
  uniqueKeyed.set(after, field);
  return true;
}

/**
 * Every item a record whose `field` is a number or text, unique as text (how a patch names it). Numbers in
 * rising order (the lists of a view mostly are: records by id) are unique as text without a Set: two
 * different numbers are two different texts. Otherwise the keys are compared as they are: two equal keys are
 * equal as text, and two different numbers (or two different texts) are different as text, so only a list
 * holding both numbers and texts is compared as text again.
 */
function uniqueKeys(list: unknown[], field: string): boolean {
  let last = -Infinity;
  let rising = 0;
  for (; rising < list.length; rising++) {
    const item = list[rising];
    if (!isPlainObject(item)) return false;
    const key = item[field];
    if (typeof key !== 'number' || !(key > last)) break;
    last = key;
  }
  if (rising === list.length) return true;
  const seen = new Set<Key>();
  let numbers = false;
  let texts = false;
  for (const item of list) {
    if (!isPlainObject(item)) return false;
    const key = item[field];
    if (typeof key === 'number') numbers = true;
    else if (typeof key === 'string') texts = true;
    else return false;
    if (seen.has(key)) return false;
    seen.add(key);
  }
  if (!(numbers && texts)) return true;
  const named = new Set<string>();
  for (const key of seen) named.add(String(key));
  return named.size === seen.size;
}

/** What changed from `before` to `after`; null when they are equal. */
export function diffValues(before: unknown, after: unknown): ValuePatch | null {
  if (before === after) return null;
  if (Array.isArray(before) && Array.isArray(after)) return diffLists(before, after);
  if (isPlainObject(before) && isPlainObject(after)) return diffObjects(before, after);
  if (typeof before === 'number' && typeof after === 'number' && Number.isNaN(before) && Number.isNaN(after)) return null;
  return { set: after };
}

function diffObjects(before: Plain, after: Plain): ValuePatch | null {
  let fields: Record<string, ValuePatch> | null = null;
  let drop: string[] | null = null;
  for (const field of Object.keys(after)) {
    const next = after[field];
    if (next === undefined) continue;
    const change = diffValues(before[field], next);
    if (change) (fields ??= {})[field] = change;
  }
  for (const field of Object.keys(before)) {
    if (before[field] !== undefined && after[field] === undefined) (drop ??= []).push(field);
  }
  if (!fields && !drop) return null;
  return drop ? { fields: fields ?? {}, drop } : { fields: fields ?? {} };
}

function diffLists(before: unknown[], after: unknown[]): ValuePatch | null {
  const byKey = before.length > 0 || after.length > 0 ? recordKeyOf(before, after) : null;
  if (byKey) {
    // The earlier records by key, made only when a record is not at its earlier place (keys are unique, so
    // the record at the same place with the same key is the earlier one with that key).
    let earlier: Map<Key, unknown> | null = null;
    let items: Record<string, ValuePatch> | null = null;
    let reordered = before.length !== after.length;
    for (let i = 0; i < after.length; i++) {
      const record = after[i] as Plain;
      if (i < before.length && before[i] === record) continue;
      const key = record[byKey] as Key;
      let change: ValuePatch | null;
      if (i < before.length && (before[i] as Plain)[byKey] === key) change = diffValues(before[i], record);
      else {
        reordered = true;
        if (!earlier) {
          earlier = new Map<Key, unknown>();
          for (const earlierRecord of before) earlier.set((earlierRecord as Plain)[byKey] as Key, earlierRecord);
        }
        change = earlier.has(key) ? diffValues(earlier.get(key), record) : { set: record };
      }
      if (change) (items ??= {})[String(key)] = change;
    }
    if (!items && !reordered) return null;
    const patch: ValuePatch = { byKey, items: items ?? {} };
    if (reordered) patch.order = after.map((record) => (record as Plain)[byKey] as Key);
    return patch;
  }
  let items: Record<string, ValuePatch> | null = null;
  for (let i = 0; i < after.length; i++) {
    const change = i < before.length ? diffValues(before[i], after[i]) : { set: after[i] };
    if (change) (items ??= {})[String(i)] = change;
  }
  if (!items && before.length === after.length) return null;
  return { items: items ?? {}, length: after.length };
}

/** `value` with `patch` applied; what the patch leaves alone keeps its identity. */
export function applyValuePatch(value: unknown, patch: ValuePatch): unknown {
  if ('set' in patch) return patch.set;
  if ('fields' in patch) {
    const next: Plain = { ...(value as Plain) };
    for (const [field, change] of Object.entries(patch.fields)) next[field] = applyValuePatch(next[field], change);
    for (const field of patch.drop ?? []) delete next[field];
    return next;
  }
  const list = value as unknown[];
  if ('byKey' in patch) {
    const { byKey, items } = patch;
    // In the same order (the usual edit): each record in its place, changed where the patch names it.
    if (!patch.order)
      return list.map((record) => {
        const change = items[String((record as Plain)[byKey])];
        return change ? applyValuePatch(record, change) : record;
      });
    const earlier = new Map<string, unknown>();
    for (const record of list) earlier.set(String((record as Plain)[byKey]), record);
    const order = patch.order ?? list.map((record) => (record as Plain)[byKey] as Key);
    return order.map((key) => {
      const change = items[String(key)];
      const record = earlier.get(String(key));
      return change ? applyValuePatch(record, change) : record;
    });
  }
  const next = list.slice(0, patch.length);
  for (const [place, change] of Object.entries(patch.items)) {
    const i = Number(place);
    next[i] = applyValuePatch(next[i], change);
  }
  return next;
}

/** Whether a value is a whole view of the year (what `year.get` and `file.open` answer). */
export function isYearView(value: unknown): value is YearView {
  return isPlainObject(value) && isPlainObject(value.data) && isPlainObject(value.costed) && isPlainObject(value.history) && 'file' in value;
}

/** The view a client holds, brought up to `patch.to`. The caller has checked `held.version === patch.from`. */
export function applyYearPatch(held: YearView, patch: YearPatch): YearView {
  const next = patch.changes ? (applyValuePatch(held, patch.changes) as YearView) : { ...held };
  return { ...next, version: patch.to };
}
