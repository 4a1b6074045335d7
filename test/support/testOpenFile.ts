/** Test support for repository tests: a fresh test school file per test, closed afterwards. */
import { afterEach } from 'vitest';
import { ApiError } from '../../shared/api/contract';
import type { SchoolFile } from '../../db/schoolFile';
import { createTestFile } from './testFolder';

export function useTestFiles(): () => SchoolFile {
  const opened: SchoolFile[] = [];
  afterEach(() => {
    for (const f of opened.splice(0)) f.close();
  });
  return () => {
    const f = createTestFile();
    opened.push(f);
    return f;
  };
}

/** The ApiError `fn` throws (fails the test if it throws anything else or nothing). */
export function apiErrorFrom(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError, but nothing was thrown');
}
