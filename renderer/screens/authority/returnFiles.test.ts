import { describe, expect, it } from 'vitest';
import { bytesToBase64, returnsToSend } from './returnFiles';

describe('returns as the browser hands them over', () => {
  it('encode to the same base64 as Node, even for a file larger than one chunk', () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 31 + 7) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });

  it('are sent in the order the folder lists them, skipping only Excel lock files', () => {
    const files = [{ name: '10.xlsx' }, { name: '~$02.xlsx' }, { name: '2.xlsx' }, { name: 'notes.txt' }, { name: '1.xlsx' }];
    expect(returnsToSend(files).map((f) => f.name)).toEqual(['1.xlsx', '2.xlsx', '10.xlsx', 'notes.txt']);
  });
});
