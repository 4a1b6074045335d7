/** Test support for repository tests: a fresh test school file per test, closed afterwards. */
import { afterEach } from 'vitest';
import type { SchoolFile } from '../../db/schoolFile';
import { createTestFile } from './testFolder';
export { apiErrorFrom } from './refusals';

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
