/**
 * Test support for returns: write one school's return under the names and year a test gives, read every
 * part of an .xlsx (a zip) as text, and tamper with a written return the ways a real file gets spoiled.
 * Uses node:zlib only.
 */
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { RETURN_DATA_SHEET, writeReturnWorkbook } from '../../backend/returns/returnWorkbook';
import { buildAuthorityReturn } from '../../shared/authority/buildReturn';
import { costSchoolYear } from '../../shared/engine';
import { interventionLine, schoolYear } from './schoolYearBuilder';

/** One school's return (.xlsx) for a year of Sir Prawf (authority code 660): its official number, English and Welsh names. */
export async function namedReturnOf(officialNumber: string, name: string, nameCy: string, academicYear: string): Promise<Uint8Array> {
  const year = schoolYear({
    school: { ...schoolYear().school, name, nameCy, localAuthority: 'Sir Prawf', localAuthorityCode: '660', officialNumber, academicYear },
    lines: [interventionLine({ id: 1, name: 'Literacy support', tierId: 'alp' })],
  });
  return writeReturnWorkbook(buildAuthorityReturn(year, costSchoolYear(year)), 'Mapio test');
}

/** Every entry of a zip file, inflated, by name (reads the central directory; stored and deflated entries). */
export function zipEntries(bytes: Buffer): Map<string, Buffer> {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(offset) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = bytes.readUInt16LE(offset + 10);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const localOffset = bytes.readUInt32LE(offset + 42);
    const name = bytes.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    const localNameLength = bytes.readUInt16LE(localOffset + 26);
    const localExtraLength = bytes.readUInt16LE(localOffset + 28);
    const start = localOffset + 30 + localNameLength + localExtraLength;
    const data = bytes.subarray(start, start + compressedSize);
    entries.set(name, method === 0 ? Buffer.from(data) : zlib.inflateRawSync(data));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Load a written return, let `edit` change its data sheet, and write it back (as a person with Excel might). */
export async function editReturnData(bytes: Buffer, edit: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.getWorksheet(RETURN_DATA_SHEET);
  if (!sheet) throw new Error('no data sheet');
  edit(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Change the first "costPence" figure in the hidden JSON, leaving the checksum as it was. */
export function alterFirstCost(sheet: ExcelJS.Worksheet): void {
  sheet.eachRow((row) => {
    if (row.getCell(1).value !== 'json') return;
    const text = String(row.getCell(2).value);
    const altered = text.replace(/"costPence":(\d+)/, (_m, n: string) => `"costPence":${Number(n) + 100000}`);
    if (altered !== text) row.getCell(2).value = altered;
  });
}

export function setVersion(version: number) {
  return (sheet: ExcelJS.Worksheet): void => {
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'version') row.getCell(2).value = version;
    });
  };
}
