/**
 * Tier and area names are the school's own data, but the defaults Mapio itself wrote into a new file
 * ("Universal", "Cognition and learning", …) are Mapio's words: they are shown in the reader's language.
 * A name the school has changed is shown as typed. (The exports apply the same rule: backend/exports/exportLabels.ts.)
 */
import { DEFAULT_AREAS, DEFAULT_TIERS } from '../demo/demoSchool';

/** The catalogue key for a tier's or area's name when it is still Mapio's default, else null. */
export function defaultNameKey(record: { id: string; name: string }): string | null {
  if (DEFAULT_TIERS.some((d) => d.id === record.id && d.name === record.name)) return `export.defaultTier.${record.id}`;
  if (DEFAULT_AREAS.some((d) => d.id === record.id && d.name === record.name)) return `export.defaultArea.${record.id}`;
  return null;
}
