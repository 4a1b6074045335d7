/**
 * What an MIS cell means for a learner: year group, ALN status and yes/no flags. Each parser returns
 * the value, or null when the text is not one it recognises (the row is then rejected with a reason).
 *
 * ALN status (codes from SIMS, Arbor and schools' own lists; compared ignoring case, spaces and
 * punctuation; '+' kept):
 *   none       N, None, No, No SEN, No ALN, Dim, Dim ADY; and Universal, School Action (A, SA), School Action
 *              Plus (P, SA+), SEN support: universal provision and the old School Action-style stages are not ALN
 *              under the ALN Code (docs/costing-rules.md, "Who has ALN")
 *   monitored  K, ALN monitoring, SEN monitoring, Monitored, Monitoring, Monitoring register, Monitro,
 *              Cofrestr fonitro: only words that say the learner is on the monitoring register
 *   idp_school E, S, IDP (School), School IDP, IDP, School-maintained IDP, CDU, CDU (ysgol), CDU ysgol
 *   idp_la     LA IDP, IDP (LA), LA-maintained IDP, IDP (local authority), Statement, Statemented, CDU ALl,
 *              CDU (awdurdod lleol)
 * Mapio's own words for each status it reads, in English and Welsh, are among them, and so is every example the
 * reason for a refused status gives (N / Dim, K / Monitro, E / CDU ysgol, CDU ALl).
 * "S" and "Statement" disagree on purpose: the single-letter MIS code S is read as a school IDP and the
 * word Statement (an LA document before the ALN Act) as an LA IDP; the preview
 * shows every learner's status before anything is written.
 */
import type { AlnStatus } from '../../shared/domain';

const key = (text: string) => text.toLowerCase().replace(/[^a-z0-9+]/g, '');

const ALN_CODES: ReadonlyMap<string, AlnStatus> = new Map<string, AlnStatus>([
  ...['n', 'none', 'no', 'nosen', 'noaln', 'dim', 'dimady', 'nil'].map((k) => [k, 'none'] as const),
  ...['universal', 'schoolaction', 'sa', 'a', 'schoolactionplus', 'sa+', 'p', 'senksupport', 'sensupport'].map((k) => [k, 'none'] as const),
  ...['k', 'alnmonitoring', 'senmonitoring', 'monitored', 'monitoring', 'monitoringregister', 'monitro', 'cofrestrfonitro'].map((k) => [k, 'monitored'] as const),
  ...['e', 's', 'idpschool', 'schoolidp', 'idp', 'schoolmaintainedidp', 'idpschoolmaintained', 'cdu', 'cduysgol'].map((k) => [k, 'idp_school'] as const),
  ...['laidp', 'idpla', 'lamaintainedidp', 'idplamaintained', 'idplocalauthority', 'statement', 'statemented', 'cduall', 'cduawdurdodlleol'].map((k) => [k, 'idp_la'] as const),
]);

export function parseAlnStatus(text: string): AlnStatus | null {
  return ALN_CODES.get(key(text)) ?? null;
}

/**
 * Year group as Mapio stores it: -1 nursery, 0 reception, 1..14. Accepts "N1", "N2", "Nursery",
 * "Meithrin", "R", "YR", "Reception", "Derbyn", "Y3", "Year 3", "Yr 3", "Blwyddyn 3", "3" (and "0" as
 * reception). Anything else, e.g. "15", "Y20", "3.5", "X", is impossible.
 */
export function parseYearGroup(text: string): number | null {
  const k = key(text);
  if (/^(n|n1|n2|nursery|nursery1|nursery2|meithrin|feithrin)$/.test(k)) return -1;
  if (/^(r|yr|rec|reception|derbyn|yearr|year0|y0|0)$/.test(k)) return 0;
  const m = /^(?:y|yr|year|yeargroup|ncyear|blwyddyn|bl)?0*(\d{1,2})$/.exec(k);
  if (!m || /[.,]/.test(text) || /^\s*[+-]/.test(text)) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 14 ? n : null;
}

/** Yes/no flags: Y, Yes, True, 1, T, Ie / N, No, False, 0, F, Na. Blank is handled by the caller. */
export function parseFlag(text: string): boolean | null {
  const k = key(text);
  if (['y', 'yes', 'true', '1', 't', 'ie', 'x'].includes(k)) return true;
  if (['n', 'no', 'false', '0', 'f', 'na'].includes(k)) return false;
  return null;
}
