/**
 * A second floor for the engine's full recost: what building its output alone costs. The costed map is
 * copied once, every object and array of it made again field by field by a plain recursive copy (no
 * arithmetic, no lookups), so the copy allocates what the engine allocates for its answer and nothing
 * more. The engine must make at least this much; set beside the single-pass floor (singlePassFloor.ts,
 * line costs only), it shows how much of the gap between the engine and that floor is the output itself
 * (docs/performance.md, "Round 14: the engine's output beside its floor").
 */
import { isDeepStrictEqual } from 'node:util';

/** Every object and array of `value` made again, in the same order, with the same fields and values. */
export function copyOfOutput<T>(value: T): T {
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = copyOfOutput(value[i] as unknown);
    return copy as T;
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      copy[key] = copyOfOutput((value as Record<string, unknown>)[key]);
    }
    return copy as T;
  }
  return value;
}

/** How many objects and arrays `value` holds (itself included): the allocations a copy makes. */
export function objectsIn(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let count = 1;
  for (const child of Array.isArray(value) ? value : Object.values(value)) count += objectsIn(child);
  return count;
}

/** Throws unless the copy equals the original in every field, and shares none of its objects. */
export function assertCopyOf<T>(original: T, copy: T): void {
  if (!isDeepStrictEqual(original, copy)) throw new Error("the copy of the engine's output differs from the output");
  if (original !== null && typeof original === 'object' && (original as unknown) === (copy as unknown)) throw new Error("the copy of the engine's output is the output itself");
}
