/** Weeks not delivered, and the line's description and rationale. */
import { memo } from 'react';
import type { InterventionLine } from '../../../../shared/domain';
import { DraftField, TextField, useReader } from '../../../components/fields';
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
        <TextField className="span-2" multiline label={t('line.description')} value={line.description} commit={field('description')} />
        <TextField className="span-2" multiline label={t('line.descriptionCy')} value={line.descriptionCy} commit={field('descriptionCy')} testId="line-description-cy" />
        <TextField className="span-2" multiline label={t('line.rationale')} value={line.rationale} commit={field('rationale')} />
      </div>
    );
  },
  sameSection(['startWeek', 'weeks', 'undeliveredWeeks', 'description', 'descriptionCy', 'rationale']),
);
