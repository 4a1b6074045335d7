/**
 * The 22 local authorities of Wales with the 3-digit codes the Welsh Government gives them. A school's
 * official number (its "school number" in the census and in the authority's Section 52 budget statement)
 * is the authority's code followed by a 4-digit establishment number: 6612345 is a Gwynedd school.
 * Runs anywhere: no I/O.
 */
import type { IssueCode, IssueParams } from './fieldIssues';
import type { School } from './domain';

export interface LocalAuthority {
  /** 3 digits, e.g. "661". */
  code: string;
  name: string;
  nameCy: string;
}

export const WELSH_LOCAL_AUTHORITIES: readonly LocalAuthority[] = [
  { code: '660', name: 'Isle of Anglesey', nameCy: 'Ynys Môn' },
  { code: '661', name: 'Gwynedd', nameCy: 'Gwynedd' },
  { code: '662', name: 'Conwy', nameCy: 'Conwy' },
  { code: '663', name: 'Denbighshire', nameCy: 'Sir Ddinbych' },
  { code: '664', name: 'Flintshire', nameCy: 'Sir y Fflint' },
  { code: '665', name: 'Wrexham', nameCy: 'Wrecsam' },
  { code: '666', name: 'Powys', nameCy: 'Powys' },
  { code: '667', name: 'Ceredigion', nameCy: 'Ceredigion' },
  { code: '668', name: 'Pembrokeshire', nameCy: 'Sir Benfro' },
  { code: '669', name: 'Carmarthenshire', nameCy: 'Sir Gaerfyrddin' },
  { code: '670', name: 'Swansea', nameCy: 'Abertawe' },
  { code: '671', name: 'Neath Port Talbot', nameCy: 'Castell-nedd Port Talbot' },
  { code: '672', name: 'Bridgend', nameCy: 'Pen-y-bont ar Ogwr' },
  { code: '673', name: 'Vale of Glamorgan', nameCy: 'Bro Morgannwg' },
  { code: '674', name: 'Rhondda Cynon Taf', nameCy: 'Rhondda Cynon Taf' },
  { code: '675', name: 'Merthyr Tydfil', nameCy: 'Merthyr Tudful' },
  { code: '676', name: 'Caerphilly', nameCy: 'Caerffili' },
  { code: '677', name: 'Blaenau Gwent', nameCy: 'Blaenau Gwent' },
  { code: '678', name: 'Torfaen', nameCy: 'Tor-faen' },
  { code: '679', name: 'Monmouthshire', nameCy: 'Sir Fynwy' },
  { code: '680', name: 'Newport', nameCy: 'Casnewydd' },
  { code: '681', name: 'Cardiff', nameCy: 'Caerdydd' },
];

export const LOCAL_AUTHORITY_CODES: readonly string[] = WELSH_LOCAL_AUTHORITIES.map((a) => a.code);

export function authorityByCode(code: string): LocalAuthority | undefined {
  return WELSH_LOCAL_AUTHORITIES.find((a) => a.code === code);
}

const simplified = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\b(city and county of|city of|county borough council|county council|council|cyngor sir|cyngor bwrdeistref sirol|cyngor)\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** The Welsh authority a name typed by hand means ("Cyngor Gwynedd", "vale of glamorgan"), if any. */
export function authorityNamed(name: string): LocalAuthority | undefined {
  const wanted = simplified(name);
  if (wanted === '') return undefined;
  return WELSH_LOCAL_AUTHORITIES.find((a) => simplified(a.name) === wanted || simplified(a.nameCy) === wanted);
}

/**
 * The authority's name in the reader's language: a chosen Welsh authority's by its code; else the name as the
 * school typed it, in Welsh where it gave the Welsh (`localAuthorityCy`) and in English where it did not.
 */
export function authorityName(school: Pick<School, 'localAuthority' | 'localAuthorityCy' | 'localAuthorityCode'>, lang: 'en' | 'cy'): string {
  const known = authorityByCode(school.localAuthorityCode);
  if (known) return lang === 'cy' ? known.nameCy : known.name;
  return lang === 'cy' && school.localAuthorityCy.trim() !== '' ? school.localAuthorityCy : school.localAuthority;
}

/** True when a Welsh reader sees the authority's name in English: it was typed, with no Welsh name given. */
export function authorityLacksWelsh(school: Pick<School, 'localAuthority' | 'localAuthorityCy' | 'localAuthorityCode'>): boolean {
  return !authorityByCode(school.localAuthorityCode) && school.localAuthority.trim() !== '' && school.localAuthorityCy.trim() === '';
}

/** What is wrong with an official number, as a sentence naming the rule; null when it is right (or empty). */
export function officialNumberProblem(school: Pick<School, 'officialNumber' | 'localAuthorityCode'>): { code: IssueCode; params?: IssueParams } | null {
  const n = school.officialNumber;
  if (n === '') return null;
  if (!/^\d{7}$/.test(n)) return { code: 'officialNumberDigits' };
  if (school.localAuthorityCode !== '' && !n.startsWith(school.localAuthorityCode)) {
    return { code: 'officialNumberAuthority', params: { code: school.localAuthorityCode } };
  }
  if (school.localAuthorityCode === '' && !LOCAL_AUTHORITY_CODES.includes(n.slice(0, 3))) return { code: 'officialNumberWelsh' };
  return null;
}
