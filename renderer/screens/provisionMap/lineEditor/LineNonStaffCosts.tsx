/** The line's non-staff costs (resources, licences): each a label and an amount. */
import { memo } from 'react';
import type { InterventionLine } from '../../../../shared/domain';
import { RowActionButton } from '../../../components/RowActionButton';
import { DraftField, TextField, poundsForField, useReader } from '../../../components/fields';
import { useDisplay } from '../../../display';
import type { SaveFrom } from './lineEdits';
import { sameSection } from './shownFields';

export const LineNonStaffCosts = memo(
  function LineNonStaffCosts({ line, saveFrom }: { line: InterventionLine; saveFrom: SaveFrom }) {
    const { t } = useDisplay();
    const { money } = useReader();
    return (
      <fieldset className="subform">
        <legend>{t('line.nonStaffCosts')}</legend>
        {line.nonStaffCosts.map((c, i) => (
          <div key={i} className="row-fields">
            <TextField label={t('line.costLabel')} value={c.label} required commit={(label) => saveFrom((l) => ({ nonStaffCosts: l.nonStaffCosts.map((x, j) => (j === i ? { ...x, label } : x)) }))} />
            <DraftField
              className="money-field"
              label={t('line.costAmount')}
              value={c.pence}
              format={poundsForField}
              inputMode="decimal"
              read={money}
              commit={(pence) => saveFrom((l) => ({ nonStaffCosts: l.nonStaffCosts.map((x, j) => (j === i ? { ...x, pence } : x)) }))}
              testId={`line-cost-amount-${i}`}
            />
            <RowActionButton label={t('common.remove')} rowName={c.label} onClick={() => void saveFrom((l) => ({ nonStaffCosts: l.nonStaffCosts.filter((_, j) => j !== i) }))} />
          </div>
        ))}
        <button type="button" className="small" onClick={() => void saveFrom((l) => ({ nonStaffCosts: [...l.nonStaffCosts, { label: t('line.newCostLabel'), pence: 0 }] }))}>
          + {t('line.addCost')}
        </button>
      </fieldset>
    );
  },
  sameSection(['nonStaffCosts']),
);
