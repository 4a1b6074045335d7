import { describe, expect, it } from 'vitest';
import { defaultExportPath, fileNameOf, folderOf, safeFileStem } from './exportPaths';

const march14 = new Date(2027, 2, 14, 9, 30);

describe('where an export is saved by default', () => {
  it('is beside the school file, named for the school, the export and the date', () => {
    expect(defaultExportPath('/home/alnco/Documents/cwm-glas.mapio', 'Ysgol Cwm Glas (demo)', 'governors', 'governors', march14)).toBe(
      '/home/alnco/Documents/Ysgol Cwm Glas (demo) governors 2027-03-14.xlsx',
    );
    expect(defaultExportPath('C:\\Users\\alnco\\cwm-glas.mapio', 'Ysgol Cwm Glas', 'ALP statement', 'alpStatement', march14)).toBe('C:\\Users\\alnco\\Ysgol Cwm Glas ALP statement 2027-03-14.html');
  });

  it('takes out characters a file name cannot hold, so the export never lands in another folder', () => {
    expect(safeFileStem('St. Mary’s C/W: "Primary"?')).toBe('St. Mary’s C-W- -Primary-');
    expect(defaultExportPath('/srv/a.mapio', '../../etc/passwd', 'governors', 'governors', march14)).toBe('/srv/etc-passwd governors 2027-03-14.xlsx');
    expect(safeFileStem('   ')).toBe('Mapio');
  });

  it('splits folders and names on either separator', () => {
    expect(folderOf('report.xlsx')).toBe('');
    expect(folderOf('/a/b/report.xlsx')).toBe('/a/b/');
    expect(fileNameOf('D:\\Exports\\report.xlsx')).toBe('report.xlsx');
  });
});
