/**
 * Every operation declares what it takes and what it answers, side by side: the compiler refuses one
 * without an output (the `@ts-expect-error` lines fail `npx tsc` if it ever stops refusing), and at run
 * time every name in the contract has both halves, in exactly one area.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { OPERATION_GROUPS, operations, type AppInfo, type MutationResult, type OperationName, type OperationOutput, type YearView } from './contract';
import { op, type OperationGroup } from './operation';

describe('an operation without an output does not compile', () => {
  it('an input schema alone is refused', () => {
    const group = {
      // @ts-expect-error: `.returns<Output>()` is missing, so this is not an operation
      'lines.create': op(z.strictObject({})),
    } satisfies OperationGroup;
    expect(Object.keys(group)).toEqual(['lines.create']);
  });

  it('`.returns()` without naming the output type is refused', () => {
    const group = {
      // @ts-expect-error: the output type is not named
      'lines.create': op(z.strictObject({})).returns(),
    } satisfies OperationGroup;
    expect(Object.keys(group)).toEqual(['lines.create']);
  });

  it('an entry written by hand with no output is refused', () => {
    const group = {
      // @ts-expect-error: `output` is missing
      'lines.create': { input: z.strictObject({}) },
    } satisfies OperationGroup;
    expect(Object.keys(group)).toEqual(['lines.create']);
  });

  it('outputs are the types declared beside the inputs, none unknown', () => {
    expectTypeOf<OperationOutput<'lines.create'>>().toEqualTypeOf<MutationResult>();
    expectTypeOf<OperationOutput<'year.get'>>().toEqualTypeOf<YearView>();
    expectTypeOf<OperationOutput<'app.info'>>().toEqualTypeOf<AppInfo>();
    type Undeclared = { [N in OperationName]: unknown extends OperationOutput<N> ? N : never }[OperationName];
    expectTypeOf<Undeclared>().toBeNever();
  });
});

describe('every operation in the contract', () => {
  const names = Object.keys(operations) as OperationName[];

  it('has an input schema and a declared output', () => {
    expect(names.length).toBeGreaterThan(30);
    for (const name of names) {
      const operation = operations[name] as unknown as Record<string, unknown>;
      expect(operation.input, name).toBeInstanceOf(z.ZodType);
      expect(operation.output, name).toEqual({ declared: true });
    }
  });

  it('is declared in exactly one area, and every area’s operations are in the contract', () => {
    const declared = OPERATION_GROUPS.flatMap((group) => Object.keys(group));
    expect(declared.length).toBe(new Set(declared).size);
    expect([...declared].sort()).toEqual([...names].sort());
    for (const group of OPERATION_GROUPS) {
      for (const [name, operation] of Object.entries(group)) expect(operations[name as OperationName], name).toBe(operation);
    }
  });
});
