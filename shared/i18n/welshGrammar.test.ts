/**
 * Welsh counts and mutations, checked against Welsh written out in full. Intl.PluralRules('cy') gives
 * 0 zero, 1 one, 2 two, 3 few, 6 many and 4, 5, 7 … 20 other. After a number the noun is singular:
 * 2 soft-mutates it (2 ddysgwr, 2 gofrestriad), 3 and 6 aspirate c, p and t (3 chofrestriad), and
 * "other" says "{{count}} o" with the soft-mutated plural (20 o ddysgwyr).
 * Every key that English counts (has a `_one`) must be in one of the two tables below, so a new counted
 * phrase cannot slip in without its Welsh being checked.
 */
import { describe, expect, it } from 'vitest';
import { createI18n } from './index';
import { cy } from './cy';
import { en } from './en';
import { englishIn, englishPhrases } from './englishLeftovers';

const COUNTS = [0, 1, 2, 3, 6, 20] as const;

/** Every Welsh catalogue text, by key. */
function welshTexts(value: unknown = cy, prefix = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => welshTexts(v, prefix ? `${prefix}.${k}` : k));
}

describe('Welsh terms', () => {
  it('says PYDd for free school meals on every screen, never the English eFSM', () => {
    expect(welshTexts().filter(([, text]) => /\beFSM\b/.test(text))).toEqual([]);
  });

  it('has no double article, and soft-mutates after “i” and “neu”', () => {
    const welsh = createI18n('cy').t;
    expect(welsh('errors.sessions', { max: 50 })).toBe('Teipiwch nifer y sesiynau bob wythnos, rhwng 0 a 50, gyda hyd at ddau le degol, e.e. 3 neu 0.5.');
    expect(welsh('mis.reject.impossible_year_group', { value: '“Y15”' })).toBe('Nid yw “Y15” yn grŵp blwyddyn (defnyddiwch N1, N2 neu Feithrin, R neu Dderbyn, neu Flwyddyn 1 i Flwyddyn 14).');
    // No catalogue text leaves a year group, nursery or reception unmutated after “i” or “neu”.
    expect(welshTexts().filter(([, text]) => /\b(i|neu) (Blwyddyn|Meithrin|Derbyn)\b/.test(text))).toEqual([]);
  });

  it('says a week “yn dechrau ar” a date in a sentence, as the line editor does', () => {
    const welsh = createI18n('cy').t;
    expect(welsh('map.addForm.weekStarts', { first: 1, date: '7 Medi 2026', last: 38 })).toBe('Mae wythnos 1 yn dechrau ar 7 Medi 2026; mae gan y flwyddyn 38 wythnos addysgu.');
    expect(welsh('line.startWeekHint', { first: 1, last: 38, week: 1, date: '7 Medi 2026' })).toBe('Wythnos 1 i 38 eleni. Mae wythnos 1 yn dechrau ar 7 Medi 2026.');
    expect(welshTexts().filter(([, text]) => /\bMae .*yn dechrau \{\{date\}\}/.test(text))).toEqual([]);
  });

  it('says “ac”, not “a”, before nid, mae, fel, felly, mewn, yn and ond', () => {
    expect(createI18n('cy').t('scenarios.compare.byAlpSection')).toBe('DDY ac nid DDY');
    expect(welshTexts().filter(([, text]) => /(^|[\s(‘“])a (nid|mae|fel|felly|mewn|yn|ond)\b/.test(text))).toEqual([]);
  });
});

type Params = Record<string, string | number>;

/** The params each counted key is rendered with, besides count. */
const PARAMS: Record<string, (count: number) => Params> = {
  'staff.stillUsed.lines': () => ({ name: 'Alys' }),
  'staff.stillUsed.otherCosts': () => ({ name: 'Alys' }),
  'export.identity.roll': (count) => ({ roll: String(count) }),
  'mis.moreRows': () => ({ shown: 50 }),
  'impact.measuredOf': () => ({ measured: 1 }),
  'scenarios.leavers': () => ({ refs: 'A1, A2' }),
  'scenarios.levers.payDone': () => ({ percent: 3 }),
  'scenarios.levers.staffDone': () => ({ name: 'Alys' }),
  'scenarios.levers.staffConfirmLines': () => ({ name: 'Alys' }),
  'scenarios.compare.newlyShort': () => ({ name: 'Cynllun B', refs: 'A1, A2' }),
  'school.calendar.pastEnrolments': () => ({ weeks: 38 }),
  'cli.wroteComparison': (count) => ({ imported: count, path: 'cymhariaeth.xlsx' }),
  'cli.wrongCommandLine.argumentCount': () => ({ given: 0 }),
  'compareBook.diff.learnersWithSmall': () => ({ known: 12 }),
  'apiError.reason.areaUsedByLines': () => ({ area: 'Lleferydd', names: '“Lego”, “ELSA”' }),
  'apiError.reason.areaUsedByLearners': () => ({ area: 'Lleferydd' }),
  'apiError.reason.tierUsedByLines': () => ({ tier: 'Wedi’i dargedu', names: '“Lego”, “ELSA”' }),
  'apiError.reason.staffDeliversLines': () => ({ staff: 'Alys', names: '“Lego”, “ELSA”' }),
  'apiError.reason.staffInOtherCosts': () => ({ staff: 'Alys', names: '“Asesiad”' }),
  'apiError.reason.linesPastYear': () => ({ weeks: 30, names: '“Lego”, “ELSA”' }),
  'apiError.reason.enrolmentsPastYear': () => ({ weeks: 30 }),
  'apiError.reason.returnNamesLearner': () => ({ fields: '“Grŵp Siân”; “Grŵp Llŷr”' }),
  'apiError.reason.tookTooLong': () => ({ activity: 'agor y ffeil' }),
  'apiError.reason.authorityFileChanged': () => ({ name: 'awdurdod.mapio-la' }),
  'apiError.reason.changedOutside': () => ({ name: 'ysgol.mapio', difference: 'sbardun o’r enw “copi” nad yw Mapio byth yn ei wneud' }),
  'learners.deleteBody': () => ({ name: 'Alys' }),
  'map.showing': () => ({ shown: 1 }),
  'line.capacity': () => ({ enrolled: 1 }),
  'learners.count': () => ({ shown: 1 }),
  'learner.decisionOverdue': () => ({ due: '27/11/2026', by: 'yr ysgol' }),
  'authority.filters.showing': () => ({ shown: 1 }),
  'authority.outliers.tooFew': () => ({ median: '£1,000.00' }),
  'checks.message.aln_decision_overdue': () => ({ name: 'Alys', referred: '1 Medi 2026', due: '1 Hyd 2026', decider: 'yr ysgol' }),
  'checks.message.group_over_capacity': () => ({ name: 'Darllen', peakEnrolled: 9, week: 4, overBy: 1 }),
  'checks.message.idp_review_overdue': () => ({ name: 'Alys', due: '1 Hyd 2026' }),
  'checks.message.alp_undelivered': () => ({ name: 'Alys', lineName: 'Darllen', asAtWeek: 10 }),
  'mis.reject.duplicate_ref': (count) => ({ value: '“W1”', rows: Array.from({ length: count }, (_, i) => 3 + i * 4).join(', ') }),
};

/** The most-used counted phrases, in full at 0, 1, 2, 3, 6 and 20. */
const IN_FULL: Record<string, readonly [string, string, string, string, string, string]> = {
  'common.learners': ['dim dysgwyr', '1 dysgwr', '2 ddysgwr', '3 dysgwr', '6 dysgwr', '20 o ddysgwyr'],
  'school.learners': ['dim dysgwyr', '1 dysgwr', '2 ddysgwr', '3 dysgwr', '6 dysgwr', '20 o ddysgwyr'],
  'school.lines': ['dim llinellau', '1 llinell', '2 linell', '3 llinell', '6 llinell', '20 o linellau'],
  'totals.checksCount': ['dim gwiriadau', '1 gwiriad', '2 wiriad', '3 gwiriad', '6 gwiriad', '20 o wiriadau'],
  'checks.count': ['dim gwiriadau', '1 gwiriad', '2 wiriad', '3 gwiriad', '6 gwiriad', '20 o wiriadau'],
  'checks.schoolDays': ['dim diwrnodau ysgol', '1 diwrnod ysgol', '2 ddiwrnod ysgol', '3 diwrnod ysgol', '6 diwrnod ysgol', '20 o ddiwrnodau ysgol'],
  'cli.warnings': ['Dim rhybuddion:', '1 rhybudd:', '2 rybudd:', '3 rhybudd:', '6 rhybudd:', '20 o rybuddion:'],
  'cli.wrongCommandLine.argumentCount': [
    'disgwyliwyd dim dadleuon, cafwyd 0',
    'disgwyliwyd 1 ddadl, cafwyd 0',
    'disgwyliwyd 2 ddadl, cafwyd 0',
    'disgwyliwyd 3 dadl, cafwyd 0',
    'disgwyliwyd 6 dadl, cafwyd 0',
    'disgwyliwyd 20 o ddadleuon, cafwyd 0',
  ],
  'line.deleteEnrolments': [
    'Nid oes neb wedi’i gofrestru arni.',
    'Caiff 1 cofrestriad ei dynnu gyda hi.',
    'Caiff 2 gofrestriad eu tynnu gyda hi.',
    'Caiff 3 chofrestriad eu tynnu gyda hi.',
    'Caiff 6 chofrestriad eu tynnu gyda hi.',
    'Caiff 20 o gofrestriadau eu tynnu gyda hi.',
  ],
  'enrolPicker.results': ['Dim dysgwyr yn cyfateb', '1 dysgwr yn cyfateb', '2 ddysgwr yn cyfateb', '3 dysgwr yn cyfateb', '6 dysgwr yn cyfateb', '20 o ddysgwyr yn cyfateb'],
  'map.undelivered': ['dim wythnosau heb eu darparu', '1 wythnos heb ei darparu', '2 wythnos heb eu darparu', '3 wythnos heb eu darparu', '6 wythnos heb eu darparu', '20 wythnos heb eu darparu'],
  'learners.deleteBody': [
    'Dileu Alys? Gallwch ddadwneud hyn wedyn.',
    'Dileu Alys a’u 1 cofrestriad? Gallwch ddadwneud hyn wedyn.',
    'Dileu Alys a’u 2 gofrestriad? Gallwch ddadwneud hyn wedyn.',
    'Dileu Alys a’u 3 chofrestriad? Gallwch ddadwneud hyn wedyn.',
    'Dileu Alys a’u 6 chofrestriad? Gallwch ddadwneud hyn wedyn.',
    'Dileu Alys a’u 20 o gofrestriadau? Gallwch ddadwneud hyn wedyn.',
  ],
  'authority.matching.summary': [
    'Cywiro’r cyfateb (dim ymyriadau)',
    'Cywiro’r cyfateb (1 ymyrraeth)',
    'Cywiro’r cyfateb (2 ymyrraeth)',
    'Cywiro’r cyfateb (3 ymyrraeth)',
    'Cywiro’r cyfateb (6 ymyrraeth)',
    'Cywiro’r cyfateb (20 o ymyriadau)',
  ],
  'enrolPicker.selectedCount': ['Dim dysgwyr wedi’u dewis', '1 dysgwr wedi’i ddewis', '2 ddysgwr wedi’u dewis', '3 dysgwr wedi’u dewis', '6 dysgwr wedi’u dewis', '20 o ddysgwyr wedi’u dewis'],
  'dashboard.decisionsDue': [
    'Penderfyniadau ADY yn yr arfaeth: dim dysgwyr',
    'Penderfyniadau ADY yn yr arfaeth: 1 dysgwr, yn nhrefn y dyddiad dyledus',
    'Penderfyniadau ADY yn yr arfaeth: 2 ddysgwr, yn nhrefn y dyddiad dyledus',
    'Penderfyniadau ADY yn yr arfaeth: 3 dysgwr, yn nhrefn y dyddiad dyledus',
    'Penderfyniadau ADY yn yr arfaeth: 6 dysgwr, yn nhrefn y dyddiad dyledus',
    'Penderfyniadau ADY yn yr arfaeth: 20 o ddysgwyr, yn nhrefn y dyddiad dyledus',
  ],
  'welshProvision.title': [
    'DDY yn Gymraeg: dim dysgwyr y mae eu CDU yn gofyn amdani',
    'DDY yn Gymraeg: 1 dysgwr y mae ei CDU yn gofyn amdani',
    'DDY yn Gymraeg: 2 ddysgwr y mae eu CDU yn gofyn amdani',
    'DDY yn Gymraeg: 3 dysgwr y mae eu CDU yn gofyn amdani',
    'DDY yn Gymraeg: 6 dysgwr y mae eu CDU yn gofyn amdani',
    'DDY yn Gymraeg: 20 o ddysgwyr y mae eu CDU yn gofyn amdani',
  ],
  'staff.stillUsed.lines': [
    'Nid yw Alys yn darparu unrhyw linell.',
    'Mae Alys yn darparu 1 llinell: neilltuwch rywun arall yn gyntaf.',
    'Mae Alys yn darparu 2 linell: neilltuwch rywun arall yn gyntaf.',
    'Mae Alys yn darparu 3 llinell: neilltuwch rywun arall yn gyntaf.',
    'Mae Alys yn darparu 6 llinell: neilltuwch rywun arall yn gyntaf.',
    'Mae Alys yn darparu 20 o linellau: neilltuwch rywun arall yn gyntaf.',
  ],
  'school.calendar.pastEnrolments': [
    'nid oes unrhyw gofrestriad yn gorffen ar ôl wythnos 38',
    'mae 1 cofrestriad yn gorffen ar ôl wythnos 38',
    'mae 2 gofrestriad yn gorffen ar ôl wythnos 38',
    'mae 3 chofrestriad yn gorffen ar ôl wythnos 38',
    'mae 6 chofrestriad yn gorffen ar ôl wythnos 38',
    'mae 20 o gofrestriadau yn gorffen ar ôl wythnos 38',
  ],
  'scenarios.levers.payDone': [
    'Gosodwyd 3%, ond nid oedd gan neb gost yr awr i’w newid.',
    'Gosodwyd 3% ar gost yr awr 1 person.',
    'Gosodwyd 3% ar gostau’r awr 2 berson.',
    'Gosodwyd 3% ar gostau’r awr 3 pherson.',
    'Gosodwyd 3% ar gostau’r awr 6 pherson.',
    'Gosodwyd 3% ar gostau’r awr 20 o bobl.',
  ],
  'compareBook.diff.learnersSmallOnly': [
    'dim dysgwyr',
    'llai na 5 (1\u00a0llinell)',
    'llai na 5 ar bob un (2\u00a0linell)',
    'llai na 5 ar bob un (3\u00a0llinell)',
    'llai na 5 ar bob un (6\u00a0llinell)',
    'llai na 5 ar bob un (20\u00a0o linellau)',
  ],
  'compareBook.diff.learnersWithSmall': [
    '12',
    '12, a llai na 5 (1\u00a0llinell arall)',
    '12, a llai na 5 ar bob un (2\u00a0linell arall)',
    '12, a llai na 5 ar bob un (3\u00a0llinell arall)',
    '12, a llai na 5 ar bob un (6\u00a0llinell arall)',
    '12, a llai na 5 ar bob un (20\u00a0o linellau eraill)',
  ],
  'mis.mappingOk': [
    'Ni ddarllenwyd unrhyw res gyda’r colofnau hyn.',
    'Darllenwyd 1 rhes gyda’r colofnau hyn.',
    'Darllenwyd 2 res gyda’r colofnau hyn.',
    'Darllenwyd 3 rhes gyda’r colofnau hyn.',
    'Darllenwyd 6 rhes gyda’r colofnau hyn.',
    'Darllenwyd 20 o resi gyda’r colofnau hyn.',
  ],
};

/** Every other counted phrase at 2, where the noun soft-mutates (or, with no noun, the plural reads on). */
const AT_TWO: Record<string, string> = {
  'apiError.reason.changedOutside':
    'Mae “ysgol.mapio” wedi’i newid y tu allan i Mapio, felly ni fydd Mapio yn ei hagor. Mae ynddo: sbardun o’r enw “copi” nad yw Mapio byth yn ei wneud, a 2 newid arall. Gallai ffeil a newidiwyd fel hyn redeg ei chyfarwyddiadau ei hun pan fydd Mapio yn ei darllen neu’n ei chadw. Agorwch gopi o’ch copïau wrth gefn yn lle hynny, neu gofynnwch i’r adran TG o ble y daeth y ffeil hon.',
  'export.headline.moreChecks': 'a 2 wiriad arall ar y daflen Gwiriadau',
  'apiError.reason.areaUsedByLines': 'Mae’r maes angen “Lleferydd” yn dal i gael ei ddefnyddio gan 2 linell: “Lego”, “ELSA”. Tynnwch ef o’r llinellau hynny yn gyntaf.',
  'apiError.reason.areaUsedByLearners': 'Mae’r maes angen “Lleferydd” wedi’i gofnodi o hyd ar gyfer 2 ddysgwr. Tynnwch ef o gofnodion y dysgwyr yn gyntaf.',
  'apiError.reason.tierUsedByLines': 'Mae’r haen “Wedi’i dargedu” yn dal i gael ei defnyddio gan 2 linell: “Lego”, “ELSA”. Symudwch y llinellau hynny i haen arall yn gyntaf.',
  'apiError.reason.staffDeliversLines': 'Mae Alys yn dal i ddarparu 2 linell: “Lego”, “ELSA”. Tynnwch Alys o’r llinellau hynny yn gyntaf.',
  'apiError.reason.staffInOtherCosts': 'Mae amser Alys yn dal i gael ei gostio mewn 2 linell gost arall: “Asesiad”. Newidiwch nhw neu eu dileu yn gyntaf.',
  'apiError.reason.linesPastYear':
    'Gyda 30 wythnos addysgu, byddai 2 linell (“Lego”, “ELSA”) yn rhedeg y tu hwnt i wythnos 30. Mae llinellau’n cadw rhifau eu hwythnosau: byrhewch nhw yn gyntaf; ni newidiwyd dim.',
  'apiError.reason.enrolmentsPastYear': 'Gyda 30 wythnos addysgu, byddai 2 gofrestriad yn dod i ben ar ôl wythnos 30. Byrhewch nhw yn gyntaf; ni newidiwyd dim.',
  'apiError.reason.returnNamesLearner':
    'Rhaid i ffurflen i’r awdurdod beidio ag adnabod unrhyw ddysgwr, ac mae 2 enw yn cynnwys enw neu gyfeirnod dysgwr: “Grŵp Siân”; “Grŵp Llŷr”. Ailenwch nhw a chrëwch y ffurflen eto.',
  'apiError.reason.tookTooLong':
    'Rhoddodd Mapio y gorau iddi tra oedd yn agor y ffeil, gan fod hynny wedi cymryd dros 2 eiliad, llawer hirach nag y dylai. Mae unrhyw beth yr oedd wedi gorffen ei gadw yn cael ei gadw; ni chadwyd y gweddill. Os ffeil yr oeddech yn ei hagor oedd hon, ni chafodd ei hagor (na’i hychwanegu at Ffeiliau diweddar); mae’r ffeil a oedd ar agor o’r blaen ar agor eto.',
  'apiError.reason.authorityFileChanged':
    'Agorwyd ffeil awdurdod arall tra oedd ffurflenni’n cael eu mewnforio i “awdurdod.mapio-la”, felly stopiodd y mewnforio ar ôl 2 ffurflen (maent wedi’u cadw yn “awdurdod.mapio-la”). Agorwch “awdurdod.mapio-la” eto a mewnforiwch y gweddill.',
  'common.weeks': '2 wythnos',
  'cli.leftAtTheEnd': 'Gadawodd 2 ddysgwr ar ddiwedd grŵp blwyddyn olaf yr ysgol.',
  'map.showing': 'Yn dangos 1 o 2 linell',
  'line.capacity': '1 o 2 le wedi’u llenwi',
  'learners.count': '1 o 2 ddysgwr',
  'learner.decisionOverdue': 'Yn hwyr: roedd yn ddyledus ar 27/11/2026 (yr ysgol); diwrnodau ers hynny: 2.',
  'authority.filters.showing': 'Yn dangos 1 o 2 ysgol.',
  'authority.outliers.tooFew': 'Canolrif £1,000.00 ar draws 2 ysgol: mae angen o leiaf 4 ysgol gyda ffigur i ganfod gwerthoedd eithriadol.',
  'checks.message.aln_decision_overdue':
    'Cafodd Alys ei atgyfeirio am benderfyniad ADY ar 1 Medi 2026; roedd y penderfyniad yn ddyledus ar 1 Hyd 2026 (yr ysgol); diwrnodau ers hynny: 2. Cofnodwch y penderfyniad, neu’r CDU, ar dudalen y dysgwr.',
  'checks.message.group_over_capacity': 'Dysgwyr wedi’u cofrestru ar “Darllen” yn wythnos 4: 9, a lle i 2: 1 yn ormod.',
  'checks.message.idp_review_overdue': 'Roedd adolygiad CDU Alys i fod ar 1 Hyd 2026; diwrnodau ers hynny: 2.',
  'checks.message.alp_undelivered': 'Ni ddarparwyd DDY Alys ar “Darllen” mewn 2 wythnos a gofnodwyd hyd yma (hyd at wythnos 10).',
  'menu.step.enrolLearners': 'Cofrestru 2 ddysgwr',
  'menu.step.removeEnrolments': 'Tynnu 2 gofrestriad',
  'mis.reject.duplicate_ref': 'Mae’r cyfeirnod “W1” hefyd ar y rhesi 3, 7. Rhaid i bob dysgwr ymddangos unwaith: cywirwch y ffeil a’i mewnforio eto.',
  'cli.wroteComparison': 'Mewnforiwyd 2 o 2 ffurflen; ysgrifennwyd y gymhariaeth yn cymhariaeth.xlsx.',
  'school.welsh.missing': 'Enwau a nodiadau heb Gymraeg eto: 2. Mae dogfennau Cymraeg yn eu dangos yn Saesneg. Dangos',
  'checks.dueAfterYear': '2 ddiwrnod ysgol i mewn i galendr y flwyddyn nesaf',
  'staff.stillUsed.otherCosts': 'Mae Alys wedi’i enwi ar 2 linell gost arall (Cyllideb): newidiwch nhw yn gyntaf.',
  'export.identity.roll': '2 ddisgybl ar y gofrestr',
  'mis.importing': 'Yn mewnforio 2 ddysgwr…',
  'mis.notInFileKept': 'Nid yw 2 ddysgwr yn Mapio yn y ffeil hon: cânt eu cadw fel y maent (nid yw Mapio byth yn dileu dysgwyr wrth fewnforio).',
  'mis.rejectedHeading': '2 res wedi’u gwrthod, a pham',
  'mis.updatesHeading': '2 ddysgwr i’w diweddaru',
  'mis.addsHeading': '2 ddysgwr i’w hychwanegu',
  'mis.moreRows': 'Yn dangos y 50 cyntaf o 2.',
  'mis.importButton': 'Mewnforio 2 ddysgwr',
  'impact.measuredOf': 'Mesurwyd 1 o 2 ddysgwr (mynediad a gadael wedi’u cofnodi).',
  'impact.notMeasured': 'Mae angen gwerth mynediad neu adael ar 2 o hyd.',
  'scenarios.leavers': 'Mae 2 ddysgwr yn gadael (y tu hwnt i grŵp blwyddyn olaf yr ysgol): A1, A2.',
  'scenarios.levers.staffDone': 'Tynnwyd Alys. Collodd 2 linell eu darparwr:',
  'scenarios.levers.nowUnstaffed': 'nid oes neb ar ôl i’w darparu (2 ddysgwr wedi’u cofrestru)',
  'scenarios.levers.stillStaffed': 'mae ganddi 2 aelod arall o staff o hyd',
  'scenarios.levers.staffConfirmLines': 'Bydd 2 linell yn y senario hwn yn colli Alys fel darparwr.',
  'scenarios.levers.staffConfirmUnstaffed': 'Ni fydd gan 2 linell neb i’w darparu wedyn.',
  'scenarios.levers.staffConfirmAllUnstaffed': 'Nid oes neb arall yn darparu unrhyw un ohonynt.',
  'scenarios.compare.button': 'Cymharu 2 senario â’r cynllun',
  'scenarios.compare.andMore': 'a 2 arall',
  'scenarios.compare.newlyShort': 'Cynllun B: byddai 2 ddysgwr yn brin o’r newydd: A1, A2.',
  'scenarios.diff.countMore': 'yn fwy na’r cynllun',
  'scenarios.diff.countFewer': 'yn llai na’r cynllun',
};

/** Every leaf key as a dotted path, with its text. */
function leaves(value: unknown, prefix = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

/** The keys English counts: every key with a `_one` form, without the suffix. */
const countedKeys = leaves(en)
  .map(([k]) => /^(.*)_one$/.exec(k)?.[1])
  .filter((k): k is string => k !== undefined);

const t = createI18n('cy').t;
const render = (key: string, count: number) => t(key, { count, ...(PARAMS[key]?.(count) ?? {}) });
const phrases = englishPhrases();

describe('Welsh counted phrases', () => {
  it('are all checked here, and all exist in Welsh', () => {
    expect(countedKeys.length).toBeGreaterThan(30);
    const welsh = new Map(leaves(cy));
    expect(countedKeys.filter((k) => !welsh.has(`${k}_one`) || !welsh.has(`${k}_other`))).toEqual([]);
    expect(countedKeys.filter((k) => !(k in IN_FULL) && !(k in AT_TWO))).toEqual([]);
    expect([...Object.keys(IN_FULL), ...Object.keys(AT_TWO)].filter((k) => !countedKeys.includes(k))).toEqual([]);
  });

  it.each(Object.entries(IN_FULL))('%s reads right at 0, 1, 2, 3, 6 and 20', (key, expected) => {
    expect(COUNTS.map((n) => render(key, n))).toEqual(expected);
  });

  it.each(Object.entries(AT_TWO))('%s reads right at 2', (key, expected) => {
    expect(render(key, 2)).toBe(expected);
  });

  it('give a noun that changes after a number its two, few and many forms', () => {
    // Where "other" says "{{count}} o" with the plural, 2, 3 and 6 need forms of their own (the
    // singular after a numeral, mutated); falling back to "other" would say "2 o …".
    const welsh = new Map(leaves(cy));
    const missing = countedKeys.flatMap((k) => {
      if (!/\{\{(count|roll)\}\} o (?!hyd)/.test(welsh.get(`${k}_other`) ?? '')) return [];
      return (['two', 'few', 'many'] as const).filter((form) => !welsh.has(`${k}_${form}`)).map((form) => `${k}_${form}`);
    });
    expect(missing).toEqual([]);
  });

  it('never leave a {{param}} unfilled or an English word behind, at any count', () => {
    for (const key of countedKeys) {
      for (const n of COUNTS) {
        const text = render(key, n);
        expect(text, `${key} at ${n}`).not.toContain('{{');
        expect(englishIn(text, phrases), `${key} at ${n}: ${text}`).toEqual([]);
        expect(text, `${key} at ${n}`).not.toMatch(/\b(learners?|lines?|checks?|rows?|weeks?|days?|warnings?|enrolments?|pupils?|people|scenarios)\b/);
      }
    }
  });

  it('say "o" with the plural only for "other" counts, never after 2, 3 or 6 ("o hyd" is "still")', () => {
    for (const key of countedKeys) {
      for (const n of [2, 3, 6]) expect(render(key, n), `${key} at ${n}`).not.toMatch(new RegExp(`\\b${n} o (?!hyd)\\p{L}`, 'u'));
    }
  });
});

describe('Welsh sentences with names in them', () => {
  const cyT = createI18n('cy').t;

  it('put a name that cannot be mutated where no mutation is due', () => {
    // "Mae gan {{name}}" would need "Mae gan Ddysgwr A12"; a name is never mutated, so the sentence starts with it.
    expect(cyT('checks.message.idp_without_alp', { name: 'Dysgwr A12' })).toBe('Dysgwr A12: mae ganddo/ganddi CDU ond nid oes DDY wedi’i chofnodi ar ei gyfer/ei chyfer ar y map.');
    expect(cyT('checks.message.idp_without_alp', { name: 'Dysgwr A12' })).not.toMatch(/\bgan Dysgwr\b/);
    expect(cyT('checks.message.group_over_capacity', { name: 'Darllen', peakEnrolled: 9, week: 4, count: 8, overBy: 1 })).toBe(
      'Dysgwyr wedi’u cofrestru ar “Darllen” yn wythnos 4: 9, a lle i 8: 1 yn ormod.',
    );
    expect(cyT('authority.remove.body', { school: 'Ysgol Tryfan' })).toMatch(/^Caiff pob ffurflen gan yr ysgol Ysgol Tryfan a’i dyraniad/);
    expect(cyT('school.details.errors.authorityMismatch', { number: '6614003', authority: 'Gwynedd' })).toBe(
      'Mae’r rhif swyddogol 6614003 yn perthyn i awdurdod Gwynedd. Newidiwch neu cliriwch y rhif yn gyntaf.',
    );
  });

  it('do not run the ALP badge into "schools" ("DDY ysgolion")', () => {
    const line = `${cyT('authority.classification.alp')} ${cyT('authority.classification.atSchools', { count: 3 })}`;
    expect(line).toBe('DDY mewn ysgolion: 3');
  });

  it('say days overdue without a number before the noun that would need mutating', () => {
    expect(cyT('learner.decisionOverdue', { due: '27/11/2026', by: 'yr ysgol', count: 2 })).toBe('Yn hwyr: roedd yn ddyledus ar 27/11/2026 (yr ysgol); diwrnodau ers hynny: 2.');
  });

  it('count within a sentence with the decision clock', () => {
    const left = cyT('checks.schoolDays', { count: 2 });
    expect(cyT('learner.decisionDue', { due: '27/11/2026', by: 'yr ysgol', left })).toBe('Yn ddyledus ar 27/11/2026 (yr ysgol): 2 ddiwrnod ysgol ar ôl.');
  });
});

describe('Welsh column headings', () => {
  it('shorten “y” and “yr” to “’r” after a word ending in a vowel (“cynllunio’r sesiwn”, “dyrannu’r wythnos”)', () => {
    // A heading names a thing: its “y”/“yr” is the article, never the particle before a verb, so after a
    // word ending in a vowel (w and y are vowels in Welsh) it is always “’r”. Not after an abbreviation
    // read letter by letter: “Oriau DDY yr wythnos”.
    const headings = leaves(cy).filter(([key]) => /(^|\.)col\./.test(key));
    expect(headings.length).toBeGreaterThan(50);
    const unshortened = headings.filter(([, text]) => /[aeiouwyâêîôûŵŷ] yr? (?=\p{L})/u.test(text));
    expect(unshortened).toEqual([]);
  });
});
