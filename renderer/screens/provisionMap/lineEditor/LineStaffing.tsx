/** Who delivers the line: each member of staff with how many of them go with each group. */
import { memo } from 'react';
import type { InterventionLine, SchoolYear } from '../../../../shared/domain';
import { MAX_STAFF_PER_GROUP } from '../../../../shared/limits';
import { RowActionButton } from '../../../components/RowActionButton';
import { DraftField, SelectField, useReader } from '../../../components/fields';
import { useDisplay, type namesOf } from '../../../display';
import { readWholeNumber } from '../../../forms/parse';
import type { SaveFrom } from './lineEdits';
import { sameSection } from './shownFields';

export const LineStaffing = memo(
  function LineStaffing({ line, staff, staffById, saveFrom }: { line: InterventionLine; staff: SchoolYear['staff']; staffById: ReturnType<typeof namesOf>['staff']; saveFrom: SaveFrom }) {
    const { t } = useDisplay();
    const { fromParsed } = useReader();
    const staffOptions = staff.map((s) => ({ value: String(s.id), label: s.name }));
    const unassigned = staff.filter((s) => !line.staff.some((a) => a.staffId === s.id));
    return (
      <fieldset className="subform">
        <legend>{t('line.staff')}</legend>
        {line.staff.length === 0 ? <p className="muted">{t('line.noStaffYet')}</p> : null}
        {line.staff.map((a, i) => {
          const who = staffById.get(a.staffId)?.name ?? t('common.unknownName');
          return (
            <div key={`${a.staffId}-${i}`} className="row-fields line-staff-row">
              <SelectField
                label={t('line.staffMember')}
                value={String(a.staffId)}
                options={staffOptions.filter((o) => o.value === String(a.staffId) || !line.staff.some((x) => String(x.staffId) === o.value))}
                commit={(v) => saveFrom((l) => ({ staff: l.staff.map((x) => (x.staffId === a.staffId ? { ...x, staffId: Number(v) } : x)) }))}
              />
              <DraftField
                className="narrow"
                label={t('line.staffCount')}
                value={a.count}
                format={String}
                inputMode="numeric"
                read={(s) => fromParsed(readWholeNumber(s, 1, MAX_STAFF_PER_GROUP))}
                commit={(count) => saveFrom((l) => ({ staff: l.staff.map((x) => (x.staffId === a.staffId ? { ...x, count } : x)) }))}
              />
              <RowActionButton label={t('common.remove')} rowName={who} onClick={() => void saveFrom((l) => ({ staff: l.staff.filter((x) => x.staffId !== a.staffId) }))} />
            </div>
          );
        })}
        {unassigned.length > 0 ? (
          <button
            type="button"
            className="small"
            onClick={() =>
              void saveFrom((l) => {
                const first = staff.find((s) => !l.staff.some((x) => x.staffId === s.id));
                return first ? { staff: [...l.staff, { staffId: first.id, count: 1 }] } : {};
              })
            }
          >
            + {t('line.addStaff')}
          </button>
        ) : staff.length === 0 ? (
          <p className="muted">{t('line.noStaffToAdd')}</p>
        ) : null}
      </fieldset>
    );
  },
  sameSection(['staff']),
);
