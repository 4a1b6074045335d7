/**
 * Where a new school file goes when a person types only a name: the user's documents folder, in a Mapio
 * folder (`~/Documents/Mapio`, or `MAPIO_SCHOOL_FOLDER` when set, as the tests set it). A bare name or a
 * relative path is never saved beside the program, whatever folder Mapio was started in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function defaultSchoolFolder(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  const chosen = env.MAPIO_SCHOOL_FOLDER?.trim();
  return chosen ? path.resolve(chosen) : path.join(home, 'Documents', 'Mapio');
}

/**
 * The full path for a path a person typed: an absolute path (or one starting at their home folder, `~/`)
 * as it is; anything else inside `folder`, which is created when it is needed.
 */
export function schoolFilePath(typed: string, folder: string, home: string = os.homedir()): string {
  const trimmed = typed.trim();
  if (/^~(?=$|[\\/])/.test(trimmed)) return path.join(home, trimmed.slice(1));
  if (path.isAbsolute(trimmed)) return path.resolve(trimmed);
  const target = path.resolve(folder, trimmed);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  return target;
}
