/**
 * The schools whose returns the authority walks import: six primaries in one authority, "ELSA" classed as ALP
 * at two of them and targeted at four, "Precision teaching" written two ways, and one school with far more
 * 1:1 support than the others (the outlier). Two gave their Welsh names.
 */
import { LANGUAGE_MEDIA, type SchoolYear } from '../../shared/domain';
import { enrolOn, incomeLine, interventionLine, learner, schoolYear, staffMember } from '../support/schoolYearBuilder';

const ELSA_ALP_AT = new Set([1, 4]);
export const NAMES = ['Ysgol Glan', 'Ysgol Bryn', 'Ysgol Cwm', 'Ysgol Pen', 'Ysgol Maes', 'Ysgol Tŷ Mawr'];
/** The Welsh names two schools gave (one classes ELSA as ALP, one is the outlier): what a Welsh reader sees. The others gave none. */
export const NAMES_CY = ['', 'Ysgol Gynradd Bryn', '', '', '', 'Ysgol Gynradd Tŷ Mawr'];
/** The Welsh of the ALP definition, given by the schools that gave a Welsh name. */
export const DEFINITION_CY = 'Canllawiau DDY Sir Prawf';

/** School i: rolls, media and rates vary; "ELSA" is ALP at two schools; the last school has far more 1:1 support. */
export function school(i: number): SchoolYear {
  const heavy = i === NAMES.length - 1;
  const lines = [
    interventionLine({ id: 1, name: 'ELSA', tierId: ELSA_ALP_AT.has(i) ? 'alp' : 'targeted', areaIds: ['besd'], weeks: 12 }),
    interventionLine({ id: 2, name: i % 2 ? 'Precision Teaching (spelling)' : 'Precision teaching', tierId: 'targeted', weeks: 10 }),
    interventionLine({
      id: 3,
      name: '1:1 support',
      tierId: 'alp',
      minutesPerSession: heavy ? 390 : 60,
      sessionsPerWeekHundredths: 500,
      weeks: 38,
      groupCapacity: 1,
      deliveryLanguage: i % 3 === 0 ? 'welsh' : 'english',
    }),
  ];
  const alnCount = 8 + i * 3;
  const learners = Array.from({ length: alnCount + 2 }, (_, k) =>
    learner({ id: k + 1, name: `Plentyn ${i}-${k}`, ref: `R${i}-${k}`, alnStatus: k >= alnCount ? 'none' : k % 3 === 0 ? 'idp_school' : k % 3 === 1 ? 'idp_preparing' : 'monitored' }),
  );
  let enrolmentId = 1;
  const enrolments = lines.flatMap((line) => Array.from({ length: line.id === 3 ? 1 : 6 }, (_, k) => enrolOn(line, enrolmentId++, k + 1)));
  return schoolYear({
    school: {
      name: NAMES[i] as string,
      nameCy: NAMES_CY[i] as string,
      localAuthority: 'Sir Prawf',
      localAuthorityCy: '',
      localAuthorityCode: '',
      officialNumber: '',
      phase: 'primary',
      numberOnRoll: 150 + i * 40,
      efsmBasisPoints: 1200 + i * 150,
      languageMedium: LANGUAGE_MEDIA[i % LANGUAGE_MEDIA.length]!,
      academicYear: '2026-27',
      alpDefinitionSource: 'Sir Prawf ALP guidance',
      alpDefinitionSourceCy: NAMES_CY[i] ? DEFINITION_CY : '',
      alpDefinitionDate: '2025-06-30',
    },
    staff: [staffMember({ id: 1, hourlyCostPence: 1500 + i * 37 })],
    lines,
    learners,
    enrolments,
    income: [incomeLine({ id: 1, amountPence: 2_000_000 + i * 123_457, name: 'Delegated ALN' })],
  });
}
