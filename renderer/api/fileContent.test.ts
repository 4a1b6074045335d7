import { describe, expect, it } from 'vitest';
import { bytesToBase64, fileToBase64 } from './fileContent';

describe('a file’s bytes as base64', () => {
  it('keeps Windows-1252 and UTF-8 bytes exactly (Siân, Llŷr), as the server decodes them', () => {
    const bytes = new Uint8Array([0x53, 0x69, 0xe2, 0x6e, 0x2c, 0x4c, 0x6c, 0xc5, 0xb7, 0x72, 0xef, 0xbb, 0xbf]);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('encodes a file larger than one chunk (a 10,000-row export) without losing a byte', async () => {
    const bytes = new Uint8Array(200_001).map((_, i) => (i * 31) % 256);
    const encoded = await fileToBase64(new Blob([bytes]));
    expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
    expect(Buffer.from(encoded, 'base64').equals(Buffer.from(bytes))).toBe(true);
  });

  it('a return encodes to the same base64 as Node, even larger than one chunk, and nothing to nothing', () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 31 + 7) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });
});
