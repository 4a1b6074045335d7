import { useCallback, useEffect, useMemo, useState } from 'react';
import { type InterventionLine } from '../../../shared/domain';
import { ConfirmDialog } from '../../components/Dialog';
import { EditorPanel, useEscapeClosesEditor } from '../../components/EditorPanel';
import { type Commit } from '../../components/fields';
import { namesOf, useDisplay } from '../../display';
import { loadEditPrediction } from '../../state/editPrediction';
import { problemOf, useMapio, useYearAndFigures } from '../../state/store';
import { EnrolPicker } from './EnrolPicker';
import { LineBasics } from './lineEditor/LineBasics';
import { LineEnrolments } from './lineEditor/LineEnrolments';
import { LineFigures } from './lineEditor/LineFigures';
import { LineNonStaffCosts } from './lineEditor/LineNonStaffCosts';
import { LineNotes } from './lineEditor/LineNotes';
import { LineSchedule } from './lineEditor/LineSchedule';
import { LineStaffing } from './lineEditor/LineStaffing';
import type { FieldCommit, FieldPrepare, LineChanges, SaveFrom } from './lineEditor/lineEdits';
import { LineImpactPanel } from '../impact/ImpactPanels';

/**
 * The selected line as a form: every change saves at once (debounced), and the totals follow. The form's
 * sections are in lineEditor/ (figures, basics, staffing, schedule, non-staff costs, notes, enrolments);
 * this component owns saving and the line's actions (duplicate, delete, enrol).
 */
export function LineEditor(props: { line: InterventionLine; onClose: () => void }) {
  const { t, nameOf } = useDisplay();
  const { line } = props;
  /** The line's name as the reader sees it on the map: its Welsh name to a Welsh reader, when it has one. */
  const shownName = nameOf(line);
  const { data, costed: figures } = useYearAndFigures();
  const mutate = useMapio((s) => s.mutate);
  const anticipate = useMapio((s) => s.anticipate);
  const mutateFrom = useMapio((s) => s.mutateFrom);
  const selectLine = useMapio((s) => s.selectLine);
  const setStatus = useMapio((s) => s.setStatus);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [picking, setPicking] = useState(false);

  const lineId = line.id;
  const names = useMemo(() => (data ? namesOf(data) : null), [data]);
  // The line's enrolments, found among the year's (thousands in a large school) only when those change:
  // an edit to the line keeps the list (shared/api/yearPatch.ts).
  const allEnrolments = data?.enrolments;
  const enrolments = useMemo(() => (allEnrolments ?? []).filter((e) => e.lineId === lineId), [allEnrolments, lineId]);

  useEscapeClosesEditor(props.onClose);
  // The window predicts a schedule edit's figures (renderer/state/editPrediction.ts): load the engine for it
  // once an editor opens, not in the first paint, and learn the year shown while the window is idle.
  useEffect(() => {
    void loadEditPrediction(useMapio.getState().view);
  }, []);

  // The editor is for one line (its key is the line's id), so how it saves never changes: the sections
  // memoised on what they show (lineEditor/shownFields.ts) are not rendered again for a new function.
  const save = useCallback<Commit<LineChanges>>(async (changes) => problemOf(await mutate('lines.update', { id: lineId, changes }, { fieldErrors: true })), [mutate, lineId]);
  /**
   * A change to a list on the line (its staff, its other costs) built from the line as last saved when
   * the change's turn in the queue comes, not as last rendered: a second change made before the first
   * save returns keeps the first.
   */
  const saveFrom = useCallback<SaveFrom>(
    async (change) => {
      const outcome = await mutateFrom(
        'lines.update',
        (v) => {
          const latest = v.data.lines.find((l) => l.id === lineId);
          return latest ? { id: lineId, changes: change(latest) } : null;
        },
        { fieldErrors: true },
      );
      return outcome ? problemOf(outcome) : null;
    },
    [mutateFrom, lineId],
  );
  const field = useCallback<FieldCommit>((key) => (value) => save({ [key]: value } as LineChanges), [save]);
  // The same input `save` sends for the field, so the prediction made ahead is the one the commit asks for.
  const prepare = useCallback<FieldPrepare>((key) => (value) => anticipate('lines.update', { id: lineId, changes: { [key]: value } as LineChanges }), [anticipate, lineId]);

  if (!data || !figures || !names) return null;
  const costed = figures.lines.find((c) => c.lineId === line.id);

  const duplicate = async () => {
    const outcome = await mutate('lines.duplicate', { id: line.id });
    const created = outcome.ok ? outcome.result.createdIds?.[0] : undefined;
    if (created) {
      selectLine(created);
      setStatus({ key: 'line.duplicated', params: { name: shownName } });
    }
  };
  const remove = async () => {
    setConfirmDelete(false);
    const outcome = await mutate('lines.delete', { id: line.id });
    if (outcome.ok) {
      setStatus({ key: 'line.deleted', params: { name: shownName } });
      props.onClose();
    }
  };

  return (
    <EditorPanel
      titleId="line-editor-title"
      testId="line-editor"
      eyebrow={t('line.editorTitle')}
      name={shownName}
      closeLabel={t('line.closeEditor')}
      onClose={props.onClose}
      actions={
        <>
          <button type="button" onClick={() => void duplicate()} data-testid="duplicate-line">
            {t('common.duplicate')}
          </button>
          <button type="button" className="danger" onClick={() => setConfirmDelete(true)} data-testid="delete-line">
            {t('common.delete')}
          </button>
        </>
      }
    >
      <div className="editor-body">
        <LineFigures costed={costed} />
        <LineBasics line={line} tiers={data.tiers} areas={data.areas} field={field} />
        <LineStaffing line={line} staff={data.staff} staffById={names.staff} saveFrom={saveFrom} />
        <LineSchedule line={line} data={data} field={field} prepare={prepare} />
        <LineNonStaffCosts line={line} saveFrom={saveFrom} />
        <LineNotes line={line} field={field} />
        <LineImpactPanel line={line} />
        <LineEnrolments lineId={line.id} costed={costed} enrolments={enrolments} names={names} onEnrol={() => setPicking(true)} />
      </div>

      {confirmDelete ? (
        <ConfirmDialog
          danger
          title={t('line.deleteTitle')}
          body={
            <>
              <p>{t('line.deleteBody', { name: shownName })}</p>
              <p>{t('line.deleteEnrolments', { count: enrolments.length })}</p>
              <p>{t('line.deleteUndo')}</p>
            </>
          }
          confirmLabel={t('line.confirmDelete')}
          onConfirm={() => void remove()}
          onCancel={() => setConfirmDelete(false)}
        />
      ) : null}
      {picking ? <EnrolPicker line={line} onClose={() => setPicking(false)} /> : null}
    </EditorPanel>
  );
}
