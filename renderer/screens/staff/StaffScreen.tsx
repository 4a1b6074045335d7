import { useId, useMemo, useState } from 'react';
import { searchMatcher } from '../../../shared/searchText';
import type { StaffMember } from '../../../shared/domain';
import { namesOf, useDisplay } from '../../display';
import { useMapio } from '../../state/store';
import { AddStaffDialog } from './AddStaffDialog';
import { StaffEditor } from './StaffEditor';
import { DataTable } from '../../components/DataTable';

/** Who delivers provision, what their time costs, and who is over-allocated. */
export function StaffScreen() {
  const { t, pounds, hours, nameOf } = useDisplay();
  const view = useMapio((s) => s.view);
  const selectedStaffId = useMapio((s) => s.selectedStaffId);
  const selectStaff = useMapio((s) => s.selectStaff);
  const justSetUp = useMapio((s) => s.status?.key === 'school.setup.done');
  const [adding, setAdding] = useState(false);
  const [query, setQuery] = useState('');
  const searchId = useId();
  const data = view?.data;
  const names = useMemo(() => (data ? namesOf(data) : null), [data]);
  if (!view || !data || !names) return null;
  const allocation = new Map(view.costed.staff.map((s) => [s.staffId, s]));
  const selected = data.staff.find((s) => s.id === selectedStaffId);
  const matches = searchMatcher(query);
  const shownStaff = data.staff.filter((s) => matches(s.name, t(`enums.staffRole.${s.role}`)));

  const row = (s: StaffMember) => {
    const a = allocation.get(s.id);
    const lines = (a?.lineIds ?? []).map((id) => nameOf(names.lines.get(id))).filter(Boolean);
    return (
      <tr key={s.id} data-testid={`staff-row-${s.id}`} className={s.id === selectedStaffId ? 'selected' : undefined}>
        <td>
          <button type="button" className="row-title" onClick={() => selectStaff(s.id)}>
            {s.name}
          </button>
          {s.isPlaceholder ? <div className="row-note">{t('staff.placeholder')}</div> : null}
        </td>
        <td className="col-optional">{t(`enums.staffRole.${s.role}`)}</td>
        <td className="num money">{pounds(s.hourlyCostPence)}</td>
        <td className="num">{hours(s.contractedMinutesPerWeek)}</td>
        <td className="num">{hours(a?.peakAllocatedMinutesPerWeek ?? 0)}</td>
        <td>
          {a?.overAllocated ? (
            <span className="pill pill-bad" data-testid={`over-allocated-${s.id}`}>
              <span aria-hidden="true">⚠ </span>
              {a.peakWeek ? t('staff.overAllocatedAt', { week: a.peakWeek }) : t('staff.overAllocated')}
            </span>
          ) : (
            <span className="pill pill-good">
              <span aria-hidden="true">✓ </span>
              {t('staff.withinHours')}
            </span>
          )}
        </td>
        <td className="col-optional">{lines.length ? lines.join(', ') : <span className="muted">{t('staff.noLines')}</span>}</td>
        <td className="num money">{pounds(a?.costPence ?? 0)}</td>
      </tr>
    );
  };

  return (
    <div className={`map-screen ${selected ? 'with-editor' : ''}`}>
      <div className="map-main">
        <div className="screen-head">
          <div>
            <h1>{t('staff.title')}</h1>
            <p className="intro">{t('staff.intro')}</p>
          </div>
          <button type="button" className="primary" onClick={() => setAdding(true)} data-testid="add-staff">
            + {t('staff.addStaff')}
          </button>
        </div>
        {data.staff.length > 0 ? (
          <div className="staff-search">
            <label htmlFor={searchId}>{t('staff.search')}</label>
            <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="staff-search" />
          </div>
        ) : null}
        {data.staff.length === 0 ? (
          // Said on screen, not only to a screen reader: what to do first, and the button to do it.
          <div className="empty empty-next" data-testid="staff-empty">
            {justSetUp ? (
              <p>{t('school.setup.done')}</p>
            ) : (
              <>
                <p className="strong">{t('staff.noStaff')}</p>
                <p>{t('staff.noStaffNext')}</p>
              </>
            )}
            <button type="button" className="primary" onClick={() => setAdding(true)} data-testid="add-staff-empty">
              + {t('staff.addStaff')}
            </button>
          </div>
        ) : (
          <DataTable
            className="staff-table"
            columns={[
              { label: t('staff.col.name') },
              { label: t('staff.col.role'), className: 'col-optional' },
              { label: t('staff.col.hourly'), className: 'num' },
              { label: t('staff.col.contracted'), className: 'num' },
              { label: t('staff.col.allocated'), className: 'num' },
              { label: t('staff.col.status') },
              { label: t('staff.col.lines'), className: 'col-optional' },
              { label: t('staff.col.cost'), className: 'num' },
            ]}
          >
            {shownStaff.map(row)}
          </DataTable>
        )}
      </div>
      {selected ? <StaffEditor key={selected.id} staff={selected} onClose={() => selectStaff(null)} /> : null}
      {adding ? <AddStaffDialog onClose={() => setAdding(false)} onCreated={selectStaff} /> : null}
    </div>
  );
}
