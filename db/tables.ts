/**
 * One description per table: which column holds each scalar field of a record, and which of them are
 * booleans (stored 0/1). Every statement that writes or reads those columns is generated from here:
 * insert, the reader's select, update by changed fields, and copy (a line duplicated). Lists a record holds
 * (a line's areas, staff, costs and weeks; a learner's areas) live in join tables their repository writes.
 *
 * Column and table names only ever come from these descriptions, never from input; values are always
 * bound parameters.
 */
import type { Enrolment, IncomeLine, InterventionLine, Learner, OtherCostLine } from '../shared/domain';

export type SqlValue = string | number | bigint | null;

export interface TableDescription<F extends object> {
  table: string;
  /**
   * Every field of the record but `id`, in the record's own order: the column that holds it, or null for a
   * list kept in a join table by the record's repository.
   */
  columns: { readonly [K in keyof F]-?: string | null };
  /** Fields stored as 0/1. */
  booleans?: readonly (keyof F & string)[];
}

function describe<F extends object>(table: string, columns: TableDescription<F>['columns'], booleans: readonly (keyof F & string)[] = []): TableDescription<F> {
  return { table, columns, booleans };
}

export const LINES = describe<Omit<InterventionLine, 'id'>>('lines', {
  name: 'name',
  nameCy: 'name_cy',
  description: 'description',
  descriptionCy: 'description_cy',
  rationale: 'rationale',
  tierId: 'tier_id',
  areaIds: null,
  deliveryLanguage: 'delivery_language',
  fundingSource: 'funding_source',
  fundingNote: 'funding_note',
  fundingNoteCy: 'funding_note_cy',
  staff: null,
  minutesPerSession: 'minutes_per_session',
  planningMinutesPerSession: 'planning_minutes_per_session',
  sessionsPerWeekHundredths: 'sessions_per_week_hundredths',
  startWeek: 'start_week',
  weeks: 'weeks',
  groups: 'groups',
  groupCapacity: 'group_capacity',
  nonStaffCosts: null,
  undeliveredWeeks: null,
  expectedProgress: 'expected_progress',
});

export const LEARNERS = describe<Omit<Learner, 'id'>>(
  'learners',
  {
    ref: 'ref',
    name: 'name',
    yearGroup: 'year_group',
    alnStatus: 'aln_status',
    areaIds: null,
    welshAlp: 'welsh_alp',
    idpAlpMinutesPerWeek: 'idp_alp_minutes_per_week',
    idpLastReviewed: 'idp_last_reviewed',
    idpReviewDue: 'idp_review_due',
    efsm: 'efsm',
    lookedAfter: 'looked_after',
    referredOn: 'referred_on',
    referralDecider: 'referral_decider',
    decidedOn: 'decided_on',
  },
  ['welshAlp', 'efsm', 'lookedAfter'],
);

export const ENROLMENTS = describe<Omit<Enrolment, 'id'>>('enrolments', {
  lineId: 'line_id',
  learnerId: 'learner_id',
  startWeek: 'start_week',
  endWeek: 'end_week',
  measureName: 'measure_name',
  measureNameCy: 'measure_name_cy',
  measureUnit: 'measure_unit',
  measureUnitCy: 'measure_unit_cy',
  entryValue: 'entry_value',
  exitValue: 'exit_value',
});

export const INCOME = describe<Omit<IncomeLine, 'id'>>('income_lines', {
  kind: 'kind',
  name: 'name',
  nameCy: 'name_cy',
  amountPence: 'amount_pence',
  financialYear: 'financial_year',
  endsOn: 'ends_on',
  source: 'source',
  sourceCy: 'source_cy',
});

export const OTHER_COSTS = describe<Omit<OtherCostLine, 'id'>>('other_cost_lines', {
  kind: 'kind',
  name: 'name',
  nameCy: 'name_cy',
  fundingSource: 'funding_source',
  staffId: 'staff_id',
  minutesPerWeek: 'minutes_per_week',
  quantity: 'quantity',
  unitPence: 'unit_pence',
  startWeek: 'start_week',
  weeks: 'weeks',
});

function entries<F extends object>(d: TableDescription<F>): Array<[keyof F & string, string]> {
  return Object.entries(d.columns).filter((e): e is [keyof F & string, string] => typeof e[1] === 'string');
}

/** Booleans become 0/1, undefined becomes NULL; everything else a column holds is already a string, number or null. */
export function toSql(value: unknown): SqlValue {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === undefined) return null;
  return value as SqlValue;
}

/** `INSERT INTO table (id, …) VALUES (@id, @field…)`, to run with `bindRecord`. */
export function insertSql<F extends object>(d: TableDescription<F>): string {
  const cols = entries(d);
  return `INSERT INTO ${d.table} (id, ${cols.map(([, c]) => c).join(', ')}) VALUES (@id, ${cols.map(([f]) => `@${f}`).join(', ')})`;
}

/** The named parameters for `insertSql`: id (null for a new id) and every described field. */
export function bindRecord<F extends object>(d: TableDescription<F>, id: number | null, record: F): Record<string, SqlValue> {
  const params: Record<string, SqlValue> = { id };
  for (const [field] of entries(d)) params[field] = toSql(record[field]);
  return params;
}

/** `id, column AS field, …` for the reader's SELECT. */
export function selectList<F extends object>(d: TableDescription<F>): string {
  return ['id', ...entries(d).map(([f, c]) => (f === c ? c : `${c} AS ${f}`))].join(', ');
}

/** Each field once, in the record's order, with how it is read: worked out once per description, not per row. */
const readPlans = new WeakMap<object, Array<{ field: string; kind: 'column' | 'boolean' | 'list' }>>();
function readPlan<F extends object>(d: TableDescription<F>) {
  let plan = readPlans.get(d);
  if (!plan) {
    plan = (Object.entries(d.columns) as Array<[keyof F & string, string | null]>).map(([field, column]) => ({
      field,
      kind: column === null ? ('list' as const) : d.booleans?.includes(field) ? ('boolean' as const) : ('column' as const),
    }));
    readPlans.set(d, plan);
  }
  return plan;
}

/**
 * A row read with `selectList` as the record, its fields in the record's own order: scalar fields from
 * the row (booleans back from 0/1), lists from `lists` (read from their join tables).
 */
export function readRecord<F extends object>(d: TableDescription<F>, row: Record<string, unknown>, lists: { [K in keyof F]?: F[K] } = {}): { id: number } & F {
  const plan = readPlan(d);
  // A row of plain columns is already the record: `selectList` names them in the record's order.
  if (plan.every((p) => p.kind === 'column')) return row as { id: number } & F;
  const out: Record<string, unknown> = { id: row.id };
  for (const { field, kind } of plan) {
    out[field] = kind === 'list' ? (lists as Record<string, unknown>)[field] : kind === 'boolean' ? row[field] === 1 : row[field];
  }
  return out as { id: number } & F;
}

/** The fields a description keeps in join tables (its repository writes them). */
export function listFields<F extends object>(d: TableDescription<F>): string[] {
  return Object.entries(d.columns)
    .filter(([, column]) => column === null)
    .map(([field]) => field);
}

/**
 * `INSERT INTO table (…) SELECT … FROM table WHERE id = ?`: a copy of one row under a new id, each
 * column copied as it is unless `expressions` gives an SQL expression for its field.
 */
export function copySql<F extends object>(d: TableDescription<F>, expressions: { [K in keyof F]?: string } = {}): string {
  const cols = entries(d);
  const exprs = cols.map(([f, c]) => (expressions as Record<string, string | undefined>)[f] ?? c);
  return `INSERT INTO ${d.table} (${cols.map(([, c]) => c).join(', ')}) SELECT ${exprs.join(', ')} FROM ${d.table} WHERE id = ?`;
}
