import type { School } from '../../shared/domain';
import type { SqliteDatabase } from '../connection';
import { toSql } from '../tables';
import { updateColumns, type ColumnMap } from './tableRecord';

export interface SchoolRepository {
  update(changes: Partial<School>): void;
  /** Write the single school row (file creation). */
  insert(school: School): void;
}

export const SCHOOL_COLUMNS: ColumnMap<School> = {
  name: 'name',
  nameCy: 'name_cy',
  localAuthority: 'local_authority',
  localAuthorityCy: 'local_authority_cy',
  localAuthorityCode: 'local_authority_code',
  officialNumber: 'official_number',
  phase: 'phase',
  numberOnRoll: 'number_on_roll',
  efsmBasisPoints: 'efsm_basis_points',
  languageMedium: 'language_medium',
  academicYear: 'academic_year',
  alpDefinitionSource: 'alp_definition_source',
  alpDefinitionSourceCy: 'alp_definition_source_cy',
  alpDefinitionDate: 'alp_definition_date',
};

export function createSchoolRepository(db: SqliteDatabase): SchoolRepository {
  const insert = db.prepare(`
    INSERT INTO school (id, name, name_cy, local_authority, local_authority_cy, local_authority_code, official_number, phase, number_on_roll,
      efsm_basis_points, language_medium, academic_year, alp_definition_source, alp_definition_source_cy, alp_definition_date)
    VALUES (1, @name, @nameCy, @localAuthority, @localAuthorityCy, @localAuthorityCode, @officialNumber, @phase, @numberOnRoll,
      @efsmBasisPoints, @languageMedium, @academicYear, @alpDefinitionSource, @alpDefinitionSourceCy, @alpDefinitionDate)`);
  return {
    update(changes) {
      updateColumns<School>(db, 'school', 1, changes, SCHOOL_COLUMNS);
    },
    insert(school) {
      insert.run({
        name: school.name,
        nameCy: school.nameCy,
        localAuthority: school.localAuthority,
        localAuthorityCy: school.localAuthorityCy,
        localAuthorityCode: school.localAuthorityCode,
        officialNumber: school.officialNumber,
        phase: school.phase,
        numberOnRoll: school.numberOnRoll,
        efsmBasisPoints: toSql(school.efsmBasisPoints),
        languageMedium: school.languageMedium,
        academicYear: school.academicYear,
        alpDefinitionSource: school.alpDefinitionSource,
        alpDefinitionSourceCy: school.alpDefinitionSourceCy,
        alpDefinitionDate: toSql(school.alpDefinitionDate),
      });
    },
  };
}
