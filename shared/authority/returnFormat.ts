/**
 * A school's authority return: the school-level figures a school sends its local authority, and nothing
 * that identifies a learner (docs/authority-return.md).
 *
 * What a return carries: the school and its context (roll, eFSM, language medium, the ALP definition it
 * applied), income lines, cost totals (by tier, ALP / not ALP, area, funding source, financial year), the
 * budget position, counts of learners by ALN status and of IDPs, and each intervention line's name, tier,
 * areas, delivery language, funding source, hours, weeks, cost and number of learners.
 *
 * What it never carries: learner names, references, ids, dates, year groups, per-learner costs or
 * anything cross-tabulated by learner attributes; no staff names; no free-text descriptions, rationales
 * or funding notes (free text is where a child's name slips in). The zod schema below is strict, so a
 * return holding any other field is refused on import.
 *
 * Small numbers: a count of 1–4 is published as `{ value: null, suppressed: true, why: 'small' }` ("fewer
 * than 5"), as official statistics do. Money is never hidden. Where a suppressed count could be worked out by
 * subtraction from a published total (learners with ALN = IDPs being prepared + IDPs; IDPs = school- + LA-maintained),
 * a second count is suppressed as well, `why: 'protects_small'` ("withheld to protect a small count"; see `countsByStatus`).
 *
 * Runs anywhere (renderer, Node, tests): no I/O. Hashing and the .xlsx live in backend/returns.
 */
import { issue } from '../fieldIssues';
import { z } from 'zod';
import {
  DELIVERY_LANGUAGES,
  FUNDING_SOURCES,
  INCOME_KINDS,
  LANGUAGE_MEDIA,
  PHASES,
  type DeliveryLanguage,
  type FundingSource,
  type IncomeKind,
  type IsoDate,
  type Minutes,
  type Pence,
  type School,
} from '../domain';
import { isoDate } from '../schemas';
import type { Lang } from '../i18n';
import { inLanguage } from '../i18n/schoolWords';

export const AUTHORITY_RETURN_FORMAT = 'mapio-authority-return';
/**
 * Version 2 added the school's official number and its authority's code; version 4 the time Mapio wrote
 * the return and why each withheld count is withheld; version 5 the Welsh for the names the school typed;
 * version 6 the Welsh for the source of the ALP definition the school applied; version 7 changed no data,
 * only the sheets a person reads: an empty list (no income, no intervention lines) says so in a row;
 * version 8 changed no data either: the income table says which year each line is for ("Academic year
 * 2026-27", "April 2026 – March 2027") under "Year", where it read "academic year" under "Financial year",
 * and a title too long for one line wraps across the sheet; version 9 the Welsh name of an authority the
 * school typed rather than chose (`localAuthorityCy`, empty for a chosen one, whose Welsh name is Mapio's).
 */
export const AUTHORITY_RETURN_VERSION = 9;
/** Versions this Mapio reads (older ones are read in the newest shape: see `returnInNewestShape`). */
export const READABLE_RETURN_VERSIONS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];
/** Counts below this (and above 0) are published as "fewer than 5". */
export const SMALL_COUNT_THRESHOLD = 5;

/**
 * Why a count is withheld: it is 1–4 ('small'), or it is withheld only so that a small one cannot be
 * worked out by subtraction from a published total ('protects_small', secondary suppression).
 */
export const WITHHELD_REASONS = ['small', 'protects_small'] as const;
export type WithheldReason = (typeof WITHHELD_REASONS)[number];

/** A count of learners as published: exact, or withheld because it is 1–4 or would reveal one that is. */
export interface ReturnCount {
  /** The exact count; null when withheld. */
  value: number | null;
  /** True when the count is 1–4 (or could be worked out from other published counts) and is withheld. */
  suppressed: boolean;
  /** Why it is withheld; absent when published, and in a version 1–3 return where it could be either. */
  why?: WithheldReason;
}

/** The school and its context, exactly as the school set itself up (see School in shared/domain.ts). */
export type ReturnSchool = School;

export interface ReturnIncomeLine {
  kind: IncomeKind;
  name: string;
  amountPence: Pence;
  financialYear: number | null;
  endsOn: IsoDate | null;
}

export interface ReturnTierTotal {
  /** The tier's code, or 'other_costs' for costs belonging to no intervention. */
  tierId: string;
  name: string;
  /** null for 'other_costs' (neither ALP nor not ALP). */
  isAlp: boolean | null;
  costPence: Pence;
  chargedPence: Pence;
}

export interface ReturnAreaTotal {
  /** The area's code, 'unspecified' or 'other_costs'. */
  areaId: string;
  name: string;
  costPence: Pence;
  chargedPence: Pence;
}

export interface ReturnTotals {
  /** Every line and other cost, whoever pays. */
  costPence: Pence;
  /** Charged to the ALN budget (funding aln_budget or aln_grant): the committed spend. */
  chargedPence: Pence;
  linesCostPence: Pence;
  otherCostsPence: Pence;
  byTier: ReturnTierTotal[];
  /** Intervention lines only: sums to linesCostPence. */
  byAlp: Array<{ key: 'alp' | 'not_alp'; costPence: Pence; chargedPence: Pence }>;
  byArea: ReturnAreaTotal[];
  byFundingSource: Array<{ key: FundingSource; costPence: Pence; chargedPence: Pence }>;
  financialYears: { years: [number, number]; pence: [Pence, Pence] };
}

export interface ReturnBudget {
  incomePence: Pence;
  chargedPence: Pence;
  /** income − charged; negative = overspent. */
  positionPence: Pence;
  financialYears: Array<{ year: number; incomePence: Pence; chargedPence: Pence; positionPence: Pence }>;
}

/** Counts of learners by ALN status and of IDPs. Never broken down by any other learner attribute. */
export interface ReturnCounts {
  /** With an IDP (school- or LA-maintained) or decided to have ALN with the IDP being prepared (docs/authority-return.md). */
  learnersWithAln: ReturnCount;
  /** Decided to have ALN, the IDP being prepared. */
  idpsPreparing: ReturnCount;
  /** On the monitoring register under universal provision: not ALN, not part of learnersWithAln. */
  monitored: ReturnCount;
  idps: ReturnCount;
  idpsSchoolMaintained: ReturnCount;
  idpsLaMaintained: ReturnCount;
  /** Referrals awaiting an ALN decision whose date due has not passed; null in a return from before they were counted. */
  decisionsDue: ReturnCount | null;
  /** Referrals awaiting an ALN decision past the date due; null in a return from before they were counted. */
  decisionsOverdue: ReturnCount | null;
}

export interface ReturnLine {
  name: string;
  tierId: string;
  tierName: string;
  isAlp: boolean;
  /** Area names (the school's own list), in the line's order. */
  areas: string[];
  deliveryLanguage: DeliveryLanguage;
  /** Delivered in Welsh or bilingually (not English only): the same test the engine's Welsh-ALP check applies. */
  welshMedium: boolean;
  fundingSource: FundingSource;
  /** Contact minutes a week a learner on the line receives. */
  contactMinutesPerWeek: Minutes;
  weeks: number;
  /** The line's projected cost for the year (money is never withheld). */
  costPence: Pence;
  learners: ReturnCount;
}

/**
 * The Welsh the school gave for the names it typed, by the English name as the return carries it (the
 * authority compares schools by the English): what a Welsh reader of the return's sheets reads instead.
 * Empty in a return from before version 5, whose Welsh sheets showed the English names.
 */
export interface ReturnWelshNames {
  tiers: Record<string, string>;
  areas: Record<string, string>;
  lines: Record<string, string>;
  income: Record<string, string>;
}

export interface AuthorityReturn {
  /** When Mapio wrote the return (ISO date-time, UTC): of two returns for a school and year, the later wins. Null before version 4. */
  writtenAt: string | null;
  school: ReturnSchool;
  income: ReturnIncomeLine[];
  totals: ReturnTotals;
  budget: ReturnBudget;
  counts: ReturnCounts;
  lines: ReturnLine[];
  welshNames: ReturnWelshNames;
}

/** The Welsh the school gave for an English `name` of the return ('' when it gave none). */
export function returnWelshName(names: Record<string, string>, name: string): string {
  return (Object.hasOwn(names, name) ? names[name] : undefined) ?? '';
}

/** The name a reader of `lang` reads for an English `name` of the return (the Welsh the school gave, if any). */
export function returnNameIn(names: Record<string, string>, name: string, lang: Lang): string {
  return inLanguage(name, returnWelshName(names, name), lang);
}

// ---------------------------------------------------------------------------------------------------
// Small numbers

/** Publish a count: 0 and 5+ exactly, 1–4 as "fewer than 5". */
export function publishedCount(n: number): ReturnCount {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`a count of learners must be a whole number ≥ 0, got ${n}`);
  return n > 0 && n < SMALL_COUNT_THRESHOLD ? withheld('small') : { value: n, suppressed: false };
}

const withheld = (why: WithheldReason): ReturnCount => ({ value: null, suppressed: true, why });

/**
 * How a withheld count is labelled: "fewer than 5", "withheld to protect a small count", or (a version 1–3
 * return, which did not say which) "fewer than 5, or withheld to protect one". The catalogue key under
 * `authority.withheld`; null for a published count. The one rule the return and comparison workbooks and
 * the screen all label by.
 */
export type WithheldLabel = WithheldReason | 'either';
export function withheldLabel(count: ReturnCount): WithheldLabel | null {
  if (count.value !== null && !count.suppressed) return null;
  return count.why ?? 'either';
}

/** How a count reads in English (the CLI and logs); the sheets and screen word it from the catalogue. */
export function describeCount(count: ReturnCount): string {
  const label = withheldLabel(count);
  if (label === null) return String(count.value);
  return label === 'small'
    ? `fewer than ${SMALL_COUNT_THRESHOLD}`
    : label === 'protects_small'
      ? 'withheld to protect a small count'
      : `fewer than ${SMALL_COUNT_THRESHOLD}, or withheld to protect one`;
}

/**
 * The status counts with primary suppression (1–4) and secondary suppression: in each sum that is
 * published (total = part + part), a lone withheld part could be worked out by subtraction, so the
 * smallest other non-zero part is withheld too; if every other part is 0, the total is withheld.
 * Repeated until nothing can be derived.
 */
export function countsByStatus(raw: { monitored: number; idpPreparing: number; idpSchool: number; idpLa: number; decisionsDue: number; decisionsOverdue: number }): ReturnCounts {
  const idps = raw.idpSchool + raw.idpLa;
  const values = {
    learnersWithAln: raw.idpPreparing + idps,
    idpsPreparing: raw.idpPreparing,
    monitored: raw.monitored,
    idps,
    idpsSchoolMaintained: raw.idpSchool,
    idpsLaMaintained: raw.idpLa,
    decisionsDue: raw.decisionsDue,
    decisionsOverdue: raw.decisionsOverdue,
  };
  type Key = keyof typeof values;
  const small = new Set<Key>((Object.keys(values) as Key[]).filter((k) => publishedCount(values[k]).suppressed));
  const hidden = new Set<Key>(small);
  const sums: Array<{ total: Key; parts: Key[] }> = [
    { total: 'learnersWithAln', parts: ['idpsPreparing', 'idps'] },
    { total: 'idps', parts: ['idpsSchoolMaintained', 'idpsLaMaintained'] },
  ];
  let changed = true;
  while (changed) {
    changed = false;
    for (const { total, parts } of sums) {
      if (hidden.has(total)) continue;
      const hiddenParts = parts.filter((p) => hidden.has(p));
      if (hiddenParts.length !== 1) continue;
      const candidates = parts.filter((p) => !hidden.has(p) && values[p] > 0).sort((a, b) => values[a] - values[b]);
      const next = candidates[0];
      hidden.add(next ?? total);
      changed = true;
    }
  }
  const out = {} as ReturnCounts;
  for (const k of Object.keys(values) as Key[]) out[k] = hidden.has(k) ? withheld(small.has(k) ? 'small' : 'protects_small') : { value: values[k], suppressed: false };
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Canonical JSON: the exact text the checksum is computed over

/** JSON with object keys sorted at every level, no spaces: the same return always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('canonicalJson: numbers must be finite');
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

// ---------------------------------------------------------------------------------------------------
// Validation (imports)

const MAX_PENCE = 100_000_000_000;
const signedPence = z.number(issue('number')).int(issue('wholePence')).min(-MAX_PENCE, issue('tooLarge')).max(MAX_PENCE, issue('tooLarge'));
const pence = signedPence.min(0, issue('negative'));
const label = z.string().max(300, issue('maxChars', { max: 300 }));
const count = z
  .strictObject({
    value: z.number().int(issue('whole')).min(0, issue('negative')).max(100_000).nullable(),
    suppressed: z.boolean(),
    why: z.enum(WITHHELD_REASONS).optional(),
  })
  .refine((c) => (c.suppressed ? c.value === null : c.value !== null && !(c.value > 0 && c.value < SMALL_COUNT_THRESHOLD)), issue('smallCountShown', { most: SMALL_COUNT_THRESHOLD - 1 }))
  .refine((c) => c.suppressed || c.why === undefined, issue('whyOnlyWithheld'));
const breakdown = { costPence: pence, chargedPence: pence };
const welshNames = z.record(label, label).refine((names) => Object.keys(names).length <= 5000, issue('atMost', { max: 5000 }));

export const authorityReturnSchema = z
  .strictObject({
    writtenAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, issue('utcDateTime'))
      .nullable(),
    school: z.strictObject({
      name: z.string().trim().min(1, issue('required')).max(200),
      nameCy: z.string().max(200),
      localAuthority: label,
      localAuthorityCy: label,
      localAuthorityCode: z.string().regex(/^(\d{3})?$/, issue('authorityCode')),
      officialNumber: z.string().regex(/^(\d{7})?$/, issue('officialNumberDigits')),
      phase: z.enum(PHASES),
      numberOnRoll: z.number().int().min(0).max(10_000),
      efsmBasisPoints: z.number().int().min(0).max(10_000).nullable(),
      languageMedium: z.enum(LANGUAGE_MEDIA),
      academicYear: z.string().regex(/^\d{4}-\d{2}$/, issue('academicYear')),
      alpDefinitionSource: label,
      alpDefinitionSourceCy: label,
      alpDefinitionDate: isoDate.nullable(),
    }),
    income: z
      .array(
        z.strictObject({
          kind: z.enum(INCOME_KINDS),
          name: label,
          amountPence: pence,
          financialYear: z.number().int().min(2000).max(2100).nullable(),
          endsOn: isoDate.nullable(),
        }),
      )
      .max(1000),
    totals: z.strictObject({
      costPence: pence,
      chargedPence: pence,
      linesCostPence: pence,
      otherCostsPence: pence,
      byTier: z.array(z.strictObject({ tierId: label, name: label, isAlp: z.boolean().nullable(), ...breakdown })).max(100),
      byAlp: z.array(z.strictObject({ key: z.enum(['alp', 'not_alp']), ...breakdown })).max(2),
      byArea: z.array(z.strictObject({ areaId: label, name: label, ...breakdown })).max(100),
      byFundingSource: z.array(z.strictObject({ key: z.enum(FUNDING_SOURCES), ...breakdown })).max(FUNDING_SOURCES.length),
      financialYears: z.strictObject({ years: z.tuple([z.number().int(), z.number().int()]), pence: z.tuple([pence, pence]) }),
    }),
    budget: z.strictObject({
      incomePence: pence,
      chargedPence: pence,
      positionPence: signedPence,
      financialYears: z.array(z.strictObject({ year: z.number().int().min(2000).max(2100), incomePence: pence, chargedPence: pence, positionPence: signedPence })).max(2),
    }),
    counts: z.strictObject({
      learnersWithAln: count,
      idpsPreparing: count,
      monitored: count,
      idps: count,
      idpsSchoolMaintained: count,
      idpsLaMaintained: count,
      decisionsDue: count.nullable(),
      decisionsOverdue: count.nullable(),
    }),
    welshNames: z.strictObject({ tiers: welshNames, areas: welshNames, lines: welshNames, income: welshNames }),
    lines: z
      .array(
        z.strictObject({
          name: z.string().max(200),
          tierId: label,
          tierName: label,
          isAlp: z.boolean(),
          areas: z.array(label).max(20),
          deliveryLanguage: z.enum(DELIVERY_LANGUAGES),
          welshMedium: z.boolean(),
          fundingSource: z.enum(FUNDING_SOURCES),
          contactMinutesPerWeek: z
            .number()
            .int()
            .min(0)
            .max(7 * 24 * 60),
          weeks: z.number().int().min(0).max(53),
          costPence: pence,
          learners: count,
        }),
      )
      .max(5000),
  })
  .superRefine((r, ctx) => {
    // Figures that must agree with each other: a hand-edited return rarely keeps them consistent.
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    if (r.budget.positionPence !== r.budget.incomePence - r.budget.chargedPence) {
      ctx.addIssue({ code: 'custom', path: ['budget', 'positionPence'], message: issue('positionSum').error });
    }
    if (r.totals.costPence !== r.totals.linesCostPence + r.totals.otherCostsPence) {
      ctx.addIssue({ code: 'custom', path: ['totals', 'costPence'], message: issue('costSum').error });
    }
    if (sum(r.lines.map((l) => l.costPence)) !== r.totals.linesCostPence) {
      ctx.addIssue({ code: 'custom', path: ['totals', 'linesCostPence'], message: issue('linesCostSum').error });
    }
    if (sum(r.totals.byAlp.map((b) => b.costPence)) !== r.totals.linesCostPence) {
      ctx.addIssue({ code: 'custom', path: ['totals', 'byAlp'], message: issue('alpSum').error });
    }
    if (sum(r.totals.byFundingSource.map((b) => b.chargedPence)) !== r.totals.chargedPence) {
      ctx.addIssue({ code: 'custom', path: ['totals', 'byFundingSource'], message: issue('fundingSum').error });
    }
  });

export type ParsedAuthorityReturn = z.output<typeof authorityReturnSchema>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A version-1 return's data as version 2 reads it: no official number or authority code was sent. */
function returnFromVersion1(raw: unknown): unknown {
  if (!isRecord(raw) || !isRecord(raw.school)) return raw;
  return { ...raw, school: { localAuthorityCode: '', officialNumber: '', ...raw.school } };
}

/**
 * A version-2 return's counts as version 3 reads them, so schools are compared like with like. Version 2
 * counted the monitoring register among learners with ALN; there was no "IDP being prepared", so learners
 * with ALN are its IDPs (withheld where its IDPs were). Decisions were not counted: null. No Welsh name was sent.
 */
function returnFromVersion2(raw: unknown): unknown {
  if (!isRecord(raw) || !isRecord(raw.counts)) return raw;
  const c = raw.counts;
  const school = isRecord(raw.school) ? { nameCy: '', ...raw.school } : raw.school;
  return { ...raw, school, counts: { ...c, learnersWithAln: c.idps, idpsPreparing: { value: 0, suppressed: false }, decisionsDue: null, decisionsOverdue: null } };
}

/**
 * A version-3 return's data as version 4 reads it: it did not say when it was written (null), nor why a
 * count was withheld. A line's learners and a count in no published sum (monitored, decisions) are withheld
 * only for being 1–4; the counts in a sum keep no reason, and are labelled as either.
 */
function returnFromVersion3(raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  const small = (c: unknown) => (isRecord(c) && c.suppressed === true ? { ...c, why: 'small' } : c);
  const counts = isRecord(raw.counts)
    ? { ...raw.counts, monitored: small(raw.counts.monitored), decisionsDue: small(raw.counts.decisionsDue), decisionsOverdue: small(raw.counts.decisionsOverdue) }
    : raw.counts;
  const lines = Array.isArray(raw.lines) ? raw.lines.map((l: unknown) => (isRecord(l) ? { ...l, learners: small(l.learners) } : l)) : raw.lines;
  return { writtenAt: null, ...raw, counts, lines };
}

/** A version-4 return's data as version 5 reads it: it carried no Welsh for the names the school typed. */
function returnFromVersion4(raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  return { welshNames: { tiers: {}, areas: {}, lines: {}, income: {} }, ...raw };
}

/** A version-5 return's data as version 6 reads it: it carried no Welsh for the ALP definition's source. */
function returnFromVersion5(raw: unknown): unknown {
  if (!isRecord(raw) || !isRecord(raw.school)) return raw;
  return { ...raw, school: { alpDefinitionSourceCy: '', ...raw.school } };
}

/** A version-8 return's data as version 9 reads it: it carried no Welsh name for an authority the school typed. */
function returnFromVersion8(raw: unknown): unknown {
  if (!isRecord(raw) || !isRecord(raw.school)) return raw;
  return { ...raw, school: { localAuthorityCy: '', ...raw.school } };
}

/** A return's data, of any version this Mapio reads, in the shape of the newest. */
export function returnInNewestShape(version: number, raw: unknown): unknown {
  const v2 = version === 1 ? returnFromVersion1(raw) : raw;
  const v3 = version <= 2 ? returnFromVersion2(v2) : v2;
  const v4 = version <= 3 ? returnFromVersion3(v3) : v3;
  const v5 = version <= 4 ? returnFromVersion4(v4) : v4;
  const v6 = version <= 5 ? returnFromVersion5(v5) : v5;
  return version <= 8 ? returnFromVersion8(v6) : v6;
}

/**
 * The key that says two returns are from the same school: its official number (7 digits) where the return
 * carries one, so a renamed school stays one school; otherwise its authority and name (`schoolKeyOf`).
 */
export function schoolKeyFor(school: Pick<ReturnSchool, 'name' | 'localAuthority' | 'officialNumber'>): string {
  return /^\d{7}$/.test(school.officialNumber) ? `school/${school.officialNumber}` : schoolKeyOf(school);
}

/**
 * The key of a return without an official number (older versions, or never entered): its authority and name, lower case, without
 * diacritics or punctuation ("Ysgol Gymraeg Llwyn-yr-Eos" and "ysgol gymraeg llwyn yr eos" match).
 */
export function schoolKeyOf(school: Pick<ReturnSchool, 'name' | 'localAuthority'>): string {
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '');
  return `${slug(school.localAuthority) || 'no-authority'}/${slug(school.name)}`;
}
