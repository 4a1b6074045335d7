/**
 * Where the walks leave the screenshots a person looks at (at the viewport each walk sets, 1366×768 for
 * most): the folder named by MAPIO_SHOTS_DIR, else test-results/screens beside Playwright's own output.
 */
import fs from 'node:fs';
import path from 'node:path';

export const SHOTS_FOLDER = process.env.MAPIO_SHOTS_DIR ?? path.join('test-results', 'screens');

/** The path for the screenshot called `name` (a .png), its folder made if need be. */
export function screenshotPath(name: string): string {
  fs.mkdirSync(SHOTS_FOLDER, { recursive: true });
  return path.join(SHOTS_FOLDER, `${name}.png`);
}
