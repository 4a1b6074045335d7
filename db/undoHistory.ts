/**
 * Undo and redo for a school file, by the technique in https://www.sqlite.org/undoredo.html:
 * TEMP triggers on every data table append the SQL that would reverse each row change to a TEMP log.
 * One `mutate` call = one step. When a step ends, its log entries are taken out of the log and kept
 * (in memory, newest last) with the step's label. Undoing a step runs its entries newest-first; while
 * that runs the same triggers write the entries that reverse the undo, which become the redo step.
 *
 * Because triggers see every row change, cascades are covered: deleting a line logs the re-insertion of
 * its enrolments and join rows too, each with its own rowid, so undo restores the same ids.
 * The triggers and the log are TEMP: they live only on this connection and never touch the file.
 */
import type { HistoryLabel } from '../shared/api/historySteps';
import type { SqliteDatabase } from './connection';

/** Tables whose changes are not user edits. */
const UNTRACKED_TABLES = new Set(['mapio_meta']);

export const DEFAULT_HISTORY_LIMIT = 200;

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: HistoryLabel | null;
  redoLabel: HistoryLabel | null;
}

export interface HistoryStep {
  label: HistoryLabel;
  /** Reversing SQL, oldest first; replayed newest first. */
  statements: string[];
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** A SQL string literal holding `text` (only ever used on names read from the schema). */
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Create the TEMP log and one INSERT/UPDATE/DELETE trigger per data table. Idempotent per connection. */
export function installUndoTriggers(db: SqliteDatabase): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS undo_log (seq INTEGER PRIMARY KEY, sql TEXT NOT NULL)');
  const tables = db.prepare(`SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  for (const table of tables) {
    if (UNTRACKED_TABLES.has(table)) continue;
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).map(String);
    const t = ident(table);
    const target = literal(`main.${t}`);
    // SQL text fragments built from the schema's own column names; values go through quote().
    const insertColumns = literal(['rowid', ...columns.map(ident)].join(', '));
    const oldValues = columns.map((c) => `quote(old.${ident(c)})`).join(` || ', ' || `);
    const setOld = columns.map((c) => `${literal(`${ident(c)} = `)} || quote(old.${ident(c)})`).join(` || ', ' || `);
    const prefix = `undo_${table}`;
    db.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS ${ident(`${prefix}_insert`)} AFTER INSERT ON main.${t} BEGIN
        INSERT INTO temp.undo_log (sql) VALUES ('DELETE FROM ' || ${target} || ' WHERE rowid = ' || new.rowid);
      END;
      CREATE TEMP TRIGGER IF NOT EXISTS ${ident(`${prefix}_update`)} AFTER UPDATE ON main.${t} BEGIN
        INSERT INTO temp.undo_log (sql) VALUES ('UPDATE ' || ${target} || ' SET ' || ${setOld} || ' WHERE rowid = ' || old.rowid);
      END;
      CREATE TEMP TRIGGER IF NOT EXISTS ${ident(`${prefix}_delete`)} AFTER DELETE ON main.${t} BEGIN
        INSERT INTO temp.undo_log (sql) VALUES ('INSERT INTO ' || ${target} || ' (' || ${insertColumns} || ') VALUES (' || old.rowid || ', ' || ${oldValues} || ')');
      END;
    `);
  }
}

export class UndoHistory {
  private undoSteps: HistoryStep[] = [];
  private redoSteps: HistoryStep[] = [];
  private readonly lastSeq;
  private readonly takeSince;
  private readonly clearSince;

  constructor(
    private readonly db: SqliteDatabase,
    readonly limit = DEFAULT_HISTORY_LIMIT,
  ) {
    installUndoTriggers(db);
    this.lastSeq = db.prepare('SELECT coalesce(max(seq), 0) FROM temp.undo_log').pluck();
    this.takeSince = db.prepare('SELECT sql FROM temp.undo_log WHERE seq > ? ORDER BY seq').pluck();
    this.clearSince = db.prepare('DELETE FROM temp.undo_log WHERE seq > ?');
  }

  /** Where the log stands now; pass it to `take` after the change. */
  mark(): number {
    return this.lastSeq.get() as number;
  }

  /** Remove and return the reversing SQL written since `mark`. Call inside the change's transaction. */
  take(mark: number): string[] {
    const statements = this.takeSince.all(mark) as string[];
    this.clearSince.run(mark);
    return statements;
  }

  /** Record a finished edit as one undo step; any redo is gone. Empty edits are not recorded. */
  push(step: HistoryStep): void {
    if (step.statements.length === 0) return;
    this.undoSteps.push(step);
    if (this.undoSteps.length > this.limit) this.undoSteps.splice(0, this.undoSteps.length - this.limit);
    this.redoSteps = [];
  }

  /** Reverse the newest step. Returns its label, or null when there is nothing to undo. */
  undo(): HistoryLabel | null {
    return this.replay(this.undoSteps, this.redoSteps);
  }

  redo(): HistoryLabel | null {
    return this.replay(this.redoSteps, this.undoSteps);
  }

  state(): HistoryState {
    const undo = this.undoSteps[this.undoSteps.length - 1];
    const redo = this.redoSteps[this.redoSteps.length - 1];
    return { canUndo: !!undo, canRedo: !!redo, undoLabel: undo?.label ?? null, redoLabel: redo?.label ?? null };
  }

  /** The steps, to carry them over to a copy of the same data (Save As). */
  snapshot(): { undo: HistoryStep[]; redo: HistoryStep[] } {
    return { undo: [...this.undoSteps], redo: [...this.redoSteps] };
  }

  restore(snapshot: { undo: HistoryStep[]; redo: HistoryStep[] }): void {
    this.undoSteps = [...snapshot.undo];
    this.redoSteps = [...snapshot.redo];
  }

  private replay(from: HistoryStep[], to: HistoryStep[]): HistoryLabel | null {
    const step = from[from.length - 1];
    if (!step) return null;
    const reversed = this.db
      .transaction(() => {
        // Rows come back in the reverse of the order they went; deferring makes the order irrelevant to
        // foreign keys, which are still checked in full at commit.
        this.db.pragma('defer_foreign_keys = ON');
        const mark = this.mark();
        for (let i = step.statements.length - 1; i >= 0; i--) this.db.exec(step.statements[i]!);
        return this.take(mark);
      })
      .immediate();
    from.pop();
    to.push({ label: step.label, statements: reversed });
    return step.label;
  }
}
