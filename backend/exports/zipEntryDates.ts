/**
 * A zip file (an .xlsx is one) with every entry's modified date set to one day, at midnight. exceljs stamps
 * each entry with the moment it was zipped, so the same workbook written twice differed in those bytes; with
 * the dates set from the workbook's own generated-on date, the same map and options give the same file,
 * byte for byte (docs/exports.md, "Versions presented to governors").
 *
 * Only the date and time fields of each local header and central directory entry change: they are outside
 * every checksum, so the archive stays valid and every entry's content is untouched.
 */
import type { IsoDate } from '../../shared/domain';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** The MS-DOS date field for `iso` (years 1980–2107). */
function dosDate(iso: IsoDate): number {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return ((Math.min(Math.max(year, 1980), 2107) - 1980) << 9) | (month << 5) | day;
}

function endOfCentralDirectory(view: DataView): number {
  for (let at = view.byteLength - 22; at >= 0 && at >= view.byteLength - 22 - 0xffff; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new Error('Not a zip file: no end of central directory.');
}

/** A copy of `zip` with every entry dated `on` at 00:00:00. */
export function withEntriesDated(zip: Uint8Array, on: IsoDate): Uint8Array {
  const bytes = new Uint8Array(zip);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const date = dosDate(on);
  const end = endOfCentralDirectory(view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== CENTRAL_ENTRY) throw new Error('Not a zip file: a central directory entry is missing.');
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, date, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER) throw new Error('Not a zip file: a local header is missing.');
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, date, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return bytes;
}
