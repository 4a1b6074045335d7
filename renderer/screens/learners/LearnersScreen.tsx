import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import { ALN_STATUSES, type AlnStatus } from '../../../shared/domain';
import { SelectOptions } from '../../components/SelectOptions';
import { idpReviewDueOf, learnerName, namesOf, useDisplay } from '../../display';
import { useMapio } from '../../state/store';
import { LearnerForm } from './LearnerForm';
import { LearnerPage } from './LearnerPage';
import { searchMatcher } from '../../../shared/searchText';
import { MisImportDialog } from '../mis/MisImportDialog';
import { localToday } from '../../../shared/localToday';

// Widths that hold the Welsh as well as the English ("Blwyddyn 10", "Llinellau"); headings wrap. The
// reference holds a whole 13-character UPN (W + 12 digits) in a wide system font such as DejaVu Sans, so
// the digits that tell learners apart are never cut off; a longer MIS id is cut but has its whole text
// on hover. The areas of need, a list with its whole text on hover, give way at 1366.
const COLUMNS = '10.5rem minmax(9rem, 1.2fr) 7rem 11rem minmax(5.5rem, 1.3fr) 6.5rem 9.5rem 6rem 7.5rem';
const ROW_HEIGHT = 38;

/** Every learner in a virtualised table: a 2,000-learner file renders only the rows in view. */
export function LearnersScreen() {
  const selectedLearnerId = useMapio((s) => s.selectedLearnerId);
  const view = useMapio((s) => s.view);
  if (selectedLearnerId !== null && view?.data.learners.some((l) => l.id === selectedLearnerId)) return <LearnerPage learnerId={selectedLearnerId} />;
  return <LearnerList />;
}

function LearnerList() {
  const { t, pounds, yearGroup, date, nameOf } = useDisplay();
  const view = useMapio((s) => s.view);
  const openLearner = useMapio((s) => s.openLearner);
  const notice = useMapio((s) => s.status);
  const setNotice = useMapio((s) => s.setStatus);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<AlnStatus | ''>('');
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const deferredQuery = useDeferredValue(query);
  const scrollRef = useRef<HTMLDivElement>(null);
  const id = useId();

  const data = view?.data;
  const names = useMemo(() => (data ? namesOf(data) : null), [data]);
  const costs = useMemo(() => new Map((view?.costed.learners ?? []).map((c) => [c.learnerId, c])), [view]);
  const today = localToday();

  const rows = useMemo(() => {
    const matches = searchMatcher(deferredQuery);
    return (data?.learners ?? []).filter((l) => (status === '' || l.alnStatus === status) && matches(l.name, l.ref));
  }, [data, deferredQuery, status]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  if (!view || !data || !names) return null;

  const reviewDue = idpReviewDueOf;

  return (
    <div className="learners-screen">
      <div className="screen-head">
        <div>
          <h1>{t('learners.title')}</h1>
          <p className="intro">{t('learners.intro')}</p>
        </div>
        <div className="button-row">
          <button type="button" onClick={() => setImporting(true)} data-testid="import-mis">
            {t('mis.open')}
          </button>
          <button type="button" className="primary" onClick={() => setAdding(true)} data-testid="add-learner">
            + {t('learners.addLearner')}
          </button>
        </div>
      </div>
      {notice?.key === 'mis.imported' ? (
        // What the import did, on screen as well as to a screen reader, until it is dismissed.
        <div className="notice notice-good" data-testid="mis-imported">
          <p>
            <span aria-hidden="true">✓ </span>
            {t(notice.key, notice.params ?? {})}
          </p>
          <button type="button" className="small" onClick={() => setNotice(null)}>
            {t('app.dismiss')}
          </button>
        </div>
      ) : null}
      <div className="toolbar">
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('learners.search')}</label>
          <input id={`${id}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-s`}>{t('learners.filterStatus')}</label>
          <select id={`${id}-s`} value={status} onChange={(e) => setStatus(e.target.value as AlnStatus | '')}>
            <option value="">{t('common.all')}</option>
            <SelectOptions values={ALN_STATUSES} label={(s) => t(`enums.alnStatus.${s}`)} />
          </select>
        </div>
        <p className="muted" aria-live="polite">
          {t('learners.count', { shown: rows.length, count: data.learners.length })}
        </p>
      </div>

      {data.learners.length === 0 ? (
        <p className="empty">{t('learners.noLearners')}</p>
      ) : (
        <div className="vgrid" role="table" aria-label={t('learners.title')} aria-rowcount={rows.length + 1} data-testid="learners-table">
          <div className="vgrid-scroll" ref={scrollRef}>
            <div role="rowgroup" className="vgrid-head">
              <div role="row" className="vgrid-row" aria-rowindex={1} style={{ gridTemplateColumns: COLUMNS }}>
                <span role="columnheader">{t('learners.col.ref')}</span>
                <span role="columnheader">{t('learners.col.name')}</span>
                <span role="columnheader">{t('learners.col.yearGroup')}</span>
                <span role="columnheader">{t('learners.col.status')}</span>
                <span role="columnheader">{t('learners.col.areas')}</span>
                <span role="columnheader">{t('learners.col.welshAlp')}</span>
                <span role="columnheader">{t('learners.col.reviewDue')}</span>
                <span role="columnheader" className="num">
                  {t('learners.col.lines')}
                </span>
                <span role="columnheader" className="num">
                  {t('learners.col.cost')}
                </span>
              </div>
            </div>
            <div role="rowgroup" className="vgrid-body" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const l = rows[item.index];
                if (!l) return null;
                const cost = costs.get(l.id);
                const due = reviewDue(l);
                const overdue = due !== null && due < today;
                return (
                  <div
                    key={l.id}
                    role="row"
                    aria-rowindex={item.index + 2}
                    className="vgrid-row"
                    data-testid={`learner-row-${l.id}`}
                    style={{ gridTemplateColumns: COLUMNS, position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  >
                    <span role="cell" title={l.ref} data-testid="learner-ref">
                      {l.ref}
                    </span>
                    <span role="cell">
                      <button type="button" className="row-title" onClick={() => openLearner(l.id)}>
                        {learnerName(l)}
                      </button>
                    </span>
                    <span role="cell">{yearGroup(l.yearGroup)}</span>
                    <span role="cell">{t(`enums.alnStatus.${l.alnStatus}`)}</span>
                    <span role="cell" title={l.areaIds.map((a) => nameOf(names.areas.get(a), a)).join(', ')}>
                      {l.areaIds.map((a) => nameOf(names.areas.get(a), a)).join(', ')}
                    </span>
                    <span role="cell">{l.welshAlp ? t('learners.welshYes') : ''}</span>
                    <span role="cell" className={overdue ? 'warn' : undefined}>
                      {due ? date(due) : ''}
                      {overdue ? (
                        <>
                          {' '}
                          <span aria-hidden="true">⚠</span>
                          <span className="visually-hidden"> {t('learners.reviewOverdue')}</span>
                        </>
                      ) : null}
                    </span>
                    <span role="cell" className="num">
                      {cost?.lineIds.length ?? 0}
                    </span>
                    <span role="cell" className="num money">
                      {pounds(cost?.costPence ?? 0)}
                    </span>
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      )}
      {importing ? <MisImportDialog onClose={() => setImporting(false)} /> : null}
      {adding ? <LearnerForm learner={null} onClose={() => setAdding(false)} onSaved={(newId) => newId && openLearner(newId)} /> : null}
    </div>
  );
}
