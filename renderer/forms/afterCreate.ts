/**
 * What an "Add …" dialog does once its create call is answered: on success it closes and opens the new
 * record; when refused, each reason goes beside the field it is about, in the reader's language.
 */
import type { Lang } from '../../shared/i18n';
import type { MutationResult } from '../../shared/api/contract';
import { problemsByField } from '../errors/localisedError';
import type { Outcome } from '../state/store';

export function afterCreate(
  outcome: Outcome<MutationResult>,
  dialog: { onClose: () => void; onCreated: (id: number) => void },
  showErrors: (errors: Record<string, string>) => void,
  lang: Lang,
): void {
  if (outcome.ok) {
    const created = outcome.result.createdIds?.[0];
    dialog.onClose();
    if (created) dialog.onCreated(created);
    return;
  }
  showErrors(problemsByField(outcome.error, lang));
}
