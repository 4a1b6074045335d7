/**
 * The built renderer's files kept in memory once read, for browser mode's server. The page's first load
 * asks for the HTML, three scripts and a stylesheet at once, then a catalogue and the screens' chunks:
 * reading each from disk as a stream on every request took 3–28 ms a file on a busy machine, where a body
 * already in memory is written in one go (docs/performance.md, "Round 11: the map's first paint"). A body
 * is kept with the size and modification time the file had when it was read, and read again when the
 * file's `stat` no longer matches (a rebuild while the server runs), so what is served is always what is
 * on disk. The renderer folder is a few megabytes at most, so nothing is ever let go.
 */
import { readFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';

interface Kept {
  size: number;
  mtimeMs: number;
  body: Buffer;
}

export interface FileBodies {
  /** The body of `realFile`, whose `stat` is `info`: from memory when the file is unchanged since it was read. */
  bodyOf(realFile: string, info: Pick<Stats, 'size' | 'mtimeMs'>): Promise<Buffer>;
}

export function createFileBodies(): FileBodies {
  const kept = new Map<string, Kept>();
  return {
    async bodyOf(realFile, info) {
      const known = kept.get(realFile);
      if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) return known.body;
      const body = await readFile(realFile);
      // Kept only when it is the file `info` describes (not one rewritten between the stat and the read).
      if (body.length === info.size) kept.set(realFile, { size: info.size, mtimeMs: info.mtimeMs, body });
      else kept.delete(realFile);
      return body;
    },
  };
}
