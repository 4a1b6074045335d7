/**
 * One operation of the contract: the zod schema its request must pass and the type it answers with,
 * declared side by side, `op(schema).returns<Output>()`, so an operation cannot be added without saying
 * what it answers. The groups (one file per area) are assembled in contract.ts.
 */
import type { z } from 'zod';

declare const answerType: unique symbol;

/** The type an operation answers with. Types vanish at run time: what remains is a mark that it was declared. */
export interface Returns<O> {
  readonly declared: true;
  /** Never set: carries the answer's type for the compiler. */
  readonly [answerType]?: O;
}

export interface Operation<I extends z.ZodType = z.ZodType, O = unknown> {
  /** What a request must be: `parseInput` checks it at every door. */
  readonly input: I;
  /** What the handler answers (a Promise where the handler is asynchronous; every door awaits it). */
  readonly output: Returns<O>;
}

/** Operations by name. Each area's group `satisfies` it, so every entry has both an input and an output. */
export type OperationGroup = Record<string, Operation>;

/** Said instead of an operation when `returns` is given no output type: it fails `OperationGroup`. */
export type OutputTypeMissing = 'name the output type: op(schema).returns<Output>()';

/** Start an operation from its input schema; `.returns<Output>()` finishes it. */
export function op<I extends z.ZodType>(input: I): { returns<O = never>(): Finished<I, O> } {
  return { returns: <O>() => ({ input, output: { declared: true } }) as Finished<I, O> };
}

/** `NoInfer`: the output type is only ever the one named, never guessed from where the operation is used. */
type Finished<I extends z.ZodType, O> = [NoInfer<O>] extends [never] ? OutputTypeMissing : Operation<I, NoInfer<O>>;

/** The answer type an operation declares. */
export type OutputOf<T> = T extends Operation<z.ZodType, infer O> ? O : never;
