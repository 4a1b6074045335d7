import type { AreaOfNeed } from '../../shared/domain';
import { ApiError } from '../../shared/api/contract';
import type { SqliteDatabase } from '../connection';
import { assertNoDuplicates, namesParam } from './tableRecord';

export interface AreasRepository {
  /**
   * Replace the areas of need: new ids added, known ids updated, missing ids removed. Removing an area
   * that lines or learners still name is refused (ApiError 'conflict' naming them).
   */
  set(areas: AreaOfNeed[]): void;
}

export function createAreasRepository(db: SqliteDatabase): AreasRepository {
  const upsert = db.prepare(`
    INSERT INTO areas (id, name, name_cy, sort_order) VALUES (@id, @name, @nameCy, @sortOrder)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_cy = excluded.name_cy, sort_order = excluded.sort_order
    WHERE (name, name_cy, sort_order) IS NOT (excluded.name, excluded.name_cy, excluded.sort_order)`);
  const all = db.prepare('SELECT id, name FROM areas');
  const linesUsing = db.prepare('SELECT l.name FROM line_areas la JOIN lines l ON l.id = la.line_id WHERE la.area_id = ? ORDER BY l.id').pluck();
  const learnersUsing = db.prepare('SELECT count(*) FROM learner_areas WHERE area_id = ?').pluck();
  const remove = db.prepare('DELETE FROM areas WHERE id = ?');
  return {
    set(areas) {
      assertNoDuplicates(
        'areas',
        areas.map((a) => a.id),
      );
      for (const a of areas) upsert.run({ id: a.id, name: a.name, nameCy: a.nameCy, sortOrder: a.sortOrder });
      const keep = new Set(areas.map((a) => a.id));
      for (const row of all.all() as Array<{ id: string; name: string }>) {
        if (keep.has(row.id)) continue;
        const lines = linesUsing.all(row.id) as string[];
        const learners = learnersUsing.get(row.id) as number;
        if (lines.length > 0 || learners > 0) {
          if (lines.length > 0) throw new ApiError('conflict', 'areaUsedByLines', { area: row.name, count: lines.length, names: namesParam(lines) });
          throw new ApiError('conflict', 'areaUsedByLearners', { area: row.name, count: learners });
        }
        remove.run(row.id);
      }
    },
  };
}
