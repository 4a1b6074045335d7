/**
 * Where a new school file goes when a person types only a name: the user's documents folder, in a Mapio
 * folder (`~/Documents/Mapio`, or `MAPIO_SCHOOL_FOLDER` when set, as the tests set it). A bare name or a
 * relative path is never saved beside the program, whatever folder Mapio was started in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PRIVATE_FOLDER_MODE } from '../db/privateFile';

export function defaultSchoolFolder(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  const chosen = env.MAPIO_SCHOOL_FOLDER?.trim();
  return chosen ? path.resolve(chosen) : path.join(home, 'Documents', 'Mapio');
}

/**
 * The full path for a path a person typed: an absolute path (or one starting at their home folder, `~/`)
 * as it is; anything else inside `folder`. The school folder (and folders typed inside it) is made when
 * it is needed (0700: what goes in it names children); any other folder must already exist.
 */
export function schoolFilePath(typed: string, folder: string, home: string = os.homedir()): string {
  const trimmed = typed.trim();
  const target = /^~(?=$|[\\/])/.test(trimmed) ? path.join(home, trimmed.slice(1)) : path.resolve(folder, trimmed);
  const inside = path.relative(path.resolve(folder), path.dirname(target));
  if (inside === '' || (!inside.startsWith('..') && !path.isAbsolute(inside))) fs.mkdirSync(path.dirname(target), { recursive: true, mode: PRIVATE_FOLDER_MODE });
  return target;
}
