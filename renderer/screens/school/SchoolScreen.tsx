import { useRef, type KeyboardEvent } from 'react';
import { useDisplay } from '../../display';
import { SCHOOL_PARTS, useMapio, type SchoolPart } from '../../state/store';
import { focusWhenShown } from '../../components/focusWhenShown';
import { CalendarEditor } from './CalendarEditor';
import { SchoolDetails } from './SchoolDetails';
import { WelshCompleteness } from './WelshCompleteness';
import { AreasEditor, TiersEditor } from './VocabularyEditor';

/**
 * The school's own set-up: its details, calendar, tiers and areas of need. A new empty school file opens
 * here as a first-run set-up that walks the four parts in order (and can be skipped); afterwards the
 * same screen is always reachable from the navigation. Every field saves as it is typed and can be undone.
 */
export function SchoolScreen() {
  const { t } = useDisplay();
  const part = useMapio((s) => s.schoolPart);
  const settingUp = useMapio((s) => s.settingUp);
  const showPart = useMapio((s) => s.showSchoolPart);
  const endSetUp = useMapio((s) => s.endSetUp);
  const show = useMapio((s) => s.show);
  const setStatus = useMapio((s) => s.setStatus);
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const index = SCHOOL_PARTS.indexOf(part);

  const go = (next: SchoolPart) => {
    showPart(next);
    tabs.current[SCHOOL_PARTS.indexOf(next)]?.focus();
  };
  // Arrow keys move between the tabs, as a tab list should.
  const onTabKey = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (e.key === 'Home') go(SCHOOL_PARTS[0]);
    else if (e.key === 'End') go(SCHOOL_PARTS[SCHOOL_PARTS.length - 1] as SchoolPart);
    else if (step) go(SCHOOL_PARTS[(index + step + SCHOOL_PARTS.length) % SCHOOL_PARTS.length] as SchoolPart);
    else return;
    e.preventDefault();
  };
  // Next and Back: the new step starts at the top, its heading focused (the button pressed would otherwise
  // keep focus, now below the fold of a long step, and a second Enter would skip the step unseen).
  const step = (next: SchoolPart) => {
    showPart(next);
    window.scrollTo({ top: 0 });
    stepHeading.current?.focus({ preventScroll: true });
  };
  // Focus goes on to the Staff screen's main action, not to the page.
  const finish = () => {
    endSetUp();
    setStatus({ key: 'school.setup.done' });
    show('staff');
    focusWhenShown('[data-testid="add-staff"]');
  };

  return (
    <div className="school-screen" data-testid="school-screen">
      <div className="screen-head">
        <div>
          <h1>{settingUp ? t('school.setup.title') : t('school.title')}</h1>
          <p className="intro">{settingUp ? t('school.setup.intro') : t('school.intro')}</p>
        </div>
        {settingUp ? (
          <button type="button" onClick={finish} data-testid="setup-skip">
            {t('school.setup.skip')}
          </button>
        ) : null}
      </div>
      {settingUp ? (
        <h2 className="setup-step" tabIndex={-1} ref={stepHeading} data-testid="setup-step">
          {t('school.setup.step', { n: index + 1, total: SCHOOL_PARTS.length, name: t(`school.parts.${part}`) })}
        </h2>
      ) : null}
      <div role="tablist" aria-label={t('school.parts.label')} className="tab-list" onKeyDown={onTabKey}>
        {SCHOOL_PARTS.map((p, i) => (
          <button
            key={p}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`school-tab-${p}`}
            aria-selected={p === part}
            aria-controls={`school-panel-${p}`}
            tabIndex={p === part ? 0 : -1}
            className={p === part ? 'tab selected' : 'tab'}
            onClick={() => showPart(p)}
            data-testid={`school-tab-${p}`}
          >
            {settingUp ? `${i + 1}. ` : ''}
            {t(`school.parts.${p}`)}
          </button>
        ))}
      </div>
      <section role="tabpanel" id={`school-panel-${part}`} aria-labelledby={`school-tab-${part}`} className="tab-panel">
        {/* The part's name as a heading, so the outline runs School > Calendar > Terms for screen readers
            (in the set-up, the step line above is that heading). */}
        {settingUp ? null : <h2 className="visually-hidden">{t(`school.parts.${part}`)}</h2>}
        {part === 'details' ? <SchoolDetails /> : part === 'calendar' ? <CalendarEditor /> : part === 'tiers' ? <TiersEditor /> : <AreasEditor />}
      </section>
      {settingUp ? null : <WelshCompleteness />}
      {settingUp ? (
        <div className="setup-nav">
          <button type="button" disabled={index === 0} onClick={() => step(SCHOOL_PARTS[index - 1] as SchoolPart)} data-testid="setup-back">
            {t('school.setup.back')}
          </button>
          {index < SCHOOL_PARTS.length - 1 ? (
            <button type="button" className="primary" onClick={() => step(SCHOOL_PARTS[index + 1] as SchoolPart)} data-testid="setup-next">
              {t('school.setup.next', { name: t(`school.parts.${SCHOOL_PARTS[index + 1]}`) })}
            </button>
          ) : (
            <button type="button" className="primary" onClick={finish} data-testid="setup-finish">
              {t('school.setup.finish')}
            </button>
          )}
        </div>
      ) : null}
    </div>
  );
}
