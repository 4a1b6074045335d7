import { describe, expect, it } from 'vitest';
import { returnsToSend } from './returnFiles';

describe('returns as the browser hands them over', () => {
  it('are sent in the order the folder lists them, skipping only Excel lock files', () => {
    const files = [{ name: '10.xlsx' }, { name: '~$02.xlsx' }, { name: '2.xlsx' }, { name: 'notes.txt' }, { name: '1.xlsx' }];
    expect(returnsToSend(files).map((f) => f.name)).toEqual(['1.xlsx', '2.xlsx', '10.xlsx', 'notes.txt']);
  });
});
