/**
 * An .xlsx is a zip of XML files, and a zip can promise small and deliver huge: 1.4 MB that inflates to
 * ten million rows (a "zip bomb"). exceljs builds the whole workbook in memory, so a file is measured
 * BEFORE exceljs sees it, in flat memory:
 *
 * 1. the zip's central directory (read with yauzl, which reads only the directory and checks each entry's
 *    declared sizes as it inflates): how many entries, and how large each says it is and all say they are;
 * 2. every entry inflated once and thrown away, with the rows of each worksheet counted (`<row` elements):
 *    a small entry in one synchronous call stopped at its declared size, a large one as a stream through
 *    yauzl (which stops an entry that inflates to more than it declared); either way an entry that
 *    inflates to more or less than it declares is refused.
 *
 * Anything past the limits is refused with a sentence saying what is too large; nothing is kept but counts.
 * yauzl (rather than exceljs's own unzipper, or hand-written zip parsing) because reading the central
 * directory alone and refusing entries that lie about their size is exactly what it is built for.
 */
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';

export interface SpreadsheetLimits {
  /** Most entries (files) in the zip: a workbook has a few dozen. */
  entries: number;
  /** Most bytes any one entry may inflate to. */
  entryBytes: number;
  /** Most bytes all entries together may inflate to. */
  totalBytes: number;
  /** Most rows in all worksheets together. */
  rows: number;
}

/** Why a spreadsheet was refused before it was read; `reason` finishes "“name.xlsx” …". */
export class SpreadsheetTooLarge extends Error {
  /** `kind` says which limit it passed; `params` its figures: the words are the catalogue's (`apiError.reason.spreadsheet.<kind>`). */
  constructor(
    readonly reason: string,
    readonly kind: 'entries' | 'entryBytes' | 'totalBytes' | 'rows' | 'zipBomb',
    readonly params: Record<string, string | number> = {},
  ) {
    super(reason);
    this.name = 'SpreadsheetTooLarge';
  }
}

/** The file is not a zip Mapio can read at all (damaged, cut short, or an unsupported kind of zip). */
export class SpreadsheetUnreadable extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'SpreadsheetUnreadable';
  }
}

export interface SpreadsheetMeasure {
  entries: number;
  /** Bytes all entries inflated to. */
  bytes: number;
  /** Rows in all worksheets together. */
  rows: number;
}

/** A spreadsheet measured and, within its limits, unpacked: each part's bytes by its name in the zip. */
export interface UnpackedSpreadsheet extends SpreadsheetMeasure {
  parts: Map<string, Buffer>;
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString('en-GB')} MB`;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
/** A row element's start tag, with or without a namespace prefix: <row …>, <x:row …>, <row/>. */
const ROW_TAG = /<(?:[A-Za-z_][\w.-]{0,30}:)?row[\s>/]/g;
/** Longer than any ROW_TAG match: what is carried from one chunk to the next so a tag split across them is seen. */
const CARRY = 64;

/** Count row start tags in a stream of XML, without keeping it. */
export class RowCounter {
  rows = 0;
  private carry = '';

  push(chunk: Buffer): void {
    const text = this.carry + chunk.toString('latin1');
    ROW_TAG.lastIndex = 0;
    for (let m = ROW_TAG.exec(text); m !== null; m = ROW_TAG.exec(text)) {
      // A tag is counted in the chunk where it ends, so one carried over is never counted twice.
      if (m.index + m[0].length > this.carry.length) this.rows++;
    }
    this.carry = text.slice(-CARRY);
  }
}

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true }, (error, zip) => {
      if (error || !zip) reject(new SpreadsheetUnreadable(error?.message ?? 'no zip'));
      else resolve(zip);
    });
  });
}

function entryStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) reject(new SpreadsheetUnreadable(error?.message ?? 'no stream'));
      else resolve(stream);
    });
  });
}

/** An entry that declares at most this many bytes is inflated in one synchronous call (see below). */
const SMALL_ENTRY_BYTES = 1024 * 1024;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const tooManyRows = (limits: SpreadsheetLimits) =>
  new SpreadsheetTooLarge(`has more than ${limits.rows.toLocaleString('en-GB')} rows; Mapio reads at most that many`, 'rows', { most: limits.rows.toLocaleString('en-GB') });
const zipBomb = () => new SpreadsheetTooLarge('is not what it says it is: a part of it unpacks to more than it declares (a “zip bomb”)', 'zipBomb');

/**
 * A small entry (a return's parts are a few kilobytes each) inflated at once, in this thread: zlib's
 * streams hand every chunk to the thread pool and back, which cost a return more waiting than reading.
 * The same checks as yauzl's stream: the output may not pass what the entry declares (zlib stops at
 * `maxOutputLength`) nor fall short of it. Null for an entry this does not handle (large, encrypted,
 * neither stored nor deflated, or with a local header that does not add up): yauzl's stream reads those.
 */
function smallEntryInflated(bytes: Buffer, entry: yauzl.Entry): Buffer | null {
  if (entry.uncompressedSize > SMALL_ENTRY_BYTES || entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)) return null;
  const at = entry.relativeOffsetOfLocalHeader;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_HEADER_SIGNATURE) return null;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return null;
  const stored = bytes.subarray(start, end);
  let out: Buffer;
  if (entry.compressionMethod === 0) out = stored;
  else {
    try {
      out = zlib.inflateRawSync(stored, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw zipBomb();
      throw new SpreadsheetUnreadable((error as Error).message);
    }
  }
  if (out.length !== entry.uncompressedSize) throw zipBomb();
  return out;
}

/**
 * Measure the .xlsx in `bytes` against `limits` without building it: resolves with what it holds, or
 * rejects with SpreadsheetTooLarge (past a limit) or SpreadsheetUnreadable (not a readable zip).
 * Stops as soon as a limit is passed.
 */
export async function measureSpreadsheet(bytes: Buffer, limits: SpreadsheetLimits): Promise<SpreadsheetMeasure> {
  const { entries, bytes: inflated, rows } = await measured(bytes, limits, null);
  return { entries, bytes: inflated, rows };
}

/**
 * Measure the .xlsx in `bytes` as `measureSpreadsheet` does and keep what each part inflated to, so a
 * reader of small workbooks (a school's return) inflates each part once. Memory is bounded by the
 * limits' total.
 */
export async function unpackSpreadsheet(bytes: Buffer, limits: SpreadsheetLimits): Promise<UnpackedSpreadsheet> {
  const parts = new Map<string, Buffer>();
  return { ...(await measured(bytes, limits, parts)), parts };
}

async function measured(bytes: Buffer, limits: SpreadsheetLimits, parts: Map<string, Buffer> | null): Promise<SpreadsheetMeasure> {
  const zip = await openZip(bytes);
  try {
    if (zip.entryCount > limits.entries) {
      throw new SpreadsheetTooLarge(`holds ${zip.entryCount.toLocaleString('en-GB')} files inside it; a workbook Mapio reads has at most ${limits.entries.toLocaleString('en-GB')}`, 'entries', {
        found: zip.entryCount.toLocaleString('en-GB'),
        most: limits.entries.toLocaleString('en-GB'),
      });
    }
    const entries: yauzl.Entry[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push(entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', (error: Error) => reject(new SpreadsheetUnreadable(error.message)));
      zip.readEntry();
    });
    let declared = 0;
    for (const entry of entries) {
      if (entry.uncompressedSize > limits.entryBytes) {
        throw new SpreadsheetTooLarge(
          `would unpack to ${megabytes(entry.uncompressedSize)} (${entry.fileName.slice(0, 80)}); Mapio reads workbooks of at most ${megabytes(limits.entryBytes)} per part`,
          'entryBytes',
          { found: megabytes(entry.uncompressedSize), most: megabytes(limits.entryBytes) },
        );
      }
      declared += entry.uncompressedSize;
      if (declared > limits.totalBytes)
        throw new SpreadsheetTooLarge(`would unpack to more than ${megabytes(limits.totalBytes)}; Mapio reads workbooks of at most that`, 'totalBytes', { most: megabytes(limits.totalBytes) });
    }
    let inflated = 0;
    let rowsBefore = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const counting = WORKSHEET.test(entry.fileName);
      const rows = new RowCounter();
      const small = smallEntryInflated(bytes, entry);
      if (small !== null) {
        parts?.set(entry.fileName, small);
        inflated += small.length;
        if (counting) rows.push(small);
        rowsBefore += rows.rows;
        if (rowsBefore > limits.rows) throw tooManyRows(limits);
        continue;
      }
      const stream = await entryStream(zip, entry);
      await new Promise<void>((resolve, reject) => {
        const fail = (error: Error) => {
          stream.destroy();
          reject(error);
        };
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => {
          inflated += chunk.length;
          if (parts) chunks.push(chunk);
          if (counting) {
            rows.push(chunk);
            if (rowsBefore + rows.rows > limits.rows) {
              fail(tooManyRows(limits));
            }
          }
        });
        stream.on('end', () => {
          if (parts) parts.set(entry.fileName, Buffer.concat(chunks));
          resolve();
        });
        // yauzl stops an entry that inflates to more than it declared ("too many bytes in the stream").
        stream.on('error', (error: Error) => reject(/too many bytes|too few bytes/.test(error.message) ? zipBomb() : new SpreadsheetUnreadable(error.message)));
      });
      rowsBefore += rows.rows;
    }
    return { entries: entries.length, bytes: inflated, rows: rowsBefore };
  } finally {
    zip.close();
  }
}
