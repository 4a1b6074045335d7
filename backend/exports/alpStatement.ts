/**
 * "What this school regards as ALP": the statement for parents that Estyn asks every school to make.
 * A self-contained, printable HTML page (A4, one or two pages) listing the universal offer,
 * the targeted offer and the ALP by area of need: line names and descriptions only, never a cost and
 * never anything about a learner, in English or Welsh.
 *
 * Names and descriptions are the school's free text, so two safeguards run over them: any learner's
 * name or reference written into them is replaced by "a learner", and any amount in pounds is removed.
 */
import type { InterventionLine, IsoDate, SchoolYear, Tier } from '../../shared/domain';
import { createI18n, type Lang, type TFunction } from '../../shared/i18n';
import { authorityName } from '../../shared/localAuthorities';
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

/** Free text made safe for parents: no learner's name or reference, no amount of money. */
export function redactForParents(text: string, year: SchoolYear, t: TFunction): string {
  let out = text;
  const who = t('export.checks.aLearner');
  const identifiers = year.learners
    .flatMap((l) => [l.name.trim(), l.ref.trim()])
    .filter((s) => s.length >= 3)
    .sort((a, b) => b.length - a.length);
  for (const id of identifiers) out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(id)}(?![\\p{L}\\p{N}])`, 'giu'), who);
  // "£1,234.50", "£45", "£ 12k", "45p": amounts of money, dropped with the space before them.
  out = out.replace(/\s?£\s?\d[\d,]*(?:\.\d+)?(?:\s?[kKmM]\b)?/g, '').replace(/\s?\b\d+(?:\.\d+)?p\b/g, '');
  return out.replace(/\s{2,}/g, ' ').trim();
}

/**
 * A tier's section: headed by the school's own name for it, introduced by what it is: ALP, provision for
 * every learner (a whole-school tier), or targeted support that is not ALP.
 */
function tierHeading(tier: Tier, lang: Lang, t: TFunction): { heading: string; intro: string } {
  const intro = tier.isAlp ? t('export.statement.alpIntro') : tier.costing === 'whole_school' ? t('export.statement.universalIntro') : t('export.statement.targetedIntro');
  return { heading: tierLabel(tier, lang), intro };
}

/** Who the school is, as the statement's header says it: authority, official number, roll and year. */
function schoolIdentity(school: SchoolYear['school'], lang: Lang, t: TFunction): string[] {
  const roll = new Intl.NumberFormat(lang === 'cy' ? 'cy-GB' : 'en-GB').format(school.numberOnRoll);
  return [
    authorityName(school, lang),
    school.officialNumber ? t('export.identity.officialNumber', { number: school.officialNumber }) : t('export.identity.noOfficialNumber'),
    t('export.identity.roll', { count: school.numberOnRoll, roll }),
    school.academicYear,
  ].filter(Boolean);
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
  const marked = (kind: 'line' | 'lineDescription', id: number, html: string) => (english.has(`${kind}:${id}`) ? `<span lang="en">${html}</span>` : html);
  const areas = sortedAreas(year);

  const sections: string[] = [];
  const tiers = sortedTiers(year);
  // Lines whose tier is not configured are listed under their tier code, so nothing the school offers is hidden.
  const unknownTierIds = [...new Set(year.lines.map((l) => l.tierId).filter((id) => !tiers.some((x) => x.id === id)))];
  const groups: Array<{ tier: Tier }> = [
    ...tiers.map((tier) => ({ tier })),
    ...unknownTierIds.map((id, i): { tier: Tier } => ({ tier: { id, name: id, nameCy: '', isAlp: false, costing: 'shared', sortOrder: 1000 + i } })),
  ];
  for (const { tier } of groups) {
    const { heading, intro } = tierHeading(tier, options.lang, t);
    const lines = year.lines.filter((l) => l.tierId === tier.id);
    const byArea: Array<{ title: string; lines: InterventionLine[] }> = [];
    for (const area of areas) {
      const inArea = lines.filter((l) => l.areaIds.includes(area.id));
      if (inArea.length > 0) byArea.push({ title: areaLabel(area, options.lang), lines: inArea });
    }
    const known = new Set(areas.map((a) => a.id));
    const noArea = lines.filter((l) => !l.areaIds.some((id) => known.has(id)));
    if (noArea.length > 0) byArea.push({ title: t('export.statement.noArea'), lines: noArea });

    const body =
      byArea.length === 0
        ? `<p class="none">${escapeHtml(t('export.statement.none'))}</p>`
        : byArea
            .map(({ title, lines: ls }) => {
              // One entry per distinct name and description (the same intervention run in several blocks).
              const seen = new Set<string>();
              const items = ls
                .map((l) => ({ name: marked('line', l.id, safe(l.name)), description: l.description.trim() ? marked('lineDescription', l.id, safe(l.description)) : '' }))
                .filter((x) => {
                  const k = `${x.name}\u0000${x.description}`;
                  if (seen.has(k)) return false;
                  seen.add(k);
                  return true;
                })
                .map((x) => `<li><strong>${x.name}</strong>${x.description ? ` — ${x.description}` : ''}</li>`)
                .join('\n');
              return `<h3>${escapeHtml(title)}</h3>\n<ul>\n${items}\n</ul>`;
            })
            .join('\n');
    sections.push(`<section class="tier${tier.isAlp ? ' alp' : ''}">\n<h2>${escapeHtml(heading)}</h2>\n<p class="intro">${escapeHtml(intro)}</p>\n${body}\n</section>`);
  }

  const definition = school.alpDefinitionSource.trim()
    ? `<p>${escapeHtml(
        school.alpDefinitionDate
          ? t('export.statement.alpDefinitionDated', { source: school.alpDefinitionSource, date: dateText(school.alpDefinitionDate, options.lang) })
          : t('export.statement.alpDefinition', { source: school.alpDefinitionSource }),
      )}</p>`
    : '';
  const title = t('export.statement.title', { school: school.name });
  const footer = t('export.statement.footer', { school: school.name, year: school.academicYear, date: dateText(options.generatedOn, options.lang) });

  const html = `<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(schoolIdentity(school, options.lang, t).join(' · '))}</p>
<p>${escapeHtml(t('export.statement.intro'))}</p>
${definition}
</header>
<main>
${sections.join('\n')}
</main>
<footer>
<p>${escapeHtml(t('export.statement.contact'))}</p>
<p>${escapeHtml(footer)}</p>
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
