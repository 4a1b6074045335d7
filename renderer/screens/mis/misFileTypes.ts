/** The files the MIS import reads: CSV and .xlsx exports. */
export const MIS_FILE_ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function isMisFileName(name: string): boolean {
  return /\.(csv|xlsx)$/i.test(name.trim());
}
