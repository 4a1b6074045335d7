import { costSchoolYear } from '../../shared/engine';
import { largeSecondaryYear } from './generatedSchool';
const year = largeSecondaryYear();
for (let i = 0; i < 400; i++) costSchoolYear(year, { today: '2026-11-24' });
