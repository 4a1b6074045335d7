import { Fragment, useId, useState, type ReactNode } from 'react';
import { TIER_COSTING_MODES, type AreaOfNeed, type SchoolYear, type Tier, type TierCosting } from '../../../shared/domain';
import { ConfirmDialog, Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';
import { CheckboxField, SelectField, TextField, type Commit } from '../../components/fields';
import { useDisplay } from '../../display';
import { readText } from '../../forms/parse';
import { problemOf, useMapio } from '../../state/store';
import { FieldMessage } from '../../components/FieldMessage';

/**
 * The school's tiers and areas of need: its own words, in English and Welsh. Each change (a name, a tier's
 * description for parents, the order, a tier's ALP mark or costing mode, a deletion) saves as it is typed
 * or chosen, as one undo step. A record still used by lines (or learners) cannot be deleted, and the last
 * ALP tier cannot lose its mark: the editor says why beside the button rather than after a refusal.
 */

type Named = { id: string; name: string; nameCy: string; sortOrder: number };

/** A code for a new record from its name ("Universal plus" → "universal_plus"), unique among `taken`. */
export function codeFor(name: string, taken: ReadonlySet<string>, fallback: string): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+|_+$/g, '')
      .slice(0, 32) || fallback;
  let code = base;
  for (let n = 2; taken.has(code); n++) code = `${base}_${n}`;
  return code;
}

const sorted = <T extends Named>(list: readonly T[]): T[] => [...list].sort((a, b) => a.sortOrder - b.sortOrder || a.id.localeCompare(b.id));
/** The list in its new order, numbered 1, 2, 3… */
const renumbered = <T extends Named>(list: readonly T[]): T[] => list.map((x, i) => ({ ...x, sortOrder: i + 1 }));

function RecordTable<T extends Named>(props: {
  kind: 'tiers' | 'areas';
  records: readonly T[];
  /** How many lines (and learners) use a record, as words; null when nothing does. */
  usedBy: (record: T) => string | null;
  /** Why a record cannot be deleted (beyond being used), or null. */
  keep?: (record: T) => string | null;
  /** Save the whole list as it should be, built from the latest saved one. */
  save: (change: (latest: T[]) => T[]) => Promise<string | null>;
  extraHeadings?: ReactNode;
  extraCells?: (record: T) => ReactNode;
  /** A row under each record's own, for what does not fit in a cell (a tier's description for parents). */
  afterRow?: (record: T) => ReactNode;
}) {
  const { t, nameOf } = useDisplay();
  const [deleting, setDeleting] = useState<T | null>(null);
  const list = sorted(props.records);
  const k = props.kind;
  const rename =
    (record: T, field: 'name' | 'nameCy'): Commit<string> =>
    async (value) => {
      if (field === 'name' && list.some((x) => x.id !== record.id && x.name.trim().toLowerCase() === value.toLowerCase())) return t(`school.${k}.sameName`);
      return props.save((latest) => latest.map((x) => (x.id === record.id ? { ...x, [field]: value } : x)));
    };
  const move = (record: T, by: -1 | 1) =>
    void props.save((latest) => {
      const order = sorted(latest);
      const i = order.findIndex((x) => x.id === record.id);
      const j = i + by;
      if (i < 0 || j < 0 || j >= order.length) return latest;
      [order[i], order[j]] = [order[j] as T, order[i] as T];
      return renumbered(order);
    });

  return (
    <>
      <div className="table-wrap">
        <table className="data-table vocabulary-table" data-testid={`${k}-table`}>
          <thead>
            <tr>
              <th scope="col">{t(`school.${k}.col.name`)}</th>
              <th scope="col">{t(`school.${k}.col.nameCy`)}</th>
              {props.extraHeadings}
              <th scope="col">{t(`school.${k}.col.usedBy`)}</th>
              <th scope="col">
                <span className="visually-hidden">{t(`school.${k}.col.actions`)}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((record, i) => {
              const used = props.usedBy(record);
              const kept = props.keep?.(record) ?? null;
              return (
                <Fragment key={record.id}>
                  <tr data-testid={`${k}-row-${record.id}`}>
                    <td>
                      <TextField label={t(`school.${k}.col.name`)} hideLabel value={record.name} required commit={rename(record, 'name')} testId={`${k}-name-${record.id}`} />
                    </td>
                    <td>
                      <TextField label={t(`school.${k}.col.nameCy`)} hideLabel value={record.nameCy} commit={rename(record, 'nameCy')} testId={`${k}-name-cy-${record.id}`} />
                    </td>
                    {props.extraCells?.(record)}
                    <td className="used-by">{used ?? <span className="muted">{t(`school.${k}.unused`)}</span>}</td>
                    <td className="row-buttons">
                      <button
                        type="button"
                        className="small"
                        disabled={i === 0}
                        onClick={() => move(record, -1)}
                        aria-label={t('school.moveUp', { name: nameOf(record) })}
                        title={t('school.moveUp', { name: nameOf(record) })}
                      >
                        <span aria-hidden="true">↑</span>
                      </button>
                      <button
                        type="button"
                        className="small"
                        disabled={i === list.length - 1}
                        onClick={() => move(record, 1)}
                        aria-label={t('school.moveDown', { name: nameOf(record) })}
                        title={t('school.moveDown', { name: nameOf(record) })}
                      >
                        <span aria-hidden="true">↓</span>
                      </button>
                      <button
                        type="button"
                        className="small danger"
                        disabled={used !== null || kept !== null || list.length === 1}
                        title={used !== null ? t(`school.${k}.cannotDeleteUsed`) : (kept ?? undefined)}
                        aria-label={t('school.delete', { name: nameOf(record) })}
                        onClick={() => setDeleting(record)}
                        data-testid={`${k}-delete-${record.id}`}
                      >
                        {t('common.delete')}
                      </button>
                    </td>
                  </tr>
                  {props.afterRow?.(record)}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="field-hint">{t(`school.${k}.deleteRule`)}</p>
      {deleting ? (
        <ConfirmDialog
          danger
          title={t(`school.${k}.deleteTitle`, { name: nameOf(deleting) })}
          body={<p>{t('school.deleteBody')}</p>}
          confirmLabel={t('common.delete')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const gone = deleting.id;
            setDeleting(null);
            void props.save((latest) => renumbered(sorted(latest).filter((x) => x.id !== gone)));
          }}
        />
      ) : null}
    </>
  );
}

/** Lines using each tier or area, and learners with each area, as words for the table. */
function usage(data: SchoolYear, t: ReturnType<typeof useDisplay>['t']) {
  return {
    tier: (tier: Tier) => {
      const lines = data.lines.filter((l) => l.tierId === tier.id).length;
      return lines > 0 ? t('school.lines', { count: lines }) : null;
    },
    area: (area: AreaOfNeed) => {
      const lines = data.lines.filter((l) => l.areaIds.includes(area.id)).length;
      const learners = data.learners.filter((l) => l.areaIds.includes(area.id)).length;
      const parts = [lines > 0 ? t('school.lines', { count: lines }) : null, learners > 0 ? t('school.learners', { count: learners }) : null].filter(Boolean);
      return parts.length > 0 ? parts.join(', ') : null;
    },
  };
}

export function TiersEditor() {
  const { t, nameOf } = useDisplay();
  const data = useMapio((s) => s.view?.data);
  const mutateFrom = useMapio((s) => s.mutateFrom);
  const [adding, setAdding] = useState(false);
  if (!data) return null;
  const save = async (change: (latest: Tier[]) => Tier[]): Promise<string | null> => {
    const outcome = await mutateFrom('tiers.set', (v) => ({ tiers: change([...v.data.tiers]) }), { fieldErrors: true });
    return outcome ? problemOf(outcome) : null;
  };
  const alpTiers = data.tiers.filter((x) => x.isAlp).length;
  const used = usage(data, t);
  return (
    <div data-testid="tiers-editor">
      <p className="intro">{t('school.tiers.intro')}</p>
      <RecordTable
        kind="tiers"
        records={data.tiers}
        usedBy={used.tier}
        keep={(x) => (x.isAlp && alpTiers === 1 ? t('school.tiers.lastAlp') : null)}
        save={save}
        extraHeadings={
          <>
            <th scope="col">{t('school.tiers.col.alp')}</th>
            <th scope="col">{t('school.tiers.col.costing')}</th>
          </>
        }
        afterRow={(tier) => (
          <tr className="vocabulary-more" data-testid={`tiers-description-row-${tier.id}`}>
            <td colSpan={6}>
              <div className="form-grid">
                <TextField
                  multiline
                  label={t('school.tiers.description', { name: nameOf(tier) })}
                  value={tier.description}
                  commit={(description) => save((latest) => latest.map((x) => (x.id === tier.id ? { ...x, description } : x)))}
                  testId={`tiers-description-${tier.id}`}
                />
                <TextField
                  multiline
                  label={t('school.tiers.descriptionCy', { name: nameOf(tier) })}
                  value={tier.descriptionCy}
                  commit={(descriptionCy) => save((latest) => latest.map((x) => (x.id === tier.id ? { ...x, descriptionCy } : x)))}
                  testId={`tiers-description-cy-${tier.id}`}
                />
              </div>
            </td>
          </tr>
        )}
        extraCells={(tier) => (
          <>
            <td>
              <CheckboxField
                label={t('school.tiers.isAlp')}
                testId={`tiers-alp-${tier.id}`}
                checked={tier.isAlp}
                commit={async (isAlp) => {
                  if (!isAlp && alpTiers === 1) return t('school.tiers.lastAlp');
                  return save((latest) => latest.map((x) => (x.id === tier.id ? { ...x, isAlp } : x)));
                }}
              />
            </td>
            <td>
              <SelectField<TierCosting>
                label={t('school.tiers.col.costing')}
                hideLabel
                value={tier.costing}
                options={TIER_COSTING_MODES.map((m) => ({ value: m, label: t(`school.tiers.costing.${m}`) }))}
                commit={(costing) => save((latest) => latest.map((x) => (x.id === tier.id ? { ...x, costing } : x)))}
                testId={`tiers-costing-${tier.id}`}
              />
            </td>
          </>
        )}
      />
      <p className="field-hint">{t('school.tiers.descriptionHint')}</p>
      <p className="field-hint">{t('school.tiers.costingRule')}</p>
      <button type="button" onClick={() => setAdding(true)} data-testid="tiers-add">
        + {t('school.tiers.add')}
      </button>
      {adding ? (
        <AddRecordDialog
          kind="tiers"
          taken={data.tiers}
          onClose={() => setAdding(false)}
          withTierFields
          onSave={(fields) =>
            save((latest) => [
              ...latest,
              {
                id: codeFor(fields.name, new Set(latest.map((x) => x.id)), 'tier'),
                name: fields.name,
                nameCy: fields.nameCy,
                description: '',
                descriptionCy: '',
                isAlp: fields.isAlp,
                costing: fields.costing,
                sortOrder: Math.max(0, ...latest.map((x) => x.sortOrder)) + 1,
              },
            ])
          }
        />
      ) : null}
    </div>
  );
}

export function AreasEditor() {
  const { t } = useDisplay();
  const data = useMapio((s) => s.view?.data);
  const mutateFrom = useMapio((s) => s.mutateFrom);
  const [adding, setAdding] = useState(false);
  if (!data) return null;
  const save = async (change: (latest: AreaOfNeed[]) => AreaOfNeed[]): Promise<string | null> => {
    const outcome = await mutateFrom('areas.set', (v) => ({ areas: change([...v.data.areas]) }), { fieldErrors: true });
    return outcome ? problemOf(outcome) : null;
  };
  const used = usage(data, t);
  return (
    <div data-testid="areas-editor">
      <p className="intro">{t('school.areas.intro')}</p>
      <RecordTable kind="areas" records={data.areas} usedBy={used.area} save={save} />
      <button type="button" onClick={() => setAdding(true)} data-testid="areas-add">
        + {t('school.areas.add')}
      </button>
      {adding ? (
        <AddRecordDialog
          kind="areas"
          taken={data.areas}
          onClose={() => setAdding(false)}
          onSave={(fields) =>
            save((latest) => [
              ...latest,
              { id: codeFor(fields.name, new Set(latest.map((x) => x.id)), 'area'), name: fields.name, nameCy: fields.nameCy, sortOrder: Math.max(0, ...latest.map((x) => x.sortOrder)) + 1 },
            ])
          }
        />
      ) : null}
    </div>
  );
}

/** A new tier or area: its names (and for a tier, ALP and costing), saved with the button. */
function AddRecordDialog(props: {
  kind: 'tiers' | 'areas';
  taken: readonly Named[];
  withTierFields?: boolean;
  onClose: () => void;
  onSave: (fields: { name: string; nameCy: string; isAlp: boolean; costing: TierCosting }) => Promise<string | null>;
}) {
  const { t } = useDisplay();
  const id = useId();
  const [name, setName] = useState('');
  const [nameCy, setNameCy] = useState('');
  const [isAlp, setIsAlp] = useState(false);
  const [costing, setCosting] = useState<TierCosting>('shared');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const k = props.kind;
  const save = async () => {
    const typed = readText(name, true);
    if (!typed.ok) return setProblem(t(typed.error));
    if (props.taken.some((x) => x.name.trim().toLowerCase() === typed.value.toLowerCase())) return setProblem(t(`school.${k}.sameName`));
    setBusy(true);
    const refused = await props.onSave({ name: typed.value, nameCy: readText(nameCy).value, isAlp, costing });
    setBusy(false);
    if (refused) setProblem(refused);
    else props.onClose();
  };
  return (
    <Dialog title={t(`school.${k}.add`)} onClose={props.onClose} onSubmit={() => void save()} footer={<FormFooter busy={busy} onCancel={props.onClose} submit saveTestId={`${k}-add-save`} />}>
      <div className={`field ${problem ? 'field-error' : ''}`}>
        <label htmlFor={`${id}-name`}>{t(`school.${k}.col.name`)}</label>
        <input
          id={`${id}-name`}
          type="text"
          value={name}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          data-testid={`${k}-add-name`}
          onChange={(e) => {
            setName(e.target.value);
            setProblem(null);
          }}
        />
        {problem ? <FieldMessage id={`${id}-problem`}>{problem}</FieldMessage> : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-name-cy`}>{t(`school.${k}.col.nameCy`)}</label>
        <input id={`${id}-name-cy`} type="text" value={nameCy} data-testid={`${k}-add-name-cy`} onChange={(e) => setNameCy(e.target.value)} />
      </div>
      {props.withTierFields ? (
        <>
          <div className="field field-check">
            <input id={`${id}-alp`} type="checkbox" checked={isAlp} onChange={(e) => setIsAlp(e.target.checked)} />
            <label htmlFor={`${id}-alp`}>{t('school.tiers.isAlpNew')}</label>
          </div>
          <div className="field">
            <label htmlFor={`${id}-costing`}>{t('school.tiers.col.costing')}</label>
            <select id={`${id}-costing`} value={costing} onChange={(e) => setCosting(e.target.value as TierCosting)}>
              {TIER_COSTING_MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`school.tiers.costing.${m}`)}
                </option>
              ))}
            </select>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
