/**
 * The one-time page that hands browser mode's secret to the browser (docs/guarantees.md, "The secret stays
 * off the command line"). Opening `http://127.0.0.1:PORT/?secret=…` directly would put the secret on the
 * opener's command line (`xdg-open`, `open`, `start`), where every user of a shared computer can read it
 * in `ps`. Instead the address is written into a small HTML file in a fresh folder only this user may
 * enter (0700), the file readable only by this user (0600), and the opener is given the file's path. The
 * page sends the browser on to the address at once; the server deletes the file and its folder as soon
 * as the secret has been used, or after a minute at most.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** How long the launch page may stay on disk if the browser never comes for it. */
export const LAUNCH_PAGE_LIFETIME_MS = 60_000;

export interface LaunchPage {
  /** The HTML file to open (its path holds no secret). */
  path: string;
  /** The private folder the file is in. */
  folder: string;
  /** Delete the file and its folder; safe to call more than once. */
  remove(): void;
}

function htmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The page's text: a script and a meta refresh that both go straight to `url`, and a link if neither runs. */
export function launchPageHtml(url: string): string {
  const attr = htmlAttribute(url);
  // JSON.stringify makes a JavaScript string; `<` is escaped so the text can never close the script.
  const script = JSON.stringify(url).replace(/</g, '\\u003c');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="referrer" content="no-referrer">',
    `<meta http-equiv="refresh" content="0;url=${attr}">`,
    '<title>Opening Mapio…</title>',
    '</head>',
    '<body>',
    `<p>Opening Mapio… If nothing happens, <a href="${attr}">open Mapio</a>.</p>`,
    `<script>location.replace(${script});</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * Write the launch page for `url` into a new private folder under `tmpDir` (the system's temporary
 * folder by default). Throws if the folder or file cannot be made exactly so (the caller then prints
 * the address to the terminal instead).
 */
export function writeLaunchPage(url: string, tmpDir: string = os.tmpdir()): LaunchPage {
  const folder = mkdtempSync(path.join(tmpDir, 'mapio-launch-'));
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    chmodSync(folder, 0o700); // mkdtemp already makes it 0700 on POSIX; say so rather than rely on it
    const file = path.join(folder, 'open-mapio.html');
    // 'wx': fail rather than write through anything already there; 0600: no other user may read it.
    writeFileSync(file, launchPageHtml(url), { flag: 'wx', mode: 0o600 });
    return { path: file, folder, remove };
  } catch (err) {
    remove();
    throw err;
  }
}
