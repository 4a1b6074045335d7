import { describe, expect, it } from 'vitest';
import { parseInput } from '../../shared/api/contract';
import type { IssueCode } from '../../shared/fieldIssues';
import { catalogues } from '../../shared/i18n';
import { provideCatalogue, type Lang } from '../../shared/i18n/translator';
import { MAX_HOURLY_COST_PENCE } from '../../shared/limits';
import { issueText, problemText, problemsByField } from './localisedError';
import { apiErrorFrom } from '../../test/support/refusals';

provideCatalogue('en', catalogues.en);
provideCatalogue('cy', catalogues.cy);

describe('a refusal from the data process, beside the field it names', () => {
  it('reads as a sentence naming the allowed range, in English and in Welsh', () => {
    const error = apiErrorFrom(() => parseInput('staff.update', { id: 1, changes: { hourlyCostPence: MAX_HOURLY_COST_PENCE + 1 } })).toBody();
    expect(problemsByField(error, 'en')).toEqual({ hourlyCostPence: 'Must be between £0 and £1,000.' });
    expect(problemsByField(error, 'cy')).toEqual({ hourlyCostPence: 'Rhaid iddo fod rhwng £0 a £1,000.' });
    expect(problemText(error, 'en')).toBe('Must be between £0 and £1,000.');
    expect(problemText(error, 'cy')).toBe('Rhaid iddo fod rhwng £0 a £1,000.');
  });

  it('reads as a sentence whether the words start with a verb or not', () => {
    expect(issueText({ code: 'fileEnd', params: { ext: '.xlsx' } }, 'en')).toBe('The file name must end in .xlsx.');
    expect(issueText({ code: 'fileEnd', params: { ext: '.xlsx' } }, 'cy')).toBe('Rhaid i enw’r ffeil orffen gyda .xlsx.');
    expect(issueText({ code: 'pastLastWeek', params: { weeks: 39 } }, 'en')).toBe('It runs past the last week of the year (39).');
    expect(issueText({ code: 'pastLastWeek', params: { weeks: 39 } }, 'cy')).toBe('Mae’n rhedeg y tu hwnt i wythnos olaf y flwyddyn (39).');
  });

  it('gives every issue code in both catalogues a capital first letter and one full stop', () => {
    const codes = Object.keys(catalogues.en.apiError.issue) as IssueCode[];
    expect(Object.keys(catalogues.cy.apiError.issue).sort()).toEqual([...codes].sort());
    for (const lang of ['en', 'cy'] as Lang[]) {
      for (const code of codes) {
        // Each placeholder filled as a specific would be: a school's own word, in lower case.
        const names = [...catalogues[lang].apiError.issue[code].matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
        const words = issueText({ code, params: Object.fromEntries(names.map((n) => [n, 'darllen'])) }, lang);
        expect(words, `${lang} ${code}`).toMatch(/^[^\p{Ll}][^]*[^.]\.$/u);
        expect(words, `${lang} ${code}`).not.toContain('apiError');
        // A clause, or a predicate with "must": never a bare verb with no subject ("Is too large.").
        if (lang === 'en') expect(words, code).not.toMatch(/^(Is|Are|Cannot|Would|Does|Do|Runs|Lists|May|Contains|Has) /);
      }
    }
  });

  it('says a value already taken as a whole sentence in both languages', () => {
    expect(issueText({ code: 'refUsed' }, 'en')).toBe('Another learner already uses this reference.');
    expect(issueText({ code: 'refUsed' }, 'cy')).toBe('Mae dysgwr arall yn defnyddio’r cyfeirnod hwn eisoes.');
    expect(issueText({ code: 'scenarioNameUsed' }, 'en')).toBe('Another scenario already uses this name.');
    expect(issueText({ code: 'scenarioNameUsed' }, 'cy')).toBe('Mae senario arall yn ei ddefnyddio eisoes.');
    expect(issueText({ code: 'tooLarge' }, 'en')).toBe('It is too large.');
    expect(issueText({ code: 'tooLarge' }, 'cy')).toBe('Mae’n rhy fawr.');
  });
});
