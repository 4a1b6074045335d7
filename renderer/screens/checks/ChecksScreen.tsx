import { useMemo } from 'react';
import { CHECK_CODES, type Check } from '../../../shared/engine';
import { namesOf, useDisplay } from '../../display';
import { useMapio } from '../../state/store';
import { AsAtWeekPicker } from '../../components/AsAtWeekPicker';
import { checkMessage, checkTarget, checkTitle } from './checkText';

/** Every check in words, grouped by what it is, each with a way to the record that causes it. */
export function ChecksScreen() {
  const { t, date, lang } = useDisplay();
  const view = useMapio((s) => s.view);
  const show = useMapio((s) => s.show);
  const selectLine = useMapio((s) => s.selectLine);
  const selectStaff = useMapio((s) => s.selectStaff);
  const openLearner = useMapio((s) => s.openLearner);
  const data = view?.data;
  const names = useMemo(() => (data ? namesOf(data) : null), [data]);
  if (!view || !names) return null;

  const groups = CHECK_CODES.map((code) => ({ code, checks: view.costed.checks.filter((c) => c.code === code) })).filter((g) => g.checks.length > 0);

  const open = (c: Check) => {
    const target = checkTarget(c, names, t, lang);
    if (!target) return;
    if (target.kind === 'learner') openLearner(target.id);
    else if (target.kind === 'line') {
      selectLine(target.id);
      show('map');
    } else if (target.kind === 'income')
      show('budget'); // the income list, where the line is edited
    else {
      selectStaff(target.id);
      show('staff');
    }
  };

  return (
    <div className="checks-screen">
      <h1>{t('checks.title')}</h1>
      <p className="intro">{t('checks.intro')}</p>
      <AsAtWeekPicker />
      {groups.length === 0 ? (
        <p className="empty">
          <span aria-hidden="true">✓ </span>
          {t('checks.none')}
        </p>
      ) : null}
      {groups.map((g) => (
        <section key={g.code} className="card check-group" aria-labelledby={`check-${g.code}`} data-testid={`check-group-${g.code}`}>
          <h2 id={`check-${g.code}`}>
            <span aria-hidden="true">⚠ </span>
            {checkTitle(g.checks[0] as Check, t)} <span className="pill pill-warn">{t('checks.count', { count: g.checks.length })}</span>
          </h2>
          <ul className="check-list">
            {g.checks.map((c, i) => {
              const target = checkTarget(c, names, t, lang);
              return (
                <li key={i}>
                  <span>{checkMessage(c, names, { t, date, lang })}</span>
                  {target ? (
                    <button type="button" className="small" onClick={() => open(c)}>
                      {t('checks.open', { name: target.name })}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
