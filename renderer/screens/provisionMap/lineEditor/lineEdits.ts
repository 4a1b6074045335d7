/** How the line editor's sections save: one field at once, or a change to a list built from the line as last saved. */
import type { InterventionLine } from '../../../../shared/domain';
import type { Commit } from '../../../components/fields';

export type LineChanges = Partial<Omit<InterventionLine, 'id'>>;

/** A commit for one field of the line. */
export type FieldCommit = <K extends keyof LineChanges>(key: K) => Commit<NonNullable<LineChanges[K]>>;

/** For one field of the line: a value still being typed, whose edit the window may work out ahead (fields.tsx `prepare`). */
export type FieldPrepare = <K extends keyof LineChanges>(key: K) => (value: NonNullable<LineChanges[K]>) => void;

/**
 * A change to a list on the line (its staff, its other costs) built from the line as last saved when the
 * change's turn in the queue comes; resolves with the problem to show, or null.
 */
export type SaveFrom = (change: (latest: InterventionLine) => LineChanges) => Promise<string | null>;
