/**
 * The authority file's migrations, oldest first: its own list, separate from the school file's, run by
 * the same `migrate` (all pending in one transaction ending with `user_version`). Add `NNNN-what-it-does.ts`
 * with gaps; never edit one that has shipped.
 */
import { assertIncreasing, type Migration } from '../../migrations';
import { migration as authorityReturns } from './0100-authority-returns';
import { migration as schoolNumberAndHistory } from './0200-school-number-and-history';
import { migration as authoritySchoolList } from './0300-authority-school-list';
import { migration as listedSchoolWelshName } from './0400-listed-school-welsh-name';

export const AUTHORITY_MIGRATIONS: readonly Migration[] = assertIncreasing([authorityReturns, schoolNumberAndHistory, authoritySchoolList, listedSchoolWelshName]);
export const AUTHORITY_LATEST_VERSION: number = AUTHORITY_MIGRATIONS[AUTHORITY_MIGRATIONS.length - 1]?.version ?? 0;
