import { untranslated, type UntranslatedKind } from '../../../shared/i18n/schoolWords';
import { useDisplay } from '../../display';
import { useMapio } from '../../state/store';

/**
 * What Welsh documents would still show in English: every name the school typed without a Welsh text
 * beside it, counted, each a way to the record where the Welsh is typed (docs/welsh.md).
 */
export function WelshCompleteness() {
  const { t } = useDisplay();
  const data = useMapio((s) => s.view?.data);
  const show = useMapio((s) => s.show);
  const selectLine = useMapio((s) => s.selectLine);
  const showSchoolPart = useMapio((s) => s.showSchoolPart);
  if (!data) return null;
  const missing = untranslated(data);
  const open = (kind: UntranslatedKind, id: number | string) => {
    if (kind === 'line' || kind === 'lineDescription' || kind === 'fundingNote') {
      selectLine(Number(id));
      show('map');
    } else if (kind === 'income' || kind === 'incomeSource' || kind === 'otherCost') show('budget');
    else showSchoolPart(kind === 'tier' || kind === 'tierDescription' ? 'tiers' : kind === 'area' ? 'areas' : 'details');
  };
  return (
    <section className="card welsh-completeness" aria-labelledby="welsh-completeness" data-testid="welsh-completeness">
      <h2 id="welsh-completeness">{t('school.welsh.title')}</h2>
      {missing.length === 0 ? (
        <p>
          <span aria-hidden="true">✓ </span>
          {t('school.welsh.complete')}
        </p>
      ) : (
        <details>
          <summary data-testid="welsh-missing-count">{t('school.welsh.missing', { count: missing.length })}</summary>
          <ul className="welsh-missing">
            {missing.map((m) => (
              <li key={`${m.kind}-${m.id}`}>
                <span className="muted">{t(`school.welsh.kind.${m.kind}`)}:</span>{' '}
                <button type="button" className="link-button" lang="en" onClick={() => open(m.kind, m.id)}>
                  {m.name}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
