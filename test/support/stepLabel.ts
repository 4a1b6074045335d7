/**
 * An undo step for a test that records edits straight into a school file (db/schoolFile.ts `mutate`),
 * where what the step is does not matter, only which: each is told apart by the name it is given.
 */
import type { HistoryLabel } from '../../shared/api/historySteps';

export function stepLabel(name: string): HistoryLabel {
  return { step: 'editLine', params: { name } };
}
