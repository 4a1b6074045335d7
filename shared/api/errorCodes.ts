/**
 * The codes a refusal crosses the door with, on their own: the renderer's transport checks an error body
 * against them before any catalogue or translator is loaded (renderer/api/transport.ts), so this module
 * imports nothing.
 */
export const API_ERROR_CODES = [
  'invalid_input', // the request failed validation: see issues
  'unknown_operation',
  'not_found', // a record named by id doesn't exist
  'conflict', // e.g. deleting staff still assigned to lines
  'no_file', // no school file is open
  'file_not_mapio', // not a SQLite database, or not a Mapio one
  'file_corrupt',
  'file_too_new', // written by a newer Mapio
  'file_io', // cannot read or write the path
  'file_altered', // a Mapio file changed outside Mapio (schema not as its migrations make it, a version no Mapio wrote): never opened
  'file_read_only', // a change to a file opened read-only (Mapio may not write where it is)
  'timeout', // an operation ran past its time limit and was stopped
  'cancelled', // the person stopped an operation
  'too_large', // the request is larger than the largest the contract allows (docs/limits.md)
  'names_in_text', // a document would carry a learner's name in the school's free text: issues name each field; ask, then confirm

  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
