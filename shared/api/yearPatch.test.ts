/**
 * A patch applied to the value it was taken from gives the later value (as JSON carries it), for any two
 * values: records in lists by key (added, removed, moved, changed), other lists by place, objects by field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyValuePatch, diffValues } from './yearPatch';

const asJson = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
const roundTrip = (before: unknown, after: unknown): unknown => {
  const patch = diffValues(before, after);
  // The patch crosses the wire as JSON, and so does the view it is applied to.
  return patch === null ? asJson(before) : applyValuePatch(asJson(before), asJson(patch) as never);
};

/** Lists of records with ids, as the year's lines, staff and learners are. */
const records = fc.uniqueArray(fc.record({ id: fc.integer({ min: 1, max: 30 }), n: fc.integer({ min: 0, max: 3 }), tag: fc.constantFrom('a', 'b') }), {
  selector: (r) => r.id,
  maxLength: 12,
});
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.integer(), fc.string({ maxLength: 3 }), fc.boolean(), fc.constant(null)),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), records, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('x', 'y', 'z', 'id'), tie('node'), { maxKeys: 3 })),
})).node;

describe('diffValues and applyValuePatch', () => {
  it('rebuild the later value from the earlier one, for any two values', () => {
    fc.assert(
      fc.property(value, value, (before, after) => {
        expect(roundTrip(before, after)).toEqual(asJson(after));
      }),
      { numRuns: 2_000 },
    );
  });

  it('rebuild a list of records after any additions, removals, moves and changes, naming only what changed', () => {
    fc.assert(
      fc.property(records, records, (before, after) => {
        expect(roundTrip({ lines: before }, { lines: after })).toEqual({ lines: after });
      }),
      { numRuns: 2_000 },
    );
    const before = [
      { id: 1, n: 1 },
      { id: 2, n: 2 },
    ];
    expect(diffValues({ lines: before }, { lines: [before[0], { id: 2, n: 3 }] })).toEqual({ fields: { lines: { byKey: 'id', items: { '2': { fields: { n: { set: 3 } } } } } } });
    expect(diffValues({ lines: before }, { lines: [...before] })).toBeNull();
  });

  it('name records by a key only when it is unique as text: 1 and "1" are the same name', () => {
    const before = [{ id: 1 }, { id: '1' }];
    const after = [{ id: '1' }, { id: 1 }];
    const patch = diffValues(before, after);
    expect(patch).not.toHaveProperty('byKey');
    expect(roundTrip(before, after)).toEqual(after);
    expect(diffValues([{ id: 1 }, { id: '2' }], [{ id: '2' }, { id: 1 }])).toHaveProperty('byKey', 'id');
    expect(diffValues([{ id: 0 }, { id: -0 }], [{ id: 0 }])).not.toHaveProperty('byKey');
    expect(diffValues([{ id: 1 }, { id: 2 }, { id: 2 }], [{ id: 1 }])).not.toHaveProperty('byKey');
    expect(diffValues([{ id: 1 }, { id: 3 }, { id: 2 }], [{ id: 1 }])).toHaveProperty('byKey', 'id');
  });

  it('treat an undefined field as absent, as JSON does', () => {
    expect(diffValues({ a: 1, b: undefined }, { a: 1 })).toBeNull();
    expect(roundTrip({ a: 1, b: 2 }, { a: 1, b: undefined })).toEqual({ a: 1 });
  });
});
