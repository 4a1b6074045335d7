/**
 * Reading the bytes of a CSV exported by a school's MIS. SIMS and older Excel save Windows-1252
 * ("Siân" as the single byte E2); Arbor and newer tools save UTF-8, often with a byte-order mark.
 * Rule: a strict UTF-8 decode first (a Windows-1252 file with any accented letter is almost never
 * valid UTF-8); if that fails, Windows-1252. Characters Windows-1252 lacks (ŷ, ŵ) only exist in UTF-8.
 */
export type MisTextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

export function decodeMisText(bytes: Uint8Array): { text: string; encoding: MisTextEncoding } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    // ignoreBOM: keep the BOM in the text so we can say it was there, then drop it.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return bom ? { text: text.slice(1), encoding: 'utf-8-bom' } : { text, encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Windows-1252 decoded by hand: Node's `new TextDecoder('windows-1252')` (v20–22) decodes as
 * ISO-8859-1, turning the curly quotes and dashes SIMS writes (0x80–0x9F) into control characters.
 * Outside that block the two agree with Unicode's first 256 code points.
 */
const WINDOWS_1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const chunk: number[] = [];
  const flush = () => {
    out += String.fromCharCode(...chunk);
    chunk.length = 0;
  };
  for (const b of bytes) {
    chunk.push(b >= 0x80 && b <= 0x9f ? WINDOWS_1252_80_9F.charCodeAt(b - 0x80) : b);
    if (chunk.length === 8192) flush();
  }
  flush();
  return out;
}

/**
 * RFC 4180 CSV: fields separated by the delimiter, records by CRLF or LF (a lone CR too), a field in
 * double quotes may hold the delimiter, line breaks and "" for a quote. Lenient where MIS exports are
 * sloppy: a quote inside an unquoted field is kept as text, text after a closing quote is appended.
 * The delimiter is guessed from the header line (comma, semicolon or tab, whichever occurs most
 * outside quotes; comma on a tie).
 */
export function parseCsv(text: string, delimiter: string = guessDelimiter(text)): string[][] {
  return [...csvRecords(text, delimiter)];
}

/**
 * The records of `text` one at a time (parseCsv's rules), so a caller can stop early and keep only what it
 * needs: a large CSV is read with memory that does not grow with the file.
 */
export function* csvRecords(text: string, delimiter: string = guessDelimiter(text)): Generator<string[]> {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  const n = text.length;
  const endField = () => {
    record.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < n) {
    // endRecord leaves at most one finished record here; hand it over before reading on.
    if (records.length > 0) yield records.pop() as string[];
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i++;
      continue;
    }
    if (c === delimiter) {
      endField();
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += c;
    fieldStarted = true;
    i++;
  }
  if (records.length > 0) yield records.pop() as string[];
  // The last record, unless the text ended with a line break.
  if (fieldStarted || field !== '' || record.length > 0) {
    endRecord();
    yield records.pop() as string[];
  }
}

export function guessDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [d, count] of counts) if (count > counts.get(best)!) best = d;
  return best;
}
