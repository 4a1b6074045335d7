/**
 * The floor for a recost: the same headline totals the engine gives (cost of every line and other cost,
 * the part charged to the ALN budget, by tier) computed by ONE hand-written SQL aggregate over the
 * school file. It applies docs/costing-rules.md's rules inside SQLite with integer arithmetic only:
 *
 *     line cost  = round(Σ staff: hourly × count × groups × (contact + planning) × sessions/100 × weeks ÷ 60) + non-staff
 *     other cost = round(hourly × minutes per week × weeks ÷ 60)  or  quantity × unit price
 *
 * Rounding is half away from zero; every numerator is ≥ 0, so (n + d/2) / d in SQLite's integer division
 * is exactly that. Other cost lines sit under the tier key 'other_costs', as in the engine (totals.ts).
 * It knows nothing of shares, checks, financial years or cost to date: that is why it is the floor.
 */
import type { SqliteDatabase } from '../../db/connection';

export const SQL_FLOOR = `
WITH staff_numerator AS (
  SELECT ls.line_id,
         SUM(s.hourly_cost_pence * ls.count * l.groups * (l.minutes_per_session + l.planning_minutes_per_session)
             * l.sessions_per_week_hundredths * l.weeks) AS numerator
  FROM line_staff ls
  JOIN staff s ON s.id = ls.staff_id
  JOIN lines l ON l.id = ls.line_id
  GROUP BY ls.line_id
),
non_staff AS (
  SELECT line_id, SUM(pence) AS pence FROM line_non_staff_costs GROUP BY line_id
),
costs AS (
  SELECT l.tier_id AS tier, l.funding_source AS funding,
         (COALESCE(sn.numerator, 0) + 3000) / 6000 + COALESCE(ns.pence, 0) AS pence
  FROM lines l
  LEFT JOIN staff_numerator sn ON sn.line_id = l.id
  LEFT JOIN non_staff ns ON ns.line_id = l.id
  UNION ALL
  SELECT 'other_costs', o.funding_source,
         CASE WHEN o.staff_id IS NULL THEN o.quantity * o.unit_pence
              ELSE (s.hourly_cost_pence * o.minutes_per_week * o.weeks + 30) / 60 END
  FROM other_cost_lines o
  LEFT JOIN staff s ON s.id = o.staff_id
)
SELECT tier, SUM(pence) AS costPence,
       SUM(CASE WHEN funding IN ('aln_budget', 'aln_grant') THEN pence ELSE 0 END) AS chargedPence
FROM costs
GROUP BY tier
UNION ALL
SELECT NULL, SUM(pence), SUM(CASE WHEN funding IN ('aln_budget', 'aln_grant') THEN pence ELSE 0 END)
FROM costs`;

export interface FloorTotals {
  costPence: number;
  chargedPence: number;
  /** Lines only (every tier but 'other_costs'). */
  linesCostPence: number;
  byTier: Map<string, { costPence: number; chargedPence: number }>;
}

export interface FloorRow {
  tier: string | null;
  costPence: number | null;
  chargedPence: number | null;
}

/** Prepare once; `run()` is what is timed. */
export function prepareSqlFloor(db: SqliteDatabase): { run: () => FloorRow[]; totals: (rows: FloorRow[]) => FloorTotals } {
  const statement = db.prepare(SQL_FLOOR);
  return {
    run: () => statement.all() as FloorRow[],
    totals(rows) {
      const byTier = new Map<string, { costPence: number; chargedPence: number }>();
      let costPence = 0;
      let chargedPence = 0;
      for (const row of rows) {
        if (row.tier === null) {
          costPence = row.costPence ?? 0;
          chargedPence = row.chargedPence ?? 0;
        } else byTier.set(row.tier, { costPence: row.costPence ?? 0, chargedPence: row.chargedPence ?? 0 });
      }
      return { costPence, chargedPence, linesCostPence: costPence - (byTier.get('other_costs')?.costPence ?? 0), byTier };
    },
  };
}
