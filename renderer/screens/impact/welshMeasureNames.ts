/**
 * The engine groups a line's measures of progress by their English names; a Welsh reader sees each
 * measure's Welsh name, as the school typed it on the enrolments measured by it (the first one given).
 */
import type { Enrolment } from '../../../shared/domain';

export const NO_WELSH_NAMES: ReadonlyMap<string, string> = new Map();
const welshNamesOf = new WeakMap<readonly Enrolment[], ReadonlyMap<string, string>>();

/** Welsh measure names by English name (both trimmed); worked out once per list of enrolments. */
export function welshMeasureNames(enrolments: readonly Enrolment[] | undefined): ReadonlyMap<string, string> {
  if (!enrolments) return NO_WELSH_NAMES;
  let names = welshNamesOf.get(enrolments);
  if (!names) {
    const found = new Map<string, string>();
    for (const e of enrolments) {
      const english = e.measureName.trim();
      const welsh = e.measureNameCy.trim();
      if (english && welsh && !found.has(english)) found.set(english, welsh);
    }
    welshNamesOf.set(enrolments, (names = found));
  }
  return names;
}
