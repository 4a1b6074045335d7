/**
 * "What this school regards as ALP": the statement for parents that Estyn asks every school to make.
 * A self-contained, printable HTML page (A4, one or two pages) listing the universal offer,
 * the targeted offer and the ALP by area of need: line names and descriptions only, never a cost and
 * never anything about a learner, in English or Welsh.
 *
 * Names and descriptions are the school's free text, so two safeguards run over them: any learner's
 * name or reference written into them is replaced by "a learner", and any amount in pounds is removed.
 *
 * What else it says, and the rules for the offer (docs/exports.md, "The statement for parents"):
 * - each tier introduced by the school's own description of it in the statement's language (the English,
 *   marked as English, where it gave no Welsh); with none, by what is true of any tier like it, never by
 *   a claim (such as "short-term") a school's own tier may not bear out;
 * - an ALP section even when the school marks no tier as ALP: it says the school lists no provision as ALP;
 * - each line once, under the first of its areas of need, with its other areas named beside it;
 * - a line for one learner (one place, or one learner on it all year) is described only as individual
 *   support, never by its own name, description or hours, so no child can be recognised from it;
 * - a line staffed only by vacancies (placeholders) is marked as not yet running;
 * - after the offer: the ALNCo and how to reach them, how to ask the school to decide whether a child has
 *   ALN (35 school days), the local authority's part, free independent advice (SNAP Cymru), the right to
 *   ask the authority to reconsider and to appeal to the Education Tribunal for Wales;
 * - last, a glossary of the abbreviations the statement uses, and only those.
 */
import type { AreaOfNeed, InterventionLine, IsoDate, SchoolYear, Tier } from '../../shared/domain';
import { createI18n, type Lang, type TFunction } from '../../shared/i18n';
import { authorityLacksWelsh, authorityName } from '../../shared/localAuthorities';
import { untranslated, yearInLanguage } from '../../shared/i18n/schoolWords';
import { areaLabel, dateText, sortedAreas, sortedTiers, tierLabel } from './exportLabels';

/** The statement's language: English, Welsh, or both in one document (Welsh first, as a bilingual school publishes). */
export type StatementLanguage = Lang | 'bilingual';

export interface AlpStatementOptions {
  lang: StatementLanguage;
  generatedOn: IsoDate;
}

/** One language's statement: its title, and its header, main part and footer as HTML. */
interface StatementParts {
  lang: Lang;
  title: string;
  html: string;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A Welsh word just before that soft-mutates the word after it ("i ddysgwr", "o ddysgwr", "am ddysgwr"): the
 * prepositions that do, and "neu". ("ei" is left out: "his" mutates softly, "her" aspirates.)
 */
const SOFT_MUTATION_BEFORE = /(?<![\p{L}\p{N}])(?:i|o|am|ar|at|gan|heb|dros|drwy|trwy|wrth|hyd|dan|tan|neu)\s+$/iu;

/**
 * Free text made safe for parents: no learner's name or reference, no amount of money. A name becomes "a
 * learner" ("dysgwr", or "ddysgwr" after a word that soft-mutates it).
 */
export function redactForParents(text: string, year: SchoolYear, t: TFunction): string {
  let out = text;
  const who = t('export.checks.aLearner');
  const whoAfterTrigger = t('export.checks.aLearnerSoftMutated');
  const identifiers = year.learners
    .flatMap((l) => [l.name.trim(), l.ref.trim()])
    .filter((s) => s.length >= 3)
    .sort((a, b) => b.length - a.length);
  for (const id of identifiers) {
    const named = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(id)}(?![\\p{L}\\p{N}])`, 'giu');
    out = out.replace(named, (_name: string, at: number, whole: string) => (SOFT_MUTATION_BEFORE.test(whole.slice(0, at)) ? whoAfterTrigger : who));
  }
  // "£1,234.50", "£45", "£ 12k", "45p": amounts of money, dropped with the space before them.
  out = out.replace(/\s?£\s?\d[\d,]*(?:\.\d+)?(?:\s?[kKmM]\b)?/g, '').replace(/\s?\b\d+(?:\.\d+)?p\b/g, '');
  return out.replace(/\s{2,}/g, ' ').trim();
}

/**
 * A tier's section: headed by the school's own name for it, introduced by the school's own description of
 * it (`described`, already safe as HTML) or, where it gave none, by what is true of every tier like it: ALP
 * (what the law says ALP is), provision for every learner (a whole-school tier), or support for the learners
 * chosen for it that is not ALP. Never more than that: a school's own tier may be long-term, so Mapio does
 * not call it short-term catch-up.
 */
function tierHeading(tier: Tier, lang: Lang, t: TFunction, described: string | null): { heading: string; introHtml: string } {
  return { heading: tierLabel(tier, lang), introHtml: described ?? escapeHtml(t(`export.statement.${tierKind(tier)}Intro`)) };
}

/** What is true of every tier like this one: ALP, whole-school provision, or shared support that is not ALP. */
function tierKind(tier: Pick<Tier, 'isAlp' | 'costing'>): 'alp' | 'universal' | 'shared' {
  return tier.isAlp ? 'alp' : tier.costing === 'whole_school' ? 'universal' : 'shared';
}

/**
 * Mapio's own sentences that a new school's tiers start with, in either language, by the kind of tier each is
 * true of (shared/schoolDefaults.ts). The targeted tier's sentence says "not ALP"; it is true of shared support.
 * Built on the first statement, not when the data process starts, as it needs both languages' catalogues.
 */
let mapioTierSentences: ReadonlyMap<string, 'alp' | 'universal' | 'shared'> | undefined;
function mapioTierSentence(description: string): 'alp' | 'universal' | 'shared' | undefined {
  mapioTierSentences ??= new Map(
    (['en', 'cy'] as const).flatMap((lang) => {
      const t = createI18n(lang).t;
      return [
        [t('export.statement.alpIntro'), 'alp'],
        [t('export.statement.universalIntro'), 'universal'],
        [t('export.statement.targetedIntro'), 'shared'],
      ] as const;
    }),
  );
  return mapioTierSentences.get(description);
}

/**
 * A tier's description as the statement may print it: the school's own words as typed; Mapio's sentence for
 * a kind of tier only while the tier is still of that kind. A default tier marked ALP later, or costed for the
 * whole school, would otherwise tell parents "This is not ALP" under an ALP heading.
 */
function descriptionStillTrue(description: string, tier: Tier): string {
  const kind = mapioTierSentence(description.trim());
  return kind === undefined || kind === tierKind(tier) ? description : '';
}

/**
 * The authority's name as HTML in the statement's language: a name the school typed with no Welsh given is
 * printed as typed and, in Welsh, marked as English.
 */
function authorityHtml(school: SchoolYear['school'], lang: Lang): string {
  const name = escapeHtml(authorityName(school, lang));
  return lang === 'cy' && authorityLacksWelsh(school) ? `<span lang="en">${name}</span>` : name;
}

/**
 * Who the school is, as the statement's header says it (HTML): authority, official number, roll and year.
 * What the school has not entered (an authority, an official number) is left out: a parent reads what the
 * school is, not a gap in its records.
 */
function schoolIdentity(school: SchoolYear['school'], lang: Lang, t: TFunction): string {
  const roll = new Intl.NumberFormat(lang === 'cy' ? 'cy-GB' : 'en-GB').format(school.numberOnRoll);
  return [
    authorityName(school, lang) ? authorityHtml(school, lang) : '',
    school.officialNumber ? escapeHtml(t('export.identity.officialNumber', { number: school.officialNumber })) : '',
    escapeHtml(t('export.identity.roll', { count: school.numberOnRoll, roll })),
    escapeHtml(school.academicYear),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** SNAP Cymru: free, independent advice on ALN for families in Wales. */
export const SNAP_CYMRU = { site: 'https://www.snapcymru.org', phone: '0808 801 0608' } as const;

/** The abbreviations a glossary may explain, by catalogue key (export.statement.abbr.<key>). */
const ABBREVIATIONS = ['aln', 'alp', 'idp', 'alnco', 'la', 'ta', 'hlta', 'lsw', 'salt', 'elsa', 'ot'] as const;

/** Lines for one learner: one place in all, or one learner on the line all year (not a whole-school line). */
function forOneLearner(line: InterventionLine, year: SchoolYear, tier: Tier): boolean {
  if (line.groups * line.groupCapacity === 1) return true;
  if (tier.costing === 'whole_school') return false;
  return new Set(year.enrolments.filter((e) => e.lineId === line.id).map((e) => e.learnerId)).size === 1;
}

/** Lines with staff, all of them vacancies (placeholders): planned, not yet running. */
function staffedOnlyByVacancies(line: InterventionLine, year: SchoolYear): boolean {
  const staff = line.staff.map((a) => year.staff.find((s) => s.id === a.staffId));
  return staff.length > 0 && staff.every((s) => s?.isPlaceholder === true);
}

/** Where a word stands on its own: not inside a longer word ("ALN" is not in "ALNCo"). */
const standsAlone = (text: string, word: string): boolean => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'u').test(text);

/** The glossary: each abbreviation the text uses (in this language's form, or the English one), explained. */
function glossary(text: string, t: TFunction): string {
  const english = createI18n('en').t;
  const entries = ABBREVIATIONS.flatMap((key) => {
    const forms = [...new Set([t(`export.statement.abbr.${key}.short`), english(`export.statement.abbr.${key}.short`)])].filter((form) => standsAlone(text, form));
    return forms.length > 0 ? [`<dt>${escapeHtml(forms.join(' / '))}</dt><dd>${escapeHtml(t(`export.statement.abbr.${key}.long`))}</dd>`] : [];
  });
  return entries.length > 0 ? `<section class="glossary">\n<h2>${escapeHtml(t('export.statement.glossaryHeading'))}</h2>\n<dl>\n${entries.join('\n')}\n</dl>\n</section>` : '';
}

/** Where a piece of HTML goes in a sentence: the sentence is escaped, then the slot replaced. */
const NAME_SLOT = '\u0000name\u0000';
const withHtml = (sentence: string, html: string): string => escapeHtml(sentence).split(NAME_SLOT).join(html);

/** The parts after the offer: who to talk to, asking for a decision, the authority, advice, disagreeing. */
function familyGuidance(year: SchoolYear, lang: Lang, t: TFunction, schoolHtml: string): string {
  const school = year.school;
  const alnco = year.staff.find((s) => s.id === year.workload.alncoStaffId && !s.isPlaceholder);
  const AUTHORITY = '\u0000authority\u0000';
  const authority = authorityName(school, lang) ? escapeHtml(t('export.statement.laNamed', { authority: AUTHORITY })).replace(AUTHORITY, authorityHtml(school, lang)) : '';
  const part = (heading: string, ...paragraphs: string[]) => `<h2>${escapeHtml(heading)}</h2>\n${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}`;
  const site = `<a href="${SNAP_CYMRU.site}">${SNAP_CYMRU.site.replace(/^https:\/\//, '')}</a>`;
  const advice = escapeHtml(t('export.statement.advice', { site: '\u0000', phone: SNAP_CYMRU.phone })).replace('\u0000', site);
  return `<section class="guidance">
${part(t('export.statement.contactHeading'), withHtml(alnco ? t('export.statement.alnco', { name: alnco.name, school: NAME_SLOT }) : t('export.statement.contactOffice', { school: NAME_SLOT }), schoolHtml))}
${part(t('export.statement.askHeading'), escapeHtml(t('export.statement.ask')))}
${part(t('export.statement.laHeading'), [authority, escapeHtml(t('export.statement.la'))].filter(Boolean).join(' '))}
${part(t('export.statement.adviceHeading'), advice)}
${part(t('export.statement.disagreeHeading'), escapeHtml(t('export.statement.disagree')))}
</section>`;
}

/** The statement in one language. */
function statementParts(typed: SchoolYear, lang: Lang, generatedOn: IsoDate): StatementParts {
  const options = { lang, generatedOn };
  const t = createI18n(options.lang).t;
  // The school's own words in the statement's language; what has no Welsh yet is marked as English.
  const year = yearInLanguage(typed, options.lang);
  const english = new Set(options.lang === 'cy' ? untranslated(typed).map((u) => `${u.kind}:${u.id}`) : []);
  const school = year.school;
  const safe = (text: string) => escapeHtml(redactForParents(text, year, t));
  const marked = (kind: 'school' | 'tier' | 'area' | 'line' | 'lineDescription' | 'tierDescription', id: number | string, html: string) =>
    english.has(`${kind}:${id}`) ? `<span lang="en">${html}</span>` : html;
  // The school's, a tier's and an area's names are the school's words too: English where no Welsh was typed.
  const schoolHtml = marked('school', 1, escapeHtml(year.school.name));
  const areaHtml = (area: AreaOfNeed) => marked('area', area.id, escapeHtml(areaLabel(area, options.lang)));
  const areas = sortedAreas(year);

  const sections: string[] = [];
  const tiers = sortedTiers(year);
  // Lines whose tier is not configured are listed under their tier code, so nothing the school offers is hidden.
  const unknownTierIds = [...new Set(year.lines.map((l) => l.tierId).filter((id) => !tiers.some((x) => x.id === id)))];
  const groups: Array<{ tier: Tier }> = [
    ...tiers.map((tier) => ({ tier })),
    ...unknownTierIds.map((id, i): { tier: Tier } => ({ tier: { id, name: id, nameCy: '', description: '', descriptionCy: '', isAlp: false, costing: 'shared', sortOrder: 1000 + i } })),
  ];
  for (const { tier } of groups) {
    // The school's description of the tier is its free text: no learner's name, no money, marked English where it has no Welsh.
    const description = redactForParents(descriptionStillTrue(tier.description, tier), year, t);
    const described = description ? marked('tierDescription', tier.id, escapeHtml(description)) : null;
    const { heading, introHtml } = tierHeading(tier, options.lang, t, described);
    const lines = year.lines.filter((l) => l.tierId === tier.id);
    // Each line once: under the first of its areas (in the school's order), its other areas named beside it.
    const firstArea = (l: InterventionLine) => areas.find((a) => l.areaIds.includes(a.id));
    const byArea: Array<{ titleHtml: string; lines: InterventionLine[] }> = [];
    for (const area of areas) {
      const inArea = lines.filter((l) => firstArea(l)?.id === area.id);
      if (inArea.length > 0) byArea.push({ titleHtml: areaHtml(area), lines: inArea });
    }
    const noArea = lines.filter((l) => firstArea(l) === undefined);
    if (noArea.length > 0) byArea.push({ titleHtml: escapeHtml(t('export.statement.noArea')), lines: noArea });

    const body =
      byArea.length === 0
        ? `<p class="none">${escapeHtml(t('export.statement.none'))}</p>`
        : byArea
            .map(({ titleHtml, lines: ls }) => {
              // One entry per distinct name and description (the same intervention run in several blocks).
              const seen = new Set<string>();
              const items = ls
                .map((l) => {
                  const others = areas.filter((a) => l.areaIds.includes(a.id) && a.id !== firstArea(l)?.id).map(areaHtml);
                  const one = forOneLearner(l, year, tier);
                  return {
                    // One learner's line is described only as individual support: no name, description or hours of its own.
                    name: one ? escapeHtml(t('export.statement.individualName')) : marked('line', l.id, safe(l.name)),
                    description: one ? escapeHtml(t('export.statement.individual')) : l.description.trim() ? marked('lineDescription', l.id, safe(l.description)) : '',
                    also: others.length > 0 ? ` <span class="also">(${withHtml(t('export.statement.alsoAreas', { areas: NAME_SLOT }), others.join('; '))})</span>` : '',
                    vacancy: staffedOnlyByVacancies(l, year) ? ` <em class="not-running">${escapeHtml(t('export.statement.notRunning'))}</em>` : '',
                  };
                })
                .filter((x) => {
                  const k = `${x.name}\u0000${x.description}\u0000${x.also}\u0000${x.vacancy}`;
                  if (seen.has(k)) return false;
                  seen.add(k);
                  return true;
                })
                .map((x) => `<li><strong>${x.name}</strong>${x.also}${x.description ? ` — ${x.description}` : ''}${x.vacancy}</li>`)
                .join('\n');
              return `<h3>${titleHtml}</h3>\n<ul>\n${items}\n</ul>`;
            })
            .join('\n');
    sections.push(`<section class="tier${tier.isAlp ? ' alp' : ''}">\n<h2>${marked('tier', tier.id, escapeHtml(heading))}</h2>\n<p class="intro">${introHtml}</p>\n${body}\n</section>`);
  }
  // A statement of what the school regards as ALP always says so, even when no tier is marked as ALP.
  if (!groups.some(({ tier }) => tier.isAlp)) {
    sections.push(
      `<section class="tier alp">\n<h2>${escapeHtml(t('export.statement.alpHeading'))}</h2>\n<p class="intro">${escapeHtml(t('export.statement.alpIntro'))}</p>\n<p class="none">${escapeHtml(t('export.statement.noAlp'))}</p>\n</section>`,
    );
  }

  // Whose definition of ALP the school applied, in the statement's language; English with no Welsh given is marked so.
  const SOURCE = '\u0000source\u0000';
  const sourceHtml = english.has('alpDefinitionSource:1') ? `<span lang="en">${escapeHtml(school.alpDefinitionSource)}</span>` : escapeHtml(school.alpDefinitionSource);
  const definition = school.alpDefinitionSource.trim()
    ? `<p>${escapeHtml(
        school.alpDefinitionDate
          ? t('export.statement.alpDefinitionDated', { source: SOURCE, date: dateText(school.alpDefinitionDate, options.lang) })
          : t('export.statement.alpDefinition', { source: SOURCE }),
      ).replace(SOURCE, sourceHtml)}</p>`
    : '';
  const title = t('export.statement.title', { school: school.name });

  const head = `<header>
<h1>${withHtml(t('export.statement.title', { school: NAME_SLOT }), schoolHtml)}</h1>
<p class="meta">${schoolIdentity(school, options.lang, t)}</p>
<p>${escapeHtml(t('export.statement.intro'))}</p>
${definition}
</header>
<main>
${sections.join('\n')}
${familyGuidance(year, options.lang, t, schoolHtml)}
</main>`;
  const text = head.replace(/<[^>]*>/g, ' ');
  const html = `${head}
${glossary(text, t)}
<footer>
<p>${withHtml(t('export.statement.footer', { school: NAME_SLOT, year: school.academicYear, date: dateText(options.generatedOn, options.lang) }), schoolHtml)}</p>
</footer>`;
  return { lang, title, html };
}

/**
 * The statement as one HTML document (inline CSS, no scripts, no external resources): in one language, or
 * bilingual with the Welsh first and the English after it on a new page, each part marked with its language.
 */
export function buildAlpStatementHtml(year: SchoolYear, options: AlpStatementOptions): string {
  const parts =
    options.lang === 'bilingual' ? [statementParts(year, 'cy', options.generatedOn), statementParts(year, 'en', options.generatedOn)] : [statementParts(year, options.lang, options.generatedOn)];
  const title = parts.map((p) => p.title).join(' / ');
  const body = parts.length === 1 ? (parts[0] as StatementParts).html : parts.map((p) => `<div class="language" lang="${p.lang}">\n${p.html}\n</div>`).join('\n');
  return `<!doctype html>
<html lang="${(parts[0] as StatementParts).lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  @page { size: A4; margin: 15mm 16mm 16mm 16mm; }
  * { box-sizing: border-box; }
  body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #111; max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
  h1 { font-size: 17pt; margin: 0 0 2mm; color: #1f4e79; }
  .meta { color: #444; margin: 0 0 4mm; }
  h2 { font-size: 13pt; margin: 5mm 0 1mm; padding-bottom: 1mm; border-bottom: 1.5pt solid #1f4e79; color: #1f4e79; break-after: avoid; page-break-after: avoid; }
  .alp h2 { border-bottom-color: #7b2c83; color: #7b2c83; }
  h3 { font-size: 11pt; margin: 3mm 0 1mm; break-after: avoid; page-break-after: avoid; }
  .intro { margin: 0 0 2mm; font-style: italic; }
  ul { margin: 0 0 2mm; padding-left: 5mm; }
  li { margin: 0 0 1mm; break-inside: avoid; page-break-inside: avoid; }
  .none { color: #555; }
  .also { color: #444; }
  .not-running { color: #7a4b00; }
  .guidance h2 { font-size: 11.5pt; }
  .guidance p { margin: 0 0 2mm; }
  .glossary dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 0; }
  .glossary dt { font-weight: bold; }
  .glossary dd { margin: 0; }
  footer { margin-top: 6mm; padding-top: 2mm; border-top: 0.5pt solid #999; color: #444; font-size: 9pt; }
  .language + .language { break-before: page; page-break-before: always; margin-top: 10mm; }
  @media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
