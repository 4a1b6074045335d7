import type { Migration } from './migration';

/**
 * The first shape of a school file: everything in shared/domain.ts (SchoolYear) as tables.
 *
 * Conventions: money INTEGER pence; time INTEGER minutes; sessions per week INTEGER hundredths;
 * booleans INTEGER 0/1; dates TEXT YYYY-MM-DD. Children of a line or learner go with it
 * (ON DELETE CASCADE); things whose loss would silently change a figure (a tier, an area, a member of
 * staff still in use) refuse to go (RESTRICT) and the repositories explain why.
 * Enumerations (phase, role, funding source…) are checked at the API door, not here, so a new value
 * never needs a table rebuild.
 */
const ISO_DATE = `GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;
const BOOL = (column: string) => `${column} INTEGER NOT NULL CHECK (${column} IN (0, 1))`;

export const migration: Migration = {
  version: 100,
  why: 'A school file holds one academic year: school, calendar, tiers, areas, staff, lines, learners, enrolments, income, other costs and ALNCo workload.',
  up(db) {
    db.exec(`
      CREATE TABLE mapio_meta (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE school (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        local_authority TEXT NOT NULL,
        phase TEXT NOT NULL,
        number_on_roll INTEGER NOT NULL CHECK (number_on_roll >= 0),
        efsm_basis_points INTEGER CHECK (efsm_basis_points BETWEEN 0 AND 10000),
        language_medium TEXT NOT NULL,
        academic_year TEXT NOT NULL,
        alp_definition_source TEXT NOT NULL,
        alp_definition_date TEXT CHECK (alp_definition_date ${ISO_DATE})
      ) STRICT;

      CREATE TABLE calendar_weeks (
        week INTEGER PRIMARY KEY CHECK (week >= 1),
        starts_on TEXT NOT NULL CHECK (starts_on ${ISO_DATE})
      ) STRICT;

      CREATE TABLE tiers (
        id TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        ${BOOL('is_alp')},
        sort_order INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE areas (
        id TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        sort_order INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE staff (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        ${BOOL('is_placeholder')},
        hourly_cost_pence INTEGER NOT NULL CHECK (hourly_cost_pence >= 0),
        basis_annual_salary_pence INTEGER CHECK (basis_annual_salary_pence >= 0),
        basis_on_cost_basis_points INTEGER CHECK (basis_on_cost_basis_points >= 0),
        basis_paid_weeks_hundredths INTEGER CHECK (basis_paid_weeks_hundredths > 0),
        basis_paid_minutes_per_week INTEGER CHECK (basis_paid_minutes_per_week > 0),
        contracted_minutes_per_week INTEGER NOT NULL CHECK (contracted_minutes_per_week >= 0),
        ${BOOL('works_in_welsh')},
        -- the hourly cost basis is all there or all absent
        CHECK ((basis_annual_salary_pence IS NULL) = (basis_on_cost_basis_points IS NULL)
           AND (basis_annual_salary_pence IS NULL) = (basis_paid_weeks_hundredths IS NULL)
           AND (basis_annual_salary_pence IS NULL) = (basis_paid_minutes_per_week IS NULL))
      ) STRICT;

      CREATE TABLE lines (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        rationale TEXT NOT NULL,
        tier_id TEXT NOT NULL REFERENCES tiers (id) ON DELETE RESTRICT,
        delivery_language TEXT NOT NULL,
        funding_source TEXT NOT NULL,
        funding_note TEXT NOT NULL,
        minutes_per_session INTEGER NOT NULL CHECK (minutes_per_session >= 0),
        planning_minutes_per_session INTEGER NOT NULL CHECK (planning_minutes_per_session >= 0),
        sessions_per_week_hundredths INTEGER NOT NULL CHECK (sessions_per_week_hundredths >= 0),
        start_week INTEGER NOT NULL CHECK (start_week >= 1),
        weeks INTEGER NOT NULL CHECK (weeks >= 0),
        groups INTEGER NOT NULL CHECK (groups >= 1),
        group_capacity INTEGER NOT NULL CHECK (group_capacity >= 1)
      ) STRICT;
      CREATE INDEX lines_tier ON lines (tier_id);

      CREATE TABLE line_areas (
        line_id INTEGER NOT NULL REFERENCES lines (id) ON DELETE CASCADE,
        area_id TEXT NOT NULL REFERENCES areas (id) ON DELETE RESTRICT,
        position INTEGER NOT NULL,
        PRIMARY KEY (line_id, area_id)
      ) STRICT;
      CREATE INDEX line_areas_area ON line_areas (area_id);

      CREATE TABLE line_staff (
        line_id INTEGER NOT NULL REFERENCES lines (id) ON DELETE CASCADE,
        staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
        position INTEGER NOT NULL,
        count INTEGER NOT NULL CHECK (count >= 1),
        PRIMARY KEY (line_id, staff_id)
      ) STRICT;
      CREATE INDEX line_staff_staff ON line_staff (staff_id);

      CREATE TABLE line_non_staff_costs (
        line_id INTEGER NOT NULL REFERENCES lines (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        label TEXT NOT NULL,
        pence INTEGER NOT NULL CHECK (pence >= 0),
        PRIMARY KEY (line_id, position)
      ) STRICT;

      CREATE TABLE line_undelivered_weeks (
        line_id INTEGER NOT NULL REFERENCES lines (id) ON DELETE CASCADE,
        week INTEGER NOT NULL CHECK (week >= 1),
        position INTEGER NOT NULL,
        PRIMARY KEY (line_id, week)
      ) STRICT;

      CREATE TABLE learners (
        id INTEGER PRIMARY KEY,
        ref TEXT NOT NULL,
        name TEXT NOT NULL,
        year_group INTEGER NOT NULL CHECK (year_group BETWEEN -1 AND 14),
        aln_status TEXT NOT NULL,
        ${BOOL('welsh_alp')},
        idp_alp_minutes_per_week INTEGER CHECK (idp_alp_minutes_per_week >= 0),
        idp_last_reviewed TEXT CHECK (idp_last_reviewed ${ISO_DATE}),
        idp_review_due TEXT CHECK (idp_review_due ${ISO_DATE}),
        ${BOOL('efsm')},
        ${BOOL('looked_after')}
      ) STRICT;
      CREATE UNIQUE INDEX learners_ref ON learners (ref);

      CREATE TABLE learner_areas (
        learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
        area_id TEXT NOT NULL REFERENCES areas (id) ON DELETE RESTRICT,
        position INTEGER NOT NULL,
        PRIMARY KEY (learner_id, area_id)
      ) STRICT;
      CREATE INDEX learner_areas_area ON learner_areas (area_id);

      CREATE TABLE enrolments (
        id INTEGER PRIMARY KEY,
        line_id INTEGER NOT NULL REFERENCES lines (id) ON DELETE CASCADE,
        learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
        start_week INTEGER NOT NULL CHECK (start_week >= 1),
        end_week INTEGER NOT NULL CHECK (end_week >= start_week),
        measure_name TEXT NOT NULL,
        measure_unit TEXT NOT NULL,
        entry_value REAL,
        exit_value REAL
      ) STRICT;
      CREATE INDEX enrolments_line ON enrolments (line_id);
      CREATE INDEX enrolments_learner ON enrolments (learner_id);

      CREATE TABLE income_lines (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),
        financial_year INTEGER CHECK (financial_year BETWEEN 2000 AND 2100),
        ends_on TEXT CHECK (ends_on ${ISO_DATE}),
        source TEXT NOT NULL
      ) STRICT;

      CREATE TABLE other_cost_lines (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        funding_source TEXT NOT NULL,
        staff_id INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
        minutes_per_week INTEGER NOT NULL CHECK (minutes_per_week >= 0),
        quantity INTEGER NOT NULL CHECK (quantity >= 0),
        unit_pence INTEGER NOT NULL CHECK (unit_pence >= 0),
        start_week INTEGER NOT NULL CHECK (start_week >= 1),
        weeks INTEGER NOT NULL CHECK (weeks >= 0)
      ) STRICT;
      CREATE INDEX other_cost_lines_staff ON other_cost_lines (staff_id);

      CREATE TABLE alnco_workload (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        alnco_staff_id INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
        idps_to_prepare INTEGER NOT NULL CHECK (idps_to_prepare >= 0),
        minutes_per_idp INTEGER NOT NULL CHECK (minutes_per_idp >= 0),
        idp_reviews INTEGER NOT NULL CHECK (idp_reviews >= 0),
        minutes_per_review INTEGER NOT NULL CHECK (minutes_per_review >= 0)
      ) STRICT;
      CREATE INDEX alnco_workload_staff ON alnco_workload (alnco_staff_id);
    `);
  },
};
