/** What the line is: its name, tier, delivery language, areas of need and funding. */
import { memo } from 'react';
import { DELIVERY_LANGUAGES, FUNDING_SOURCES, type InterventionLine, type SchoolYear } from '../../../../shared/domain';
import { CheckboxGroup, SelectField, TextField } from '../../../components/fields';
import { useDisplay } from '../../../display';
import type { FieldCommit } from './lineEdits';
import { sameSection } from './shownFields';
import { tierChoiceLabel } from '../tierChoice';

export const LineBasics = memo(
  function LineBasics({ line, tiers, areas, field }: { line: InterventionLine; tiers: SchoolYear['tiers']; areas: SchoolYear['areas']; field: FieldCommit }) {
    const { t, nameOf } = useDisplay();
    return (
      <div className="form-grid">
        <TextField className="span-2" label={t('line.name')} value={line.name} required commit={field('name')} testId="line-name" />
        <TextField className="span-2" label={t('line.nameCy')} hint={t('line.nameCyHint')} value={line.nameCy} commit={field('nameCy')} testId="line-name-cy" />
        <SelectField
          className="span-2"
          label={t('line.tier')}
          value={line.tierId}
          options={[...tiers]
            .sort((a, b) => a.sortOrder - b.sortOrder)
            .map((x) => ({ value: x.id, label: tierChoiceLabel(nameOf(x), x.isAlp, { alp: t('map.tierAlp'), notAlp: t('map.tierNotAlp') }) }))}
          commit={field('tierId')}
        />
        <SelectField
          className="span-2"
          label={t('line.language')}
          value={line.deliveryLanguage}
          options={DELIVERY_LANGUAGES.map((l) => ({ value: l, label: t(`enums.deliveryLanguage.${l}`) }))}
          commit={field('deliveryLanguage')}
        />
        <div className="span-2">
          <CheckboxGroup
            legend={t('line.areas')}
            options={[...areas].sort((a, b) => a.sortOrder - b.sortOrder).map((a) => ({ value: a.id, label: nameOf(a) }))}
            value={line.areaIds}
            commit={field('areaIds')}
          />
        </div>
        <SelectField
          className="span-2"
          label={t('line.fundingSource')}
          value={line.fundingSource}
          options={FUNDING_SOURCES.map((f) => ({ value: f, label: t(`enums.fundingSource.${f}`) }))}
          commit={field('fundingSource')}
        />
        <TextField label={t('line.fundingNote')} value={line.fundingNote} commit={field('fundingNote')} />
        <TextField label={t('line.fundingNoteCy')} value={line.fundingNoteCy} commit={field('fundingNoteCy')} testId="line-funding-note-cy" />
      </div>
    );
  },
  sameSection(['name', 'nameCy', 'tierId', 'deliveryLanguage', 'areaIds', 'fundingSource', 'fundingNote', 'fundingNoteCy']),
);
