import { describe, expect, it } from 'vitest';
import { decodeMisText, decodeWindows1252, guessDelimiter, parseCsv } from './misText';
import { looksLikeFormula } from './misTable';

const cp1252 = (text: string) =>
  Uint8Array.from(
    [...text].map((c) => {
      const code = c.charCodeAt(0);
      if (code > 0xff) throw new Error(`${c} is not in this test's Latin-1 subset`);
      return code;
    }),
  );

describe('decoding an MIS export’s bytes', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    const utf8 = new TextEncoder().encode('Siân,Llŷr,Nóra');
    expect(decodeMisText(utf8)).toEqual({ text: 'Siân,Llŷr,Nóra', encoding: 'utf-8' });
    expect(decodeMisText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text: 'Siân,Llŷr,Nóra', encoding: 'utf-8-bom' });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8 (SIMS, older Excel)', () => {
    // â = E2, ó = F3, ï = EF as single bytes: not valid UTF-8.
    expect(decodeMisText(cp1252('Siân,Nóra,Gwenllïan'))).toEqual({ text: 'Siân,Nóra,Gwenllïan', encoding: 'windows-1252' });
    // Windows-1252 has no ŷ: a SIMS export can only carry "Llyr"; the 0x80–0x9F block is Windows', not Latin-1's.
    expect(decodeMisText(Uint8Array.from([0x93, 0x4c, 0x6c, 0x79, 0x72, 0x94])).text).toBe('“Llyr”');
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x85, 0x8c, 0x96, 0x97, 0x9c, 0x9f, 0xa0, 0xff]))).toBe('€…Œ–—œŸ\u00a0ÿ');
  });
});

describe('RFC 4180 CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and CRLF records', () => {
    const csv = 'a,b,c\r\n"Williams, Jr","She said ""hi""","two\r\nlines"\r\n1,,3\r\n';
    expect(parseCsv(csv)).toEqual([
      ['a', 'b', 'c'],
      ['Williams, Jr', 'She said "hi"', 'two\r\nlines'],
      ['1', '', '3'],
    ]);
  });

  it('keeps blank lines as blank records and reads a last line without a line break', () => {
    expect(parseCsv('a,b\n\n1,2')).toEqual([['a', 'b'], [''], ['1', '2']]);
    expect(parseCsv('a,b\r1,2\r')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,""\n')).toEqual([['a', '']]);
  });

  it('guesses semicolon and tab delimiters from the header line, ignoring quoted ones', () => {
    expect(guessDelimiter('UPN;Surname;Year\n1;2;3')).toBe(';');
    expect(guessDelimiter('UPN\tSurname\tYear')).toBe('\t');
    expect(guessDelimiter('"a;b;c",d\n')).toBe(',');
    expect(parseCsv('UPN;Name\nW1;"Evans; Rhys"')).toEqual([
      ['UPN', 'Name'],
      ['W1', 'Evans; Rhys'],
    ]);
  });

  it('is lenient with a stray quote inside an unquoted field', () => {
    expect(parseCsv('O"Brien,x')).toEqual([['O"Brien', 'x']]);
  });
});

describe('formula values in CSV', () => {
  it('treat = + - @ as formulas unless the value is a plain number', () => {
    for (const f of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', ' =HYPERLINK("x")']) expect(looksLikeFormula(f), f).toBe(true);
    for (const v of ['-3', '+44', '-0.5', '3', 'Jones', '', 'Smith-Jones']) expect(looksLikeFormula(v), v).toBe(false);
  });
});
