import type { Tier } from '../../shared/domain';
import { ApiError } from '../../shared/api/contract';
import type { SqliteDatabase } from '../connection';
import { assertNoDuplicates, invalidField, namesParam } from './tableRecord';

export interface TiersRepository {
  /**
   * Replace the list of tiers: new ids are added, known ids updated, missing ids removed. Removing a
   * tier that lines still use is refused (ApiError 'conflict' naming the lines).
   */
  set(tiers: Tier[]): void;
}

export function createTiersRepository(db: SqliteDatabase): TiersRepository {
  const upsert = db.prepare(`
    INSERT INTO tiers (id, name, name_cy, description, description_cy, is_alp, costing, sort_order)
    VALUES (@id, @name, @nameCy, @description, @descriptionCy, @isAlp, @costing, @sortOrder)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_cy = excluded.name_cy, description = excluded.description,
      description_cy = excluded.description_cy, is_alp = excluded.is_alp, costing = excluded.costing, sort_order = excluded.sort_order
    WHERE (name, name_cy, description, description_cy, is_alp, costing, sort_order)
      IS NOT (excluded.name, excluded.name_cy, excluded.description, excluded.description_cy, excluded.is_alp, excluded.costing, excluded.sort_order)`);
  const allIds = db.prepare('SELECT id, name FROM tiers');
  const linesUsing = db.prepare('SELECT name FROM lines WHERE tier_id = ? ORDER BY id').pluck();
  const remove = db.prepare('DELETE FROM tiers WHERE id = ?');
  return {
    set(tiers) {
      if (tiers.length === 0) throw invalidField('tiers', 'atLeastOneTier');
      assertNoDuplicates(
        'tiers',
        tiers.map((t) => t.id),
      );
      for (const t of tiers)
        upsert.run({ id: t.id, name: t.name, nameCy: t.nameCy, description: t.description, descriptionCy: t.descriptionCy, isAlp: t.isAlp ? 1 : 0, costing: t.costing, sortOrder: t.sortOrder });
      const keep = new Set(tiers.map((t) => t.id));
      for (const row of allIds.all() as Array<{ id: string; name: string }>) {
        if (keep.has(row.id)) continue;
        const lines = linesUsing.all(row.id) as string[];
        if (lines.length > 0) {
          throw new ApiError('conflict', 'tierUsedByLines', { tier: row.name, count: lines.length, names: namesParam(lines) });
        }
        remove.run(row.id);
      }
    },
  };
}
