/** Input fields more than one area of the contract uses. */
import { z } from 'zod';
import { issue } from '../fieldIssues';

export const id = z.number().int().positive();
/** Half of a UTF-16 surrogate pair on its own: no file system can name a file with it (found by `npm run soak`). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const filePath = z
  .string()
  .min(1, issue('required'))
  .max(4096)
  .refine((s) => !s.includes('\u0000'), issue('controlCharacters'))
  .refine((s) => !LONE_SURROGATE.test(s), issue('usableFileName'));
export const byId = z.strictObject({ id });
export const update = <T extends z.ZodObject>(fields: T) => z.strictObject({ id, changes: fields.partial().strict() });
