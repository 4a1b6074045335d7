/**
 * Spreadsheets that are zip bombs, built the way an attacker builds them: a real .xlsx layout whose one
 * worksheet holds millions of identical rows, deflated (which squeezes them a thousandfold), optionally
 * with the sizes in its headers lying low. Written with node:zlib and a small zip writer so a test can
 * make the lie itself.
 */
import zlib from 'node:zlib';

interface ZipPart {
  name: string;
  /** Deflated bytes. */
  deflated: Buffer;
  crc: number;
  /** The true unpacked size. */
  size: number;
  /** The size the headers claim (default: the true one). */
  declaredSize?: number;
}

/** A zip of deflated parts, local headers and central directory both giving `declaredSize`. */
export function writeZip(parts: ZipPart[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const size = part.declaredSize ?? part.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    chunks.push(local, name, part.deflated);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(0, 12);
    entry.writeUInt16LE(0x21, 14);
    entry.writeUInt32LE(part.crc >>> 0, 16);
    entry.writeUInt32LE(part.deflated.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += local.length + name.length + part.deflated.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

function part(name: string, text: string): ZipPart {
  const data = Buffer.from(text, 'utf8');
  return { name, deflated: zlib.deflateRawSync(data), crc: zlib.crc32(data), size: data.length };
}

/**
 * `count` copies of `block` between `head` and `tail`, deflated: each piece is compressed on its own,
 * ending on a full flush (byte-aligned, referring to nothing before it), so the compressed block can
 * simply be repeated, as a bomb-maker does, and the whole never exists unpacked.
 */
function repeatedPart(name: string, head: string, block: Buffer, count: number, tail: string): ZipPart {
  const flushed = { finishFlush: zlib.constants.Z_FULL_FLUSH };
  const headBytes = Buffer.from(head, 'utf8');
  const tailBytes = Buffer.from(tail, 'utf8');
  const compressedBlock = zlib.deflateRawSync(block, flushed);
  let crc = zlib.crc32(headBytes);
  for (let i = 0; i < count; i++) crc = zlib.crc32(block, crc);
  crc = zlib.crc32(tailBytes, crc);
  const deflated = Buffer.concat([zlib.deflateRawSync(headBytes, flushed), ...Array.from({ length: count }, () => compressedBlock), zlib.deflateRawSync(tailBytes)]);
  return { name, deflated, crc, size: headBytes.length + block.length * count + tailBytes.length };
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Pupils" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

const cell = (text: string) => `<c t="inlineStr"><is><t>${text}</t></is></c>`;

/**
 * An .xlsx whose first sheet is an MIS header row and then `rows` identical one-cell rows (ten million
 * unpack to about 450 MB from about 1 MB). With `lie`, every header says the sheet unpacks to 2 KB.
 */
export function spreadsheetBomb(rows: number, options: { lie?: boolean; declaredSize?: number } = {}): Buffer {
  const row = `<row>${cell('W1')}</row>`;
  const perBlock = 1_000;
  const block = Buffer.from(row.repeat(perBlock), 'utf8');
  const sheet = repeatedPart(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row>${cell('UPN')}${cell('Forename')}${cell('Surname')}${cell('Year')}${cell('SEN Status')}</row>`,
    block,
    Math.ceil(rows / perBlock),
    '</sheetData></worksheet>',
  );
  if (options.lie) sheet.declaredSize = 2_048;
  if (options.declaredSize !== undefined) sheet.declaredSize = options.declaredSize;
  return writeZip([part('[Content_Types].xml', CONTENT_TYPES), part('_rels/.rels', ROOT_RELS), part('xl/workbook.xml', WORKBOOK), part('xl/_rels/workbook.xml.rels', WORKBOOK_RELS), sheet]);
}

/** A zip of `count` tiny parts: a workbook no program writes. */
export function manyPartsZip(count: number): Buffer {
  const parts = [part('[Content_Types].xml', CONTENT_TYPES)];
  for (let i = 0; i < count; i++) parts.push(part(`xl/media/p${i}.xml`, '<x/>'));
  return writeZip(parts);
}
