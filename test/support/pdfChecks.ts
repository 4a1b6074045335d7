/**
 * Test support: whether the documents' PDF checks can run here: LibreOffice prints, poppler-utils reads
 * the PDF back, and Carlito (Calibri's widths) lays the pages out as Excel would with Calibri. Without
 * Carlito, LibreOffice sets Calibri in a wider font and the checks would measure pages no reader sees.
 */
import { execFileSync } from 'node:child_process';
import { findSoffice } from '../../backend/exports/libreOfficeRecalculation';

function printToolsPresent(): boolean {
  if (findSoffice() === null) return false;
  try {
    execFileSync('which', ['pdftotext', 'pdftoppm'], { stdio: 'pipe' });
    return execFileSync('fc-list', [':family=Carlito'], { encoding: 'utf8', stdio: 'pipe' }).trim() !== '';
  } catch {
    return false;
  }
}

/**
 * True when the PDF checks of `testFile` are to be skipped: only off CI, where a tool is missing (with a
 * warning saying so). CI installs them, so there a missing tool fails the checks rather than skipping them.
 */
export function skipPdfChecks(testFile: string): boolean {
  const skip = !process.env.CI && !printToolsPresent();
  if (skip) console.warn(`${testFile}: the PDF checks are skipped: LibreOffice, poppler-utils or the Carlito font is not installed.`);
  return skip;
}
