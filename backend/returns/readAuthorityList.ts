/**
 * One of the authority's own lists (its published allocations, or its list of schools) read from a CSV or
 * .xlsx into a plain table of text: the same bounded reader as an MIS export (backend/mis/misTable.ts).
 * What each row means is decided in shared/authority/authorityLists.ts.
 */
import { ApiError } from '../../shared/api/contract';
import { ListColumnMissing, readAllocationList, readSchoolList, type AllocationList, type ListTable, type SchoolList } from '../../shared/authority/authorityLists';
import { readMisTable } from '../mis/misTable';

async function readListTable(fileName: string, bytes: Uint8Array): Promise<ListTable> {
  const table = await readMisTable(fileName, bytes);
  return { header: table.header, rows: table.rows.map((r) => ({ rowNumber: r.rowNumber, cells: Array.from(r.cells, (c) => c?.text ?? '') })) };
}

function columnMissing(fileName: string, error: unknown): never {
  if (error instanceof ListColumnMissing) {
    throw new ApiError('invalid_input', 'listColumnMissing', { name: fileName, columnKey: `apiError.reason.listColumn.${error.column}` });
  }
  throw error;
}

export async function readAllocationFile(fileName: string, bytes: Uint8Array): Promise<AllocationList> {
  const table = await readListTable(fileName, bytes);
  try {
    return readAllocationList(table);
  } catch (error) {
    return columnMissing(fileName, error);
  }
}

export async function readSchoolListFile(fileName: string, bytes: Uint8Array): Promise<SchoolList> {
  const table = await readListTable(fileName, bytes);
  try {
    return readSchoolList(table);
  } catch (error) {
    return columnMissing(fileName, error);
  }
}
