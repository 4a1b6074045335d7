/**
 * Refusals as an English reader sees them, for tests that check the words as well as the codes: each
 * field issue worded from the catalogue (`{ path, message }`), as the screens and the CLI word it.
 */
import type { FieldIssue } from '../../shared/fieldIssues';
import { issueWords } from '../../shared/i18n/apiErrors';
import { createI18n } from '../../shared/i18n';

const english = createI18n('en').t;

export function issuesInEnglish(issues: readonly FieldIssue[] | undefined): Array<{ path: string; message: string }> | undefined {
  return issues?.map((i) => ({ path: i.path, message: issueWords(i, english, 'en') }));
}
