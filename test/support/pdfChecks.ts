/** Test support: whether the documents' PDF checks can run here (LibreOffice prints, poppler-utils reads back). */
import { execFileSync } from 'node:child_process';
import { findSoffice } from '../../backend/exports/libreOfficeRecalculation';

function printToolsPresent(): boolean {
  if (findSoffice() === null) return false;
  try {
    execFileSync('which', ['pdftotext', 'pdftoppm'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/**
 * True when the PDF checks of `testFile` are to be skipped: only off CI, where the tools are missing (with a
 * warning saying so). CI installs them, so there a missing tool fails the checks rather than skipping them.
 */
export function skipPdfChecks(testFile: string): boolean {
  const skip = !process.env.CI && !printToolsPresent();
  if (skip) console.warn(`${testFile}: the PDF checks are skipped: LibreOffice or poppler-utils is not installed.`);
  return skip;
}
