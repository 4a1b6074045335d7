/** Input fields more than one area of the contract uses. */
import { z } from 'zod';

export const id = z.number().int().positive();
/** Half of a UTF-16 surrogate pair on its own: no file system can name a file with it (found by `npm run soak`). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const filePath = z
  .string()
  .min(1, { error: 'a file path is required' })
  .max(4096)
  .refine((s) => !s.includes('\u0000'), { error: 'must not contain control characters (such as NUL)' })
  .refine((s) => !LONE_SURROGATE.test(s), { error: 'must be a file name the computer can use' });
export const byId = z.strictObject({ id });
export const update = <T extends z.ZodObject>(fields: T) => z.strictObject({ id, changes: fields.partial().strict() });
