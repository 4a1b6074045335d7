/**
 * An .xlsx is a zip of XML files, and a zip can promise small and deliver huge: 1.4 MB that inflates to
 * ten million rows (a "zip bomb"). exceljs builds the whole workbook in memory, so a file is measured
 * BEFORE exceljs sees it, in flat memory:
 *
 * 1. the zip's central directory (read with yauzl, which reads only the directory and checks each entry's
 *    declared sizes as it inflates): how many entries, and how large each says it is and all say they are;
 * 2. every entry inflated once, as a stream, through yauzl (which stops an entry that inflates to more than
 *    it declared) and thrown away, with the rows of each worksheet counted on the way (`<row` elements).
 *
 * Anything past the limits is refused with a sentence saying what is too large; nothing is kept but counts.
 * yauzl (rather than exceljs's own unzipper, or hand-written zip parsing) because reading the central
 * directory alone and refusing entries that lie about their size is exactly what it is built for.
 */
import type { Readable } from 'node:stream';
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

/**
 * Measure the .xlsx in `bytes` against `limits` without building it: resolves with what it holds, or
 * rejects with SpreadsheetTooLarge (past a limit) or SpreadsheetUnreadable (not a readable zip).
 * Stops as soon as a limit is passed.
 */
export async function measureSpreadsheet(bytes: Buffer, limits: SpreadsheetLimits): Promise<SpreadsheetMeasure> {
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
      const stream = await entryStream(zip, entry);
      await new Promise<void>((resolve, reject) => {
        const fail = (error: Error) => {
          stream.destroy();
          reject(error);
        };
        stream.on('data', (chunk: Buffer) => {
          inflated += chunk.length;
          if (counting) {
            rows.push(chunk);
            if (rowsBefore + rows.rows > limits.rows) {
              fail(new SpreadsheetTooLarge(`has more than ${limits.rows.toLocaleString('en-GB')} rows; Mapio reads at most that many`, 'rows', { most: limits.rows.toLocaleString('en-GB') }));
            }
          }
        });
        stream.on('end', () => resolve());
        // yauzl stops an entry that inflates to more than it declared ("too many bytes in the stream").
        stream.on('error', (error: Error) =>
          reject(
            /too many bytes|too few bytes/.test(error.message)
              ? new SpreadsheetTooLarge('is not what it says it is: a part of it unpacks to more than it declares (a “zip bomb”)', 'zipBomb')
              : new SpreadsheetUnreadable(error.message),
          ),
        );
      });
      rowsBefore += rows.rows;
    }
    return { entries: entries.length, bytes: inflated, rows: rowsBefore };
  } finally {
    zip.close();
  }
}
