import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { NOT_MEASURED } from '../../shared/domain';
import { buildGovernorsWorkbook, buildGovernorsWorkbookWithFigures, type GovernorsWorkbookOptions } from './governorsWorkbook';
import { variedSchoolYear, viewOf } from '../../test/support/variedSchools';
import { emptySchoolYear } from '../../shared/schoolDefaults';
import nodePath from 'node:path';
import { testFolder } from '../../test/support/testFolder';
import { checkKeys, createI18n } from '../../shared/i18n';
import { formatPounds } from '../../shared/money';
import { HEADER_FILL } from './sheetLayout';
import { printedColumns } from './sheetPrint';
import { textPoints } from './textLines';

const options = (o: Partial<GovernorsWorkbookOptions> = {}): GovernorsWorkbookOptions => ({ learners: 'pseudonymised', lang: 'en', generatedOn: '2026-11-24', ...o });

/** Every cell's text (values and formula results) across the workbook. */
function allText(wb: ExcelJS.Workbook): string {
  const parts: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => parts.push(String(cell.text ?? '')))));
  return parts.join('\n');
}

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  return back;
}

describe('the governors’ workbook', () => {
  it('has its sheets in English or Welsh, with Learners only when asked for', async () => {
    const view = viewOf(demoSchoolYear());
    expect((await buildGovernorsWorkbookWithFigures(view, options())).sheets).toEqual(['Summary', 'Provision map', 'Staffing', 'Learners', 'Checks', 'Impact']);
    expect((await buildGovernorsWorkbookWithFigures(view, options({ learners: 'none' }))).sheets).toEqual(['Summary', 'Provision map', 'Staffing', 'Checks', 'Impact']);
    expect((await buildGovernorsWorkbookWithFigures(view, options({ lang: 'cy' }))).sheets).toEqual(['Crynodeb', 'Map darpariaeth', 'Staffio', 'Dysgwyr', 'Gwiriadau', 'Effaith']);
  });

  it('says the chart has nothing to draw yet for a new school’s empty year, in English and Welsh, not a scale “from £0 to £0.00”', async () => {
    const caption = async (lang: 'en' | 'cy', year = emptySchoolYear(2026, lang)) => {
      const ws = (await buildGovernorsWorkbook(viewOf(year), options({ lang }))).worksheets[0]!;
      const texts: string[] = [];
      ws.eachRow((row) => texts.push(row.getCell(1).text));
      return texts.find((x) => /^(Chart|Siart): /.test(x) && x.length > 60) ?? '';
    };
    expect(await caption('en')).toBe('Chart: nothing to draw yet. Budget income, committed spend charged to the ALN budget and all provision are each £0.00 (the cells below).');
    expect(await caption('cy')).toMatch(/^Siart: dim i’w ddangos eto\./);
    expect(await caption('en', demoSchoolYear())).toMatch(/on a scale from £0 to £[\d,]+\.\d\d\./);
  });

  it('says a new school has no staff, no other costs and no learners yet, in English and Welsh, rather than a total under bare headings', async () => {
    for (const [lang, staffSheet, mapSheet, noStaff, noOther, staffTotal, otherTotal, learnersSheet, noLearners, learnersTotal] of [
      ['en', 'Staffing', 'Provision map', 'No staff yet.', 'No other costs yet.', 'Total cost of staff time', 'Other costs total', 'Learners', 'No learners yet.', 'Total shared to learners'],
      [
        'cy',
        'Staffio',
        'Map darpariaeth',
        'Dim staff eto.',
        'Dim costau eraill eto.',
        'Cyfanswm cost amser staff',
        'Cyfanswm costau eraill',
        'Dysgwyr',
        'Dim dysgwyr eto.',
        'Cyfanswm a rennir i ddysgwyr',
      ],
    ] as const) {
      const file = nodePath.join(testFolder(), `blank-${lang}.xlsx`);
      await (await buildGovernorsWorkbook(viewOf(emptySchoolYear(2026, lang)), options({ lang }))).xlsx.writeFile(file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const staffing = wb.getWorksheet(staffSheet)!;
      expect(staffing.getCell('A4').text, lang).toBe(noStaff);
      expect(staffing.getCell('A5').text, lang).toBe(staffTotal);
      const map: string[] = [];
      wb.getWorksheet(mapSheet)!.eachRow((row) => map.push(row.getCell(1).text));
      // The row that says so sits between the other costs' heading and their total.
      expect(map[map.indexOf(otherTotal) - 1], lang).toBe(noOther);
      // The pseudonymised Learners sheet: under its headings, the sentence, then the total of nothing.
      const learners = wb.getWorksheet(learnersSheet)!;
      expect(learners.getCell('A4').text, lang).toBe(noLearners);
      expect(learners.getCell('A4').font?.italic, lang).toBe(true);
      expect(learners.getCell('A5').text, lang).toBe(learnersTotal);
    }
  });

  it('heads each tier on the Provision map with its name and whether it is ALP, never the same word twice (“ALP (ALP)”, “DDY (DDY)”)', async () => {
    const headings = async (year: ReturnType<typeof demoSchoolYear>, lang: 'en' | 'cy') => {
      const ws = (await buildGovernorsWorkbook(viewOf(year), options({ lang }))).getWorksheet(lang === 'en' ? 'Provision map' : 'Map darpariaeth')!;
      const out: string[] = [];
      // A tier's heading is the shaded row whose first cell is bold (the lines below it are not).
      ws.eachRow((row) => {
        const cell = row.getCell(1);
        if (cell.font?.bold && (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb === 'FFF2F2F2') out.push(cell.text);
      });
      return out;
    };
    expect(await headings(demoSchoolYear(), 'en')).toEqual(['Universal (Not ALP)', 'Targeted (Not ALP)', 'ALP', 'Other costs (no intervention)']);
    expect(await headings(demoSchoolYear(), 'cy')).toEqual(['Cyffredinol (Nid DDY)', 'Wedi’i thargedu (Nid DDY)', 'DDY', 'Costau eraill (dim ymyrraeth)']);
    // Known by its names and its ALP flag, in any case, never by its id: a tier that is not ALP but is
    // called “ALP” still says so; one called “not alp” says it once.
    const year = demoSchoolYear();
    year.tiers = year.tiers.map((tier) =>
      tier.id === 'universal' ? { ...tier, name: 'ALP', nameCy: 'DDY' } : tier.id === 'targeted' ? { ...tier, name: 'not alp', nameCy: 'nid ddy' } : { ...tier, name: 'alp', nameCy: 'ddy' },
    );
    expect(await headings(year, 'en')).toEqual(['ALP (Not ALP)', 'not alp', 'alp', 'Other costs (no intervention)']);
    expect(await headings(year, 'cy')).toEqual(['DDY (Nid DDY)', 'nid ddy', 'ddy', 'Costau eraill (dim ymyrraeth)']);
  });

  it('sets each Staffing cell apart: the peak week centred, the allocation set in from it, headings ruled between columns', async () => {
    for (const lang of ['en', 'cy'] as const) {
      const year = demoSchoolYear();
      const ws = (await buildGovernorsWorkbook(viewOf(year), options({ lang }))).getWorksheet(lang === 'en' ? 'Staffing' : 'Staffio')!;
      // Two headings side by side, each wrapped to its column's width, are ruled apart.
      for (let c = 1; c <= 9; c++) expect(ws.getRow(3).getCell(c).border?.right?.style, `${lang} heading ${c}`).toBe('thin');
      expect(ws.getCell('F3').text).toBe(lang === 'en' ? 'Peak week' : 'Wythnos brysuraf');
      year.staff.forEach((_, i) => {
        const [week, allocation] = [ws.getCell(`F${4 + i}`), ws.getCell(`G${4 + i}`)];
        // A week number, worked out by a formula over the map (so it follows an edit to a line).
        const v = week.value;
        expect(typeof (v !== null && typeof v === 'object' && 'formula' in v ? v.result : v), `${lang} F${4 + i}`).toBe('number');
        expect(week.alignment?.horizontal, `${lang} F${4 + i}`).toBe('center');
        expect(allocation.alignment?.horizontal, `${lang} G${4 + i}`).toBe('left');
        expect(allocation.alignment?.indent, `${lang} G${4 + i}`).toBeGreaterThanOrEqual(1);
      });
      // The hours columns are wider than "hours a week" set in bold, so their headings' lines have room.
      for (const col of ['D', 'E']) expect(ws.getColumn(col).width, `${lang} ${col}`).toBeGreaterThanOrEqual(14);
    }
  });

  it('shows a long name with no space in it whole: the school on the Summary across B–D, a line and a member of staff, each row tall enough for the name broken across lines', async () => {
    const place = 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch';
    const year = demoSchoolYear();
    year.school = { ...year.school, name: `Ysgol Gymraeg Bro Ŵyn a Thŷ’r Fâl, ${place}`, nameCy: `Ysgol Gymraeg Bro Ŵyn a Thŷ’r Fâl, ${place}` };
    const line = year.lines[0]!;
    year.lines[0] = { ...line, name: place, nameCy: place };
    year.staff[0] = { ...year.staff[0]!, name: `${place}-Jones` };
    const wb = await buildGovernorsWorkbook(viewOf(year), options({ lang: 'cy' }));
    /** The least height a row needs for a word of `letters` broken across a cell `width` units wide: one line per width it fills. */
    const tallEnough = (row: ExcelJS.Row, letters: number, width: number) => expect(row.height ?? 15).toBeGreaterThanOrEqual(Math.ceil(letters / (width - 1)) * 11 * 1.16);
    const widthOf = (ws: ExcelJS.Worksheet, cell: ExcelJS.Cell) => {
      let width = 0;
      for (
        let c = Number(cell.col);
        c <= ws.columnCount && (c === Number(cell.col) || (ws.getRow(Number(cell.row)).getCell(c).isMerged && ws.getRow(Number(cell.row)).getCell(c).master === cell));
        c++
      )
        width += ws.getColumn(c).width ?? 9;
      return width;
    };

    const summary = wb.getWorksheet('Crynodeb')!;
    let schoolRow: ExcelJS.Row | undefined;
    summary.eachRow((row) => {
      if (row.getCell(1).text === 'Ysgol') schoolRow = row;
    });
    const name = schoolRow!.getCell(2);
    expect(name.text).toBe(year.school.nameCy);
    // Wrapped across the printed columns B–D, not spilling past the print edge.
    expect(schoolRow!.getCell(4).isMerged && schoolRow!.getCell(4).master === name).toBe(true);
    expect(name.alignment?.wrapText).toBe(true);
    // “Ysgol … Fâl,” on a line, then the place name broken across as many lines as it fills.
    expect(schoolRow!.height ?? 15).toBeGreaterThanOrEqual((1 + Math.ceil(place.length / (widthOf(summary, name) - 1))) * 11 * 1.16);

    const map = wb.getWorksheet('Map darpariaeth')!;
    map.eachRow((row) => {
      for (const cell of [row.getCell(1), row.getCell(3)]) {
        if (!cell.text.includes(place) || Number(row.number) <= 3) continue;
        expect(cell.alignment?.wrapText, cell.address).toBe(true);
        tallEnough(row, place.length + (cell.text.includes('-Jones') ? 10 : 0), widthOf(map, cell));
      }
    });
    const staffing = wb.getWorksheet('Staffio')!;
    const person = staffing.getCell('A4');
    expect(person.text).toBe(`${place}-Jones`);
    expect(person.alignment?.wrapText).toBe(true);
    tallEnough(staffing.getRow(4), person.text.length, widthOf(staffing, person));
  });

  it('names an authority the school typed by the Welsh name it gave on the Welsh Summary, by the English on the English one; a chosen one by Mapio’s names', async () => {
    const year = demoSchoolYear();
    year.school = { ...year.school, localAuthority: 'Example County Borough Council', localAuthorityCy: 'Cyngor Bwrdeistref Sirol Enghraifft', localAuthorityCode: '', officialNumber: '' };
    const authorityRow = async (lang: 'en' | 'cy') => {
      const ws = (await buildGovernorsWorkbook(viewOf(year), options({ lang }))).worksheets[0]!;
      const out: string[][] = [];
      ws.eachRow((row) => out.push([row.getCell(1).text, row.getCell(2).text]));
      return out.find(([label]) => label === (lang === 'en' ? 'Local authority' : 'Awdurdod lleol'));
    };
    expect(await authorityRow('cy')).toEqual(['Awdurdod lleol', 'Cyngor Bwrdeistref Sirol Enghraifft']);
    expect(await authorityRow('en')).toEqual(['Local authority', 'Example County Borough Council']);
    year.school = { ...year.school, localAuthorityCy: '' };
    expect(await authorityRow('cy')).toEqual(['Awdurdod lleol', 'Example County Borough Council']);
    year.school = { ...year.school, localAuthority: 'Denbighshire', localAuthorityCy: 'Cyngor Bwrdeistref Sirol Enghraifft', localAuthorityCode: '663' };
    expect(await authorityRow('cy')).toEqual(['Awdurdod lleol', 'Sir Ddinbych']);
    expect(await authorityRow('en')).toEqual(['Local authority', 'Denbighshire']);
  });

  it('says who the school is on its Summary: name, official number, authority (in the reader’s language) and roll', async () => {
    const year = demoSchoolYear();
    year.school = { ...year.school, name: 'Ysgol Gyfun Glan Clwyd', localAuthority: 'Denbighshire', localAuthorityCode: '663', officialNumber: '6634012', numberOnRoll: 1100 };
    const rows = async (lang: 'en' | 'cy') => {
      const ws = (await buildGovernorsWorkbook(viewOf(year), options({ lang }))).worksheets[0]!;
      const out: string[][] = [];
      ws.eachRow((row) => out.push([row.getCell(1).text, row.getCell(2).text]));
      return out;
    };
    expect(await rows('en')).toEqual(
      expect.arrayContaining([
        ['School', 'Ysgol Gyfun Glan Clwyd'],
        ['Official school number', '6634012'],
        ['Local authority', 'Denbighshire'],
        ['Number on roll', '1100'],
      ]),
    );
    expect(await rows('cy')).toEqual(
      expect.arrayContaining([
        ['Rhif swyddogol yr ysgol', '6634012'],
        ['Awdurdod lleol', 'Sir Ddinbych'],
        ['Nifer ar y gofrestr', '1100'],
      ]),
    );
    year.school = { ...year.school, officialNumber: '' };
    expect(await rows('en')).toContainEqual(['Official school number', 'not entered']);
  });

  it('names the cost not shared to learners for what it is: whole-school lines as well as lines with nobody enrolled, in English and Welsh', async () => {
    // A newcomer's school: one whole-school tier, its line with learners enrolled (who took part, at 0p).
    const year = demoSchoolYear();
    const line = year.lines.find((l) => l.tierId === 'universal') as (typeof year.lines)[number];
    year.tiers = year.tiers.filter((tier) => tier.id === 'universal');
    year.lines = [line];
    year.enrolments = year.learners.slice(0, 3).map((learner, i) => ({ ...NOT_MEASURED, id: i + 1, lineId: line.id, learnerId: learner.id, startWeek: 1, endWeek: 30 }));
    const view = viewOf(year);
    // The engine's figure is the whole line's cost, though three learners are on it.
    expect(view.costed.totals.unallocatedPence).toBe(view.costed.lines[0]?.costPence);
    expect(view.costed.lines[0]?.enrolledLearners).toBe(3);
    for (const [lang, words] of [
      ['en', /whole-school lines/],
      ['cy', /llinellau ysgol gyfan/],
    ] as const) {
      const ws = (await buildGovernorsWorkbook(view, options({ lang }))).worksheets[0]!;
      let label = '';
      ws.eachRow((row) => {
        if (row.getCell(1).text === createI18n(lang).t('export.unallocated')) label = row.getCell(1).text;
      });
      expect(label, lang).toMatch(words);
    }
  });

  it('in Welsh uses the Welsh the school typed for its lines, income, other costs and its own name, and no English name remains', async () => {
    const year = demoSchoolYear();
    year.school.nameCy = 'Ysgol Cwm Glas (enghraifft Gymraeg)';
    year.lines = year.lines.map((l) => ({ ...l, nameCy: `Llinell Gymraeg ${l.id}`, descriptionCy: l.description ? `Disgrifiad ${l.id}` : '' }));
    year.income = year.income.map((x) => ({ ...x, nameCy: `Incwm ${x.id}` }));
    year.otherCosts = year.otherCosts.map((x) => ({ ...x, nameCy: `Cost arall ${x.id}` }));
    const cy = allText(await buildGovernorsWorkbook(viewOf(year), options({ lang: 'cy' })));
    for (const english of [...year.lines.map((l) => l.name), ...year.income.map((x) => x.name), ...year.otherCosts.map((x) => x.name)]) expect(cy).not.toContain(english);
    expect(cy).toContain('Llinell Gymraeg 1');
    expect(cy).toContain('Ysgol Cwm Glas (enghraifft Gymraeg)');
    // The same workbook in English keeps the English names, and the figures agree to the penny
    const en = await buildGovernorsWorkbookWithFigures(viewOf(year), options());
    expect(allText(en.workbook)).toContain(year.lines[0]!.name);
    expect((await buildGovernorsWorkbookWithFigures(viewOf(year), options({ lang: 'cy' }))).figures.map((f) => f.pence)).toEqual(en.figures.map((f) => f.pence));
  });

  it('in Welsh shows the Welsh the school gave for where its income came from and for a line’s funding note, the English where it gave none; in English, the English', async () => {
    const year = demoSchoolYear();
    const statement = year.income.find((x) => x.source.startsWith('Authority budget statement'))!;
    const grant = year.income.find((x) => x.kind === 'aln_grant')!;
    const health = year.lines.find((l) => l.fundingNote === 'Secured by the health board (NHS)')!;
    const grantNote = year.lines.find((l) => l.fundingNote === 'ALN grant 2026-27')!;
    // No Welsh for the grant's source nor for one line's note: a Welsh reader sees the English as typed.
    year.income = year.income.map((x) => (x.id === grant.id ? { ...x, sourceCy: '' } : x));
    year.lines = year.lines.map((l) => (l.id === grantNote.id ? { ...l, fundingNoteCy: '' } : l));
    const sheets = async (lang: 'en' | 'cy') => {
      const wb = await buildGovernorsWorkbook(viewOf(year), options({ lang }));
      const cells = (ws: ExcelJS.Worksheet, column: number) => {
        const out: string[] = [];
        ws.eachRow((row) => out.push(row.getCell(column).text));
        return out;
      };
      return { sources: cells(wb.worksheets[0]!, 3), mapText: cells(wb.worksheets[1]!, 2).join('\n') };
    };
    const cy = await sheets('cy');
    // Each source reads apart from the right-aligned amount before it, not run into it.
    const summary = (await buildGovernorsWorkbook(viewOf(year), options({ lang: 'cy' }))).worksheets[0]!;
    const sourceCells: ExcelJS.Cell[] = [];
    summary.eachRow((row) => {
      if (row.getCell(3).text.includes('yn dod i ben')) sourceCells.push(row.getCell(3));
    });
    expect(sourceCells.length).toBeGreaterThan(0);
    for (const cell of sourceCells) expect(cell.alignment?.indent ?? 0, cell.address).toBeGreaterThanOrEqual(1);
    expect(cy.sources).toContain('Datganiad cyllideb yr awdurdod (Adran 52), dyraniad ADY tybiannol');
    expect(cy.sources).not.toContain(statement.source);
    expect(cy.sources).toContain(`${grant.source}; yn dod i ben 31 Mawrth 2027`);
    expect(cy.mapText).toContain('(Wedi’i sicrhau gan y bwrdd iechyd (GIG))');
    expect(cy.mapText).not.toContain(health.fundingNote);
    expect(cy.mapText).toContain(`(${grantNote.fundingNote})`);
    const en = await sheets('en');
    expect(en.sources).toContain(statement.source);
    expect(en.sources.join('\n')).not.toContain('Datganiad cyllideb');
    expect(en.mapText).toContain(`(${health.fundingNote})`);
    expect(en.mapText).not.toContain('Wedi’i sicrhau');
  });

  it('prints a long source of income whole inside the Summary’s income table: wrapped across its columns, under its shaded heading, its row tall enough', async () => {
    const year = demoSchoolYear();
    const long = {
      en: 'Governing body budget decision of 12 March 2026, minute 7(b), confirmed by the finance committee in April',
      cy: 'Penderfyniad cyllideb y corff llywodraethu ar 12 Mawrth 2026, cofnod 7(b), a gadarnhawyd gan y pwyllgor cyllid ym mis Ebrill',
    };
    year.income = year.income.map((x, i) => (i === year.income.length - 1 ? { ...x, source: long.en, sourceCy: long.cy } : x));
    for (const lang of ['en', 'cy'] as const) {
      const { t } = createI18n(lang);
      const summary = (await roundTrip(await buildGovernorsWorkbook(viewOf(year), options({ lang })))).worksheets[0]!;
      let headingRow: ExcelJS.Row | undefined;
      let sourceRow: ExcelJS.Row | undefined;
      summary.eachRow((row) => {
        if (row.getCell(1).text === t('export.incomeHeading')) headingRow = row;
        if (row.getCell(3).text === long[lang]) sourceRow = row;
      });
      expect(headingRow, `${lang}: the income table's heading`).toBeDefined();
      expect(sourceRow, `${lang}: the long source`).toBeDefined();
      const source = sourceRow!.getCell(3);
      // The columns the source spans: its own and those merged into it, all inside the printed area.
      let lastColumn = 3;
      while (sourceRow!.getCell(lastColumn + 1).isMerged && sourceRow!.getCell(lastColumn + 1).master.address === source.address) lastColumn++;
      expect(lastColumn, `${lang}: the source spans the table's text columns`).toBeGreaterThan(3);
      expect(lastColumn, `${lang}: the source inside the printed columns`).toBeLessThanOrEqual(printedColumns(summary));
      expect(source.alignment?.wrapText, `${lang}: the source wraps`).toBe(true);
      // The shaded heading runs over every column the source is printed in, with "Source" above it.
      for (let c = 1; c <= lastColumn; c++) expect(headingRow!.getCell(c).fill, `${lang}: heading ${headingRow!.getCell(c).address} shaded`).toEqual(HEADER_FILL);
      expect(headingRow!.getCell(3).text).toBe(t('export.col.source'));
      // Tall enough for its lines: at least as many as its characters over the width it has (12.75 pt a line).
      let width = 0;
      for (let c = 3; c <= lastColumn; c++) width += summary.getColumn(c).width ?? 9;
      const lines = Math.ceil(long[lang].length / width);
      expect(lines).toBeGreaterThan(1);
      expect(sourceRow!.height, `${lang}: the source's row height`).toBeGreaterThanOrEqual(lines * 12.75);
    }
  });

  it('never names a learner, nor gives their MIS reference, unless names were asked for, and says which on the sheet', async () => {
    const year = demoSchoolYear();
    // After an MIS import the references are UPNs, which identify a child
    year.learners = year.learners.map((l, i) => ({ ...l, ref: `W8204001260${String(i).padStart(2, '0')}` }));
    const view = viewOf(year);
    for (const learners of ['pseudonymised', 'none'] as const) {
      const text = allText(await buildGovernorsWorkbook(view, options({ learners })));
      expect(
        year.learners.filter((l) => text.includes(l.name)).map((l) => l.name),
        `names with learners ${learners}`,
      ).toEqual([]);
      expect(
        year.learners.filter((l) => text.includes(l.ref)).map((l) => l.ref),
        `references with learners ${learners}`,
      ).toEqual([]);
    }
    const pseudonymised = await buildGovernorsWorkbook(view, options());
    const note = pseudonymised.getWorksheet('Learners')?.getCell('A2').text;
    expect(note).toMatch(/^Pseudonymised, not anonymised: .*never by name or MIS reference/);
    expect(note).toMatch(/still personal data/);
    const codes = (pseudonymised.getWorksheet('Learners')?.getColumn(1).values ?? []).map(String).filter((v) => /^L\d{3}$/.test(v));
    expect(codes).toHaveLength(year.learners.length);
    expect(new Set(codes).size).toBe(year.learners.length);
    // With no learners sheet, the checks name nobody, not even by a code
    const none = await buildGovernorsWorkbook(view, options({ learners: 'none' }));
    expect(allText(none)).not.toMatch(/\bL\d{3}\b/);

    const named = await buildGovernorsWorkbook(view, options({ learners: 'named' }));
    expect(named.getWorksheet('Learners')?.getCell('A2').text).toMatch(/^Named: /);
    const text = allText(named);
    for (const l of year.learners) expect(text).toContain(l.name);
  });

  it('writes every line, subtotal and total as a formula whose cached result is the engine’s figure', async () => {
    for (const year of [demoSchoolYear(), variedSchoolYear(7), variedSchoolYear(8)]) {
      const view = viewOf(year);
      const { workbook, figures } = await buildGovernorsWorkbookWithFigures(view, options());
      const map = workbook.getWorksheet('Provision map') as ExcelJS.Worksheet;
      // Every line's cost and every tier's subtotal is among the checked figures.
      const costs = figures.filter((f) => f.what.startsWith('cost of'));
      expect(costs).toHaveLength(year.lines.length + year.otherCosts.length);
      for (const b of view.costed.totals.byTier) expect(figures.some((f) => f.pence === b.costPence && f.what.endsWith(': cost'))).toBe(true);
      expect(figures.find((f) => f.what === 'grand total: all provision')?.pence).toBe(view.costed.totals.costPence);
      expect(figures.find((f) => f.what === 'budget position')?.pence).toBe(view.costed.budget.positionPence);
      for (const f of figures) {
        const cell = workbook.getWorksheet(f.sheet)?.getCell(f.cell);
        const value = cell?.value as ExcelJS.CellFormulaValue;
        expect(typeof value.formula, `${f.what} at ${f.sheet}!${f.cell}`).toBe('string');
        // exceljs keeps no cached result of 0 (the file then has none; Excel recalculates on load).
        expect(Math.round(Number(value.result ?? 0) * 100), f.what).toBe(f.pence);
      }
      // Line costs are built from their inputs, rounded once to the penny.
      const firstCost = costs[0] as (typeof costs)[number];
      const staffCell = map.getCell(`J${firstCost.cell.slice(1)}`).value as ExcelJS.CellFormulaValue;
      expect(staffCell.formula).toMatch(/^ROUND\(ROUND\(D\d+\*100,0\)\*I\d+\*\(E\d+\+F\d+\)\*ROUND\(G\d+\*100,0\)\*H\d+\/6000,0\)\/100$/);
    }
  });

  it('works the staff cost of every line from its inputs exactly as the engine does (half pennies away from zero)', async () => {
    // Evaluate each line's staff-cost formula in JavaScript doubles, as a spreadsheet would, from the cells.
    for (const year of [demoSchoolYear(), ...[1, 2, 3, 4, 5].map((s) => variedSchoolYear(s))]) {
      const view = viewOf(year);
      const { workbook, figures } = await buildGovernorsWorkbookWithFigures(view, options());
      const map = workbook.getWorksheet('Provision map') as ExcelJS.Worksheet;
      const num = (address: string) => {
        const v = map.getCell(address).value;
        // The staff cost an hour is a formula over the Staffing sheet's rates: its cached result is the figure.
        return Number((v !== null && typeof v === 'object' && 'formula' in v ? v.result : v) ?? 0);
      };
      const roundHalfAway = (x: number) => Math.sign(x) * Math.round(Math.abs(x));
      for (const f of figures.filter((x) => x.what.startsWith('staff cost of'))) {
        const r = f.cell.slice(1);
        const product = roundHalfAway(num(`D${r}`) * 100) * num(`I${r}`) * (num(`E${r}`) + num(`F${r}`)) * roundHalfAway(num(`G${r}`) * 100) * num(`H${r}`);
        expect(Number.isSafeInteger(product)).toBe(true);
        expect(roundHalfAway(product / 6000), f.what).toBe(f.pence);
      }
      if (year.lines.some((l) => l.name === 'Half-penny check')) {
        // 1541p × 30 min ÷ 60 = 770.5p exactly: the formula, like the engine, gives 771p.
        expect(figures.find((f) => f.what === 'staff cost of “Half-penny check”')?.pence).toBe(771);
      }
    }
  });

  it('prints landscape on A4, one page wide, with repeated headers and the school and page in the footer', async () => {
    const wb = await roundTrip(await buildGovernorsWorkbook(viewOf(variedSchoolYear(3)), options()));
    for (const name of ['Provision map', 'Staffing', 'Learners', 'Checks', 'Impact']) {
      const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
      expect(ws.pageSetup.orientation, name).toBe('landscape');
      expect(ws.pageSetup.fitToPage).toBe(true);
      expect(ws.pageSetup.fitToWidth).toBe(1);
      expect(ws.pageSetup.fitToHeight).toBe(0);
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.printTitlesRow).toBe('1:3');
      expect(ws.headerFooter.oddFooter).toBe('&LYsgol Amrywiol 3 && Partners&RPage &P of &N');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
      expect(ws.autoFilter).toBeTruthy();
    }
    const cy = await roundTrip(await buildGovernorsWorkbook(viewOf(demoSchoolYear()), options({ lang: 'cy' })));
    expect(cy.getWorksheet('Map darpariaeth')?.headerFooter.oddFooter).toContain('&RTudalen &P o &N');
    expect(cy.getWorksheet('Map darpariaeth')?.getCell('C3').text).toBe('Staff fesul grŵp');
  });

  it('cuts a long school name in the footer with “…” so it never runs under the page words, in English and Welsh', async () => {
    const year = demoSchoolYear();
    // Two hundred characters, the most a school's name may have.
    year.school.name =
      'Ysgol Gynradd Gymraeg Llanfairpwllgwyngyll a Chwm Tawe Uchaf Ŵy Ŷ Â gyda Chanolfan Adnoddau Anghenion Dysgu Ychwanegol Sirol ar gyfer Dysgwyr Ifanc Powys a Cheredigion a Sir Gaerfyrddin & Phartneriaid';
    year.school.nameCy = year.school.name;
    for (const lang of ['en', 'cy'] as const) {
      const page = createI18n(lang).t('export.footerPage');
      const wb = await buildGovernorsWorkbook(viewOf(year), options({ lang }));
      for (const ws of wb.worksheets) {
        const footer = ws.headerFooter.oddFooter ?? '';
        const left = /^&L(.*)&R/.exec(footer)?.[1] ?? '';
        expect(footer, ws.name).toBe(`&L${left}&R${page}`);
        expect(left, ws.name).toMatch(/^Ysgol Gynradd Gymraeg Llanfairpwllgwyngyll .*[^\s]…$/);
        // On one line with the page words (two digits each) and a gap, across portrait A4 with 0.7-inch margins, in Calibri 11.
        expect(textPoints(left.replace(/&&/g, '&')) + textPoints(page.replace(/&[PN]/g, '99')) + 20, ws.name).toBeLessThanOrEqual((8.27 - 1.4) * 72);
      }
    }
    // A name that fits is whole, its "&" doubled.
    expect((await buildGovernorsWorkbook(viewOf(variedSchoolYear(3)), options())).worksheets[0]?.headerFooter.oddFooter).toBe('&LYsgol Amrywiol 3 && Partners&RPage &P of &N');
  });

  it('formats money in pounds and embeds the budget chart on the Summary', async () => {
    const view = viewOf(demoSchoolYear());
    const wb = await roundTrip(await buildGovernorsWorkbook(view, options()));
    const summary = wb.getWorksheet('Summary') as ExcelJS.Worksheet;
    const images = summary.getImages();
    expect(images).toHaveLength(1);
    const media = wb.getImage(Number(images[0]?.imageId));
    expect(media.extension).toBe('png');
    expect(
      Buffer.from(media.buffer as unknown as Uint8Array)
        .subarray(1, 4)
        .toString('ascii'),
    ).toBe('PNG');
    // The figures the chart shows are in cells below it, labelled, as formulas over the budget figures.
    const key: ExcelJS.Cell[] = [];
    summary.eachRow((row) => {
      const v = row.getCell(2).value;
      if (v !== null && typeof v === 'object' && 'formula' in v && /^B\d+$/.test(String(v.formula))) key.push(row.getCell(2));
    });
    // The headline at the top links to the same figures: its two come first, the chart's three last.
    expect(key.slice(0, 2).map((c) => summary.getCell(`A${c.row}`).text)).toEqual(['Budget income', 'Committed spend charged to the ALN budget']);
    key.splice(0, key.length - 3);
    expect(key.map((c) => summary.getCell(`A${c.row}`).text)).toEqual(['Budget income', 'Committed spend charged to the ALN budget', 'All provision, whoever pays']);
    expect(key.map((c) => Math.round(Number((c.value as ExcelJS.CellFormulaValue).result) * 100))).toEqual([
      view.costed.budget.incomePence,
      view.costed.budget.chargedPence,
      view.costed.totals.costPence,
    ]);
    expect(key[0]?.numFmt).toContain('£');
    expect(key[0]?.numFmt).toBe('"£"#,##0.00;-"£"#,##0.00');
    expect((key[0]?.value as ExcelJS.CellFormulaValue).result).toBe(view.costed.budget.incomePence / 100);
  });

  it('words checks with the learner’s code in this workbook, or name only when names were asked for', async () => {
    const year = demoSchoolYear();
    const view = viewOf(year);
    const check = view.costed.checks.find((c) => c.subject.kind === 'learner');
    expect(check).toBeDefined();
    const learner = year.learners.find((l) => l.id === check?.subject.id);
    const pseudonymised = (await buildGovernorsWorkbook(view, options())).getWorksheet('Checks') as ExcelJS.Worksheet;
    expect(pseudonymised.getCell('C4').text).toMatch(/^Learner L\d{3} /);
    expect(pseudonymised.getCell('C4').text).not.toContain(learner!.ref);
    const named = (await buildGovernorsWorkbook(view, options({ learners: 'named' }))).getWorksheet('Checks') as ExcelJS.Worksheet;
    expect(named.getCell('C4').text).toContain(learner?.name);
  });

  it('with no learners in the workbook, begins every check’s words as a sentence: “A learner …”, not “a learner …”', async () => {
    const view = viewOf(demoSchoolYear());
    const at = 4 + view.costed.checks.findIndex((c) => c.subject.kind === 'learner');
    for (const lang of ['en', 'cy'] as const) {
      const ws = (await buildGovernorsWorkbook(view, options({ learners: 'none', lang }))).getWorksheet(lang === 'en' ? 'Checks' : 'Gwiriadau') as ExcelJS.Worksheet;
      const words = view.costed.checks.map((_, i) => ws.getCell(`C${4 + i}`).text);
      expect(
        words.filter((w) => w.charAt(0) !== w.charAt(0).toLocaleUpperCase()),
        lang,
      ).toEqual([]);
      if (lang === 'en') expect(ws.getCell(`C${at}`).text).toMatch(/^A learner /);
    }
  });
});

describe('the Summary’s headline', () => {
  async function headline(year: ReturnType<typeof demoSchoolYear>, lang: 'en' | 'cy' = 'en') {
    const view = viewOf(year);
    const ws = (await buildGovernorsWorkbook(view, options({ lang }))).getWorksheet(lang === 'en' ? 'Summary' : 'Crynodeb')!;
    const rows: Array<{ label: string; cell: ExcelJS.Cell }> = [];
    for (let r = 1; r <= 20; r++) rows.push({ label: ws.getCell(`A${r}`).text, cell: ws.getCell(`B${r}`) });
    return { view, ws, rows };
  }

  it('comes first: the ALN budget, the committed spend and each financial year’s position, as formulas with the engine’s figures', async () => {
    const { view, rows } = await headline(demoSchoolYear());
    const at = rows.findIndex((r) => r.label === 'At a glance');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(at).toBeLessThan(8);
    const after = rows.slice(at + 1);
    const figure = (label: string | RegExp) => {
      const row = after.find((r) => (typeof label === 'string' ? r.label === label : label.test(r.label)));
      if (!row) throw new Error(`no headline row ${String(label)}`);
      const value = row.cell.value as ExcelJS.CellFormulaValue;
      expect(typeof value.formula).toBe('string');
      return { pence: Math.round(Number(value.result) * 100), format: row.cell.numFmt };
    };
    expect(figure('Budget income').pence).toBe(view.costed.budget.incomePence);
    expect(figure('Committed spend charged to the ALN budget').pence).toBe(view.costed.budget.chargedPence);
    const firstFy = after.findIndex((r) => r.label.startsWith('Budget position, '));
    view.costed.budget.financialYears.forEach((fy, i) => {
      const position = figure(after[firstFy + i]!.label);
      expect(position.pence).toBe(fy.positionPence);
      // A shortfall is red and keeps its minus sign (never colour alone).
      expect(position.format).toContain('[Red]-');
    });
  });

  it('names the first three open checks in words, after the budget, and how many more there are', async () => {
    const { view, rows } = await headline(demoSchoolYear());
    const texts = rows.map((r) => r.label);
    const at = texts.indexOf('What needs attention first');
    expect(at).toBeGreaterThan(0);
    // The demo's second financial year is over budget: that comes first.
    const overBudget = view.costed.budget.financialYears.filter((fy) => fy.positionPence < 0).length;
    expect(overBudget).toBe(1);
    const first = at + overBudget;
    const shown = Math.min(3, view.costed.checks.length);
    for (let i = 1; i <= shown; i++) expect(texts[first + i]).toMatch(/^• .+: .+/);
    if (view.costed.checks.length > 3) expect(texts[first + shown + 1]).toBe(`and ${view.costed.checks.length - 3} more check${view.costed.checks.length - 3 === 1 ? '' : 's'} on the Checks sheet`);
  });

  it('puts a financial year over budget first in what needs attention, its amount a formula over the position the sheet shows, in English and Welsh', async () => {
    for (const [lang, heading, words] of [
      ['en', 'What needs attention first', '• April 2027 – March 2028: £646.25 over budget. Committed spend charged to the ALN budget is more than the income for that year.'],
      ['cy', 'Beth sydd angen sylw gyntaf', '• Ebrill 2027 – Mawrth 2028: £646.25 dros y gyllideb. Mae’r gwariant ymrwymedig a godir ar y gyllideb ADY yn fwy na’r incwm ar gyfer y flwyddyn honno.'],
    ] as const) {
      const { view, ws, rows } = await headline(demoSchoolYear(), lang);
      expect(view.costed.budget.financialYears.map((fy) => fy.positionPence)).toEqual([566_542, -64_625]);
      const at = rows.findIndex((r) => r.label === heading);
      const cell = ws.getCell(`A${at + 2}`);
      expect(cell.text, lang).toBe(words);
      // The same cell the headline's position for that year reads (the By financial year table's), so an
      // edit that moves the position moves the words, and one that ends the overspend empties the row.
      const fyPosition = rows.find((r) => r.label.endsWith(lang === 'en' ? 'April 2027 – March 2028' : 'Ebrill 2027 – Mawrth 2028'))!.cell;
      const position = (fyPosition.value as ExcelJS.CellFormulaValue).formula;
      expect(position).toMatch(/^D\d+$/);
      expect(ws.getCell(position).numFmt).toContain('[Red]-');
      expect(Math.round(Number((ws.getCell(position).value as ExcelJS.CellFormulaValue).result) * 100)).toBe(-64_625);
      const formula = (cell.value as ExcelJS.CellFormulaValue).formula;
      expect(formula).toBe(`IF(ROUND(${position},2)<0,"${words.slice(0, words.indexOf('£'))}"&"£"&FIXED(-${position},2)&"${words.slice(words.indexOf('£646.25') + 7)}","")`);
      // Then the open checks.
      expect(ws.getCell(`A${at + 3}`).text).toMatch(/^• /);
      expect(ws.getCell(`A${at + 3}`).text).not.toBe(words);
    }
  });

  it('says first, in English and Welsh, when no income has been entered, then each financial year over budget', async () => {
    for (const [lang, heading, noIncome, years] of [
      [
        'en',
        'What needs attention first',
        '• No income entered: Mapio never assumes a budget, so until the school enters the income it has been told of, every pound charged to the ALN budget counts as over budget.',
        ['April 2026 – March 2027', 'April 2027 – March 2028'],
      ],
      [
        'cy',
        'Beth sydd angen sylw gyntaf',
        '• Dim incwm wedi’i nodi: nid yw Mapio byth yn rhagdybio cyllideb, felly nes i’r ysgol nodi’r incwm a ddywedwyd wrthi, mae pob punt a godir ar y gyllideb ADY yn cyfrif dros y gyllideb.',
        ['Ebrill 2026 – Mawrth 2027', 'Ebrill 2027 – Mawrth 2028'],
      ],
    ] as const) {
      const year = demoSchoolYear();
      year.income = [];
      const { view, ws, rows } = await headline(year, lang);
      const at = rows.findIndex((r) => r.label === heading);
      expect(ws.getCell(`A${at + 2}`).text, lang).toBe(noIncome);
      view.costed.budget.financialYears.forEach((fy, i) => {
        expect(fy.positionPence).toBeLessThan(0);
        expect(ws.getCell(`A${at + 3 + i}`).text, lang).toMatch(new RegExp(`^• ${years[i]}: ${formatPounds(-fy.positionPence).replace('.', '\\.')} `));
      });
    }
  });

  it('says nothing of the budget in what needs attention when no year is over budget', async () => {
    const year = demoSchoolYear();
    year.income = year.income.map((line) => ({ ...line, amountPence: line.amountPence * 2 }));
    const { view, ws, rows } = await headline(year);
    expect(view.costed.budget.financialYears.every((fy) => fy.positionPence >= 0)).toBe(true);
    const at = rows.findIndex((r) => r.label === 'What needs attention first');
    const first = ws.getCell(`A${at + 2}`);
    expect(typeof first.value).toBe('string');
    expect(first.text).toMatch(new RegExp(`^• ${createI18n('en').t(checkKeys(view.costed.checks[0]!.code).title)}: `));
  });

  it('reads in Welsh', async () => {
    const { rows } = await headline(demoSchoolYear(), 'cy');
    const texts = rows.map((r) => r.label);
    expect(texts).toContain('Yn gryno');
    expect(texts).toContain('Beth sydd angen sylw gyntaf');
    expect(texts.some((t) => t.startsWith('Sefyllfa’r gyllideb, '))).toBe(true);
  });
});
