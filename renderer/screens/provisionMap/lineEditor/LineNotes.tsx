/** Weeks not delivered, and the line's description and rationale. */
import { memo } from 'react';
import type { InterventionLine } from '../../../../shared/domain';
import { DraftField, useReader } from '../../../components/fields';
import { useDisplay } from '../../../display';
import { readWeekList } from '../../../forms/parse';
import type { FieldCommit } from './lineEdits';
import { sameSection } from './shownFields';

export const LineNotes = memo(
  function LineNotes({ line, field }: { line: InterventionLine; field: FieldCommit }) {
    const { t } = useDisplay();
    const { fromParsed } = useReader();
    const lineEnd = line.startWeek + Math.max(line.weeks, 1) - 1;
    return (
      <div className="form-grid">
        <DraftField
          className="span-2"
          label={t('line.undeliveredWeeks')}
          hint={t('line.undeliveredHint')}
          value={line.undeliveredWeeks}
          format={(w) => w.join(', ')}
          read={(s) => fromParsed(readWeekList(s, line.startWeek, lineEnd))}
          commit={field('undeliveredWeeks')}
        />
        <DraftField className="span-2" multiline label={t('line.description')} value={line.description} format={(v) => v} read={(s) => ({ ok: true, value: s })} commit={field('description')} />
        <DraftField
          className="span-2"
          multiline
          label={t('line.descriptionCy')}
          value={line.descriptionCy}
          format={(v) => v}
          read={(s) => ({ ok: true, value: s })}
          commit={field('descriptionCy')}
          testId="line-description-cy"
        />
        <DraftField className="span-2" multiline label={t('line.rationale')} value={line.rationale} format={(v) => v} read={(s) => ({ ok: true, value: s })} commit={field('rationale')} />
      </div>
    );
  },
  sameSection(['startWeek', 'weeks', 'undeliveredWeeks', 'description', 'descriptionCy', 'rationale']),
);
