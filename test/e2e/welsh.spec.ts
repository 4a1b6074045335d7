/**
 * A Welsh-medium school's ALNCo works in Welsh all day. Switch to Cymraeg and walk every screen,
 * editor and dialog: no English catalogue text may show (the school's own data — its lines, staff and
 * learners — stays as the school typed it). The switch is instant and remembered; backend errors (a file
 * that is not Mapio's, a refused field) reach a Welsh reader in Welsh.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { costSchoolYear } from '../../shared/engine';
import { welshProvision } from '../../shared/engine';
import { englishIn, englishPhrases } from '../../shared/i18n/englishLeftovers';
import { createI18n } from '../../shared/i18n';
import { removeStaffMember } from '../../shared/scenarioLevers';
import { newDataDir, startMapio, type RunningMapio } from './mapio';
import { screenshotPath } from './screenshots';

const demo = demoSchoolYear();
// The server costs the demo as at today; so does the test, for the Welsh-medium panel's figures.
const today = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
const welsh = welshProvision(demo, costSchoolYear(demo, { today }));
/** Hours as the Welsh screens write them: "2 awr", "4 awr 50 mun", "45 mun". */
const hoursCy = (m: number) => (m % 60 === 0 ? `${m / 60} awr` : m < 60 ? `${m} mun` : `${Math.floor(m / 60)} awr ${m % 60} mun`);
const phrases = englishPhrases();
/** Screenshots of every screen only when asked for (MAPIO_SHOTS_DIR=/tmp/cy-shots): there are many. */
const SHOTS = process.env.MAPIO_SHOTS_DIR !== undefined;

/** The school's own words, longest first: taken out of the page before looking for English. */
const schoolData = [
  demo.school.name,
  demo.school.localAuthority,
  demo.school.alpDefinitionSource,
  ...demo.lines.flatMap((l) => [l.name, l.description, l.rationale, l.fundingNote, ...l.nonStaffCosts.map((c) => c.label)]),
  ...demo.staff.map((s) => s.name),
  ...demo.learners.flatMap((l) => [l.name, l.ref]),
  ...demo.income.flatMap((i) => [i.name, i.source]),
  ...demo.otherCosts.map((o) => o.name),
  ...demo.enrolments.flatMap((e) => [e.measureName, e.measureUnit]),
]
  .map((s) => s.replace(/\s+/g, ' ').trim())
  .filter((s) => s.length > 0)
  .sort((a, b) => b.length - a.length);

/** The school's English words where it also gave Welsh: a Welsh reader must see the Welsh instead. */
const englishWhereWelshGiven = [
  demo.school.nameCy ? demo.school.name : '',
  demo.school.alpDefinitionSourceCy ? demo.school.alpDefinitionSource : '',
  ...demo.tiers.map((x) => (x.nameCy ? x.name : '')),
  ...demo.areas.map((x) => (x.nameCy ? x.name : '')),
  ...demo.lines.flatMap((l) => [l.nameCy ? l.name : '', l.descriptionCy ? l.description : '', l.fundingNoteCy ? l.fundingNote : '']),
  ...demo.income.flatMap((i) => [i.nameCy ? i.name : '', i.sourceCy ? i.source : '']),
  ...demo.otherCosts.map((o) => (o.nameCy ? o.name : '')),
  ...demo.enrolments.flatMap((e) => [e.measureNameCy ? e.measureName : '', e.measureUnitCy ? e.measureUnit : '']),
].filter((s) => s.trim().length > 0);

const schoolDataPatterns = schoolData.map(
  (d) =>
    new RegExp(
      d
        .split(' ')
        .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('\\s*'),
      'g',
    ),
);

let mapio: RunningMapio | null = null;
test.afterEach(async () => {
  await mapio?.stop();
  mapio = null;
});

async function expectWelsh(page: Page, what: string) {
  await page.waitForTimeout(50);
  // Chart labels wrap onto several lines (sometimes with no space left between): any space may be none.
  // What a reader meets besides the text: the titles shown on hover and the names a screen reader says.
  const attributes = await page
    .locator('body [title], body [aria-label], body [placeholder]')
    .evaluateAll((els) => els.map((el) => ['title', 'aria-label', 'placeholder'].map((name) => el.getAttribute(name) ?? '').join(' ')));
  let text = `${await page.locator('body').innerText()} ${attributes.join(' ')}`.replace(/\s+/g, ' ');
  expect(
    englishWhereWelshGiven.filter((english) => text.includes(english)),
    `the school's English words on the ${what} in Welsh, where it gave Welsh`,
  ).toEqual([]);
  for (const d of schoolDataPatterns) text = text.replace(d, ' ');
  const found = englishIn(text, phrases).map((p) => `${p.key}: “${p.phrase}”`);
  expect(found, `English on the ${what} in Welsh`).toEqual([]);
  // Dates too: an English month name (the browser's own date formatting) is English on screen.
  expect(
    text.match(/\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b/g) ?? [],
    `English month names on the ${what}`,
  ).toEqual([]);
  if (SHOTS) await page.screenshot({ path: screenshotPath(what.replace(/\W+/g, '-')), fullPage: false });
}

test('an ALNCo works through every screen in Welsh and meets no English', async ({ page }) => {
  test.setTimeout(180_000);
  mapio = await startMapio(newDataDir());
  await page.goto(mapio.url);
  await expect(page.getByTestId('school-name')).toHaveText(demo.school.name, { timeout: 30_000 }); // first launch builds the demo school: a busy machine can take longer than the default wait
  await expect(page.getByRole('heading', { name: 'Provision map', level: 1 })).toBeVisible();

  // The switch works at once, without a restart.
  await page.locator('.lang-select select').selectOption('cy');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.getByRole('heading', { name: 'Map darpariaeth', level: 1 })).toBeVisible();
  await expect(page.getByTestId('tier-alp')).toContainText('DDY');
  await expect(page.getByRole('group', { name: 'Maes angen' }).or(page.getByLabel('Maes angen')).first()).toBeVisible();
  await expectWelsh(page, 'provision map');

  // The line editor, the enrol picker and the delete confirmation.
  await page.getByRole('button', { name: 'Golygu Ffoneg dal i fyny (Blwyddyn 2)' }).click();
  const editor = page.getByTestId('line-editor');
  await expect(editor).toBeVisible();
  await expect(editor.getByRole('checkbox', { name: 'Gwybyddiaeth a dysgu' })).toBeVisible();
  await expectWelsh(page, 'line editor');
  // An edit, and Undo's title names it in Welsh (the history holds the step, the window its words).
  const minutes = page.getByTestId('line-minutes');
  await minutes.fill(String(Number(await minutes.inputValue()) + 5));
  await minutes.press('Tab');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', 'Dadwneud: Golygu llinell');
  await expectWelsh(page, 'line editor after an edit');
  await page.getByTestId('enrol-learners').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectWelsh(page, 'enrol picker');
  await page.keyboard.press('Escape');
  await page.getByTestId('delete-line').click();
  await expect(page.getByRole('dialog')).toContainText('Dileu “Ffoneg dal i fyny (Blwyddyn 2)”?');
  await expectWelsh(page, 'delete confirmation');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Cau’r golygydd' }).click();

  // Learners, the learner form, a learner's page.
  await page.getByTestId('nav-learners').click();
  await expect(page.getByTestId('learners-table')).toBeVisible();
  await expectWelsh(page, 'learners');
  await page.getByTestId('add-learner').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectWelsh(page, 'learner form');
  // A reference another learner already has: the backend refuses it, and says so beside the field in Welsh,
  // as a sentence.
  const form = page.getByRole('dialog');
  const taken = demo.learners[0];
  if (!taken) throw new Error('the demo has no learners');
  await form.getByLabel('Cyfeirnod (UPN neu rif yn y system MIS)').fill(taken.ref);
  await form.getByLabel('Enw', { exact: true }).fill('Gwenllian Prys');
  await form.getByTestId('save-learner').click();
  await expect(form.locator('.field', { has: page.getByLabel('Cyfeirnod (UPN neu rif yn y system MIS)') }).locator('.field-message')).toHaveText(
    '⚠ Mae dysgwr arall yn defnyddio’r cyfeirnod hwn eisoes.',
  );
  await expectWelsh(page, 'learner form refused');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Osian Pritchard' }).click();
  await expect(page.getByRole('heading', { name: 'Map darpariaeth Osian Pritchard' })).toBeVisible();
  await expectWelsh(page, 'learner page');

  // Staff and the staff editor.
  await page.getByTestId('nav-staff').click();
  await expectWelsh(page, 'staff');
  await page.getByRole('button', { name: 'Nia Williams' }).click();
  await expect(page.getByTestId('staff-editor')).toBeVisible();
  await expectWelsh(page, 'staff editor');

  // Budget and its forms.
  await page.getByTestId('nav-budget').click();
  await expect(page.getByRole('heading', { name: 'Cyllideb', level: 1 })).toBeVisible();
  await expectWelsh(page, 'budget');
  // The ALP table counts lines only (other costs are neither ALP nor not ALP), and says so, so its rows
  // adding up to less than the other tables' is not read as a mistake.
  await expect(page.locator('#bd-alp')).toHaveText('DDY neu nid DDY (llinellau ymyrraeth)');
  await page.getByTestId('add-income').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectWelsh(page, 'income form');
  await page.keyboard.press('Escape');

  // The dashboard, its charts, and each chart as a table — the Welsh-medium ALP panel among them.
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('chart-welsh')).toContainText(createI18n('cy').t('welshProvision.title', { count: welsh.learnersRequiringWelshAlp }));
  await expectWelsh(page, 'dashboard');
  const cards = page.locator('section.chart-card');
  const cardCount = await cards.count();
  expect(cardCount).toBeGreaterThanOrEqual(6);
  for (let i = 0; i < cardCount; i++) await cards.nth(i).getByRole('button', { name: 'Dangos fel tabl' }).click();
  await expect(page.getByTestId('chart-welsh-table')).toContainText('DDY a gafwyd yn Gymraeg');
  const welshTable = page.getByTestId('chart-welsh-table');
  await expect(welshTable.getByRole('row', { name: /DDY a nodir yn eu CDUau/ })).toContainText(hoursCy(welsh.idpAlpMinutesPerWeek));
  await expect(welshTable.getByRole('row', { name: /DDY a gafwyd yn Gymraeg/ })).toContainText(hoursCy(welsh.alpMinutesPerWeek.welsh));
  await expect(welshTable.getByRole('row', { name: /Staff sy’n siarad Cymraeg: dan gontract/ })).toContainText(hoursCy(welsh.welshStaffContractedMinutesPerWeek));
  await expectWelsh(page, 'dashboard as tables');

  // The checks screen with its messages.
  await page.getByTestId('nav-checks').click();
  await expect(page.getByRole('heading', { name: 'Gwiriadau', level: 1 })).toBeVisible();
  await expect(page.getByText('DDY cyfrwng Cymraeg a ddarperir yn Saesneg yn unig').first()).toBeVisible();
  await expectWelsh(page, 'checks');

  // Any other screen in the navigation (scenarios, the authority workspace, …).
  const walked = new Set(['map', 'learners', 'staff', 'budget', 'dashboard', 'checks']);
  for (const id of await page.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''))) {
    const screen = id.replace(/^nav-/, '');
    if (walked.has(screen)) continue;
    await page.getByTestId(id).click();
    // A screen first opened loads its code, with "Llwytho…" in its place: look at the screen, not at that.
    await expect(page.getByTestId('loading')).toHaveCount(0);
    await expect(page.locator('main h1, [role="main"] h1').first()).toBeVisible();
    await expectWelsh(page, `${screen} screen`);
  }

  // The file menu and a path dialog.
  await page.getByRole('button', { name: 'Dewislen Ffeil' }).click();
  await expect(page.getByRole('button', { name: 'Agor…' })).toBeVisible();
  await expectWelsh(page, 'file menu');
  await page.getByRole('button', { name: 'Agor…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expectWelsh(page, 'path dialog');

  // Opening a file that is not a Mapio file: the reason arrives in Welsh, naming the file.
  const notes = path.join(mapio.dataDir, 'nodiadau.mapio');
  fs.writeFileSync(notes, 'Nid cronfa ddata yw hon.\n'.repeat(200));
  await dialog.getByLabel('Llwybr y ffeil').fill(notes);
  await dialog.getByRole('button', { name: 'Agor', exact: true }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('Methu agor y ffeil honno.');
  await expect(alert).toContainText('“nodiadau.mapio”');
  await expect(alert).toContainText('Mae’r ffeil oedd gennych ar agor yn dal ar agor.');
  if (await dialog.isVisible()) await page.keyboard.press('Escape');
  await expectWelsh(page, 'file open refused');

  // An export's file is named in Welsh: the school's Welsh name and the document's Welsh word.
  await page.getByRole('button', { name: 'Dewislen Ffeil' }).click();
  await page.getByRole('button', { name: 'Allforio ar gyfer y llywodraethwyr…' }).click();
  const exportDialog = page.getByTestId('export-governors');
  await expect(exportDialog.getByTestId('export-governors-path')).toHaveValue(new RegExp(`${demo.school.nameCy.replace(/[()]/g, '\\$&')} llywodraethwyr \\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
  await expectWelsh(page, 'export dialog');
  await page.keyboard.press('Escape');

  // Remembered: a reload comes back in Welsh; and English is one choice away, at once.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.getByRole('heading', { name: 'Map darpariaeth', level: 1 })).toBeVisible();
  await page.locator('.lang-select select').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Provision map', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('Cymraeg survives a restart: a new Mapio on the same data folder opens in Welsh, with Welsh dates', async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = newDataDir();
  mapio = await startMapio(dataDir);
  await page.goto(mapio.url);
  await expect(page.getByTestId('school-name')).toHaveText(demo.school.name, { timeout: 30_000 }); // first launch builds the demo school: a busy machine can take longer than the default wait
  const saved = page.waitForResponse((r) => r.url().includes('/api/settings.setLanguage') && r.ok());
  await page.locator('.lang-select select').selectOption('cy');
  await saved;
  await expect(page.getByRole('heading', { name: 'Map darpariaeth', level: 1 })).toBeVisible();

  // Stop Mapio and start a new one on the same data folder: a new port is a new origin, so the browser's
  // own storage has nothing to say; the language comes from Mapio's settings.
  // Nor is English shown first: the first render waits for app.info's language and its catalogue.
  const firstOrigin = new URL(mapio.url).origin;
  await mapio.stop();
  mapio = await startMapio(dataDir);
  expect(new URL(mapio.url).origin).not.toBe(firstOrigin);
  await page.addInitScript(() => {
    const shown: string[] = [];
    (window as unknown as { languageLabelsShown: string[] }).languageLabelsShown = shown;
    new MutationObserver(() => {
      const label = document.querySelector('.lang-select span')?.textContent;
      if (label && !shown.includes(label)) shown.push(label);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.goto(mapio.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.getByRole('heading', { name: 'Map darpariaeth', level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { languageLabelsShown: string[] }).languageLabelsShown)).toEqual(['Iaith']);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Map darpariaeth', level: 1 })).toBeVisible();

  // The backups' dates, with Welsh weekdays and months (Chromium's own cy-GB formatting prints English ones).
  await page.getByRole('button', { name: 'Dewislen Ffeil' }).click();
  await page.getByTestId('menu-restore-backup').click();
  const backups = page.getByTestId('backups-table');
  await expect(backups).toBeVisible();
  const welshDay = '(Sul|Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn)';
  const welshMonth = '(Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr)';
  await expect(backups.getByRole('row').nth(1).locator('time')).toHaveText(new RegExp(`^Dydd ${welshDay} \\d{1,2} ${welshMonth} \\d{4} am \\d{2}:\\d{2}$`));
  await expectWelsh(page, 'restore from a backup');
  await page.keyboard.press('Escape');

  // A scenario's "last changed", and the confirmation before a staff member is removed from it.
  await page.getByTestId('nav-scenarios').click();
  await page.getByTestId('scenario-name').fill('Dau CA yn llai');
  await page.getByTestId('create-scenario').click();
  const row = page.getByTestId('scenario-row-Dau CA yn llai');
  await expect(row.locator('time')).toHaveText(/^\d{1,2} (Ion|Chwef|Maw|Ebr|Mai|Meh|Gorff|Awst|Medi|Hyd|Tach|Rhag) \d{4}, \d{2}:\d{2}$/);
  await expectWelsh(page, 'scenarios list');
  await row.getByRole('button', { name: /Gweithio ar y senario hwn/ }).click();
  await expect(page.getByTestId('scenario-banner')).toBeVisible();
  const nia = demo.staff.find((p) => p.name === 'Nia Williams');
  if (!nia) throw new Error('the demo has no Nia Williams');
  expect(removeStaffMember(demo, nia.id).linesLosingDeliverer.map((l) => l.nowUnstaffed)).toEqual([true]);
  await page.getByTestId('lever-staff').selectOption({ label: 'Nia Williams' });
  await page.getByRole('button', { name: 'Tynnu o’r senario hwn' }).click();
  const confirm = page.getByRole('dialog', { name: 'Tynnu Nia Williams o “Dau CA yn llai”?' });
  await expect(confirm).toContainText('Bydd 1 llinell yn y senario hwn yn colli Nia Williams fel ei darparwr. Nid oes neb arall yn ei darparu.');
  await expect(confirm).toContainText('nid yw cynllun yr ysgol yn cael ei gyffwrdd');
  await expectWelsh(page, 'remove a staff member confirmation');
  await confirm.getByRole('button', { name: 'Canslo' }).click();
  await expect(confirm).toBeHidden();
});

test('the walk would catch English: the English interface is full of it', async ({ page }) => {
  mapio = await startMapio(newDataDir());
  await page.goto(mapio.url);
  await expect(page.getByTestId('school-name')).toHaveText(demo.school.name, { timeout: 30_000 }); // first launch builds the demo school: a busy machine can take longer than the default wait
  let text = await page.locator('body').innerText();
  for (const d of schoolData) text = text.replaceAll(d, ' ');
  expect(englishIn(text, phrases).length).toBeGreaterThan(10);
});

/** Column headings that are cut short (text wider than its cell) or outside the window. */
async function cutHeadings(page: Page, headers: string): Promise<string[]> {
  return page.locator(headers).evaluateAll((cells) =>
    cells
      .filter((c) => {
        const box = c.getBoundingClientRect();
        return c.scrollWidth > c.clientWidth + 1 || box.right > window.innerWidth || box.width === 0;
      })
      .map((c) => c.textContent ?? ''),
  );
}

test('at 1366 × 768 in Cymraeg the map’s impact table, the learners list, a learner’s provision and the staff table show every column heading whole', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  mapio = await startMapio(newDataDir());
  await page.goto(mapio.url);
  await page.locator('.lang-select select').selectOption('cy');
  // Below the map, its impact table: "Wedi gwneud y cynnydd disgwyliedig" on one line pushed the cost per unit out of sight.
  const impact = page.getByTestId('map-impact');
  await expect(impact.locator('thead th')).toHaveCount(7);
  expect(await cutHeadings(page, '[data-testid="map-impact"] thead th')).toEqual([]);
  expect(await impact.locator('.table-wrap').evaluate((w) => w.scrollWidth - w.clientWidth)).toBeLessThanOrEqual(0);
  await page.getByTestId('nav-learners').click();
  await expect(page.getByTestId('learners-table').getByRole('columnheader')).toHaveCount(9);
  expect(await cutHeadings(page, '[data-testid="learners-table"] [role="columnheader"]')).toEqual([]);
  // Year groups read whole too ("Blwyddyn 10" in a secondary)
  expect(await cutHeadings(page, '[data-testid="learners-table"] .vgrid-body [role="cell"]:nth-child(3)')).toEqual([]);
  // A reference as the MIS gives it, a 13-character UPN, reads whole in the list.
  await page.getByTestId('add-learner').click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Cyfeirnod (UPN neu rif yn y system MIS)').fill('A801234567890');
  await form.getByLabel('Enw', { exact: true }).fill('Gwenllian Prys');
  await form.getByTestId('save-learner').click();
  await expect(form).toBeHidden();
  await page.getByTestId('nav-learners').click();
  await page.getByLabel('Chwilio yn ôl enw neu gyfeirnod').fill('A801234567890');
  await expect(page.getByTestId('learners-table').locator('.vgrid-body [role="row"]')).toHaveCount(1);
  expect(await cutHeadings(page, '[data-testid="learners-table"] .vgrid-body [role="cell"]:nth-child(1)')).toEqual([]);
  expect(
    await page
      .getByTestId('learners-table')
      .locator('.vgrid-scroll')
      .evaluate((g) => g.scrollWidth - g.clientWidth),
  ).toBeLessThanOrEqual(0);
  await page.getByLabel('Chwilio yn ôl enw neu gyfeirnod').fill('');
  // A learner's provision, measures and all, fits without scrolling sideways to its Remove buttons.
  await page.getByRole('button', { name: 'Osian Pritchard' }).click();
  const provision = page.locator('.learner-enrolments');
  await expect(provision.getByRole('button', { name: /^Tynnu o “/ })).toHaveCount(3);
  expect(await cutHeadings(page, '.learner-enrolments thead th')).toEqual([]);
  // Its time column shows hours and minutes ("1 awr 30 mun"), so its heading says time, not minutes.
  await expect(provision.getByRole('columnheader', { name: 'Amser yr wythnos' }).first()).toBeVisible();
  // The learner's summary keeps a card's space above the box below it (the checks for this learner).
  expect(await page.locator('.learner-page dl.kv').evaluate((summary) => summary.nextElementSibling!.getBoundingClientRect().top - summary.getBoundingClientRect().bottom)).toBeGreaterThanOrEqual(8);
  expect(await provision.evaluateAll((tables) => tables.map((t) => t.parentElement!.scrollWidth - t.parentElement!.clientWidth))).toEqual([0]);
  await page.getByTestId('nav-staff').click();
  await expect(page.locator('.staff-table thead th')).toHaveCount(8);
  expect(await cutHeadings(page, '.staff-table thead th')).toEqual([]);
  if (SHOTS) await page.screenshot({ path: screenshotPath('staff-1366') });
});

/**
 * The choices of the select boxes inside `panel` that would be cut short when chosen (wider than the box):
 * each box shows every one of its options in turn, as if chosen, and is put back as it was.
 */
async function cutChoices(panel: Locator): Promise<string[]> {
  return panel.locator('select').evaluateAll((selects) =>
    (selects as HTMLSelectElement[]).flatMap((select) => {
      const chosen = select.selectedIndex;
      const cut = [...select.options].flatMap((option, i) => {
        select.selectedIndex = i;
        return select.scrollWidth > select.clientWidth ? [`${select.labels[0]?.textContent ?? '?'}: “${option.text}” (${select.scrollWidth} px in ${select.clientWidth} px)`] : [];
      });
      select.selectedIndex = chosen;
      return cut;
    }),
  );
}

for (const lang of ['en', 'cy'] as const) {
  test(`at 1366 × 768 ${lang === 'cy' ? 'in Cymraeg' : 'in English'} the line editor shows every choice of its select boxes whole, does not scroll sideways, and the map beside it still fits`, async ({
    page,
  }) => {
    const { t } = createI18n(lang);
    await page.setViewportSize({ width: 1366, height: 768 });
    mapio = await startMapio(newDataDir());
    await page.goto(mapio.url);
    await expect(page.getByTestId('school-name')).toHaveText(demo.school.name, { timeout: 30_000 });
    if (lang === 'cy') await page.locator('.lang-select select').selectOption('cy');
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    // A line the ALNCo, Rhian Morgan, delivers to the whole school; a catch-up group with its learners enrolled.
    for (const name of ['Zones of Regulation, all classes', 'Catch-up phonics (Year 2)']) {
      const line = demo.lines.find((l) => l.name === name)!;
      await page.getByRole('button', { name: t('map.selectLine', { name: lang === 'cy' ? line.nameCy : line.name }), exact: true }).click();
      const editor = page.getByTestId('line-editor');
      await expect(editor.getByLabel(t('line.name'), { exact: true })).toHaveValue(name);
      await expect(editor.getByLabel(t('line.staffMember'), { exact: true })).toHaveCount(1);
      await expect(editor.getByLabel(t('line.fundingSource'), { exact: true }).locator('option')).toHaveCount(5);
      expect(await cutChoices(editor), `cut short in the editor of ${name}`).toEqual([]);
      const body = editor.locator('.editor-body');
      expect(await body.evaluate((b) => b.scrollWidth - b.clientWidth), `the editor of ${name} scrolled sideways by`).toBeLessThanOrEqual(0);
      // The impact panel's figures ("£10.07 fesul uned (mis)") stay inside the panel's border.
      const figures = editor.getByTestId('line-impact').locator('[data-testid="impact-measure"] dd');
      if (name === 'Catch-up phonics (Year 2)') await expect(figures.first()).toBeVisible(); // its learners have entry and exit measures
      expect(
        await figures.evaluateAll((dds) =>
          dds.filter((d) => d.scrollWidth > d.clientWidth + 1 || d.getBoundingClientRect().right > d.closest('section')!.getBoundingClientRect().right).map((d) => d.textContent ?? ''),
        ),
        `figures running past the impact panel in the editor of ${name}`,
      ).toEqual([]);
      // Beside it, every tier's table of the map still fits without a sideways scroll.
      for (const tier of demo.tiers) {
        const wrap = page.getByTestId(`tier-${tier.id}`).locator('.table-wrap');
        await expect(wrap).toHaveCount(1);
        expect(await wrap.evaluate((w) => w.scrollWidth - w.clientWidth), `the map's ${tier.name} table scrolled sideways by`).toBeLessThanOrEqual(0);
      }
      const shot = `line-editor-1366-${lang}-${line.id}`;
      await editor.getByLabel(t('line.staffMember'), { exact: true }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(shot) });
      await body.evaluate((b) => b.scrollBy(0, b.scrollHeight));
      await page.screenshot({ path: screenshotPath(`${shot}-end`) });
    }
  });
}

test('in Cymraeg the hourly-cost calculator refuses a salary too large in the same Welsh words as the hourly cost beside it, each naming its own range', async ({ page }) => {
  const { t } = createI18n('cy');
  const tooLarge = 'Mae “2000000000” yn rhy fawr: teipiwch swm rhwng £0 a £1,000,000,000.';
  expect(t('errors.moneyProblem.tooLarge', { typed: '2000000000', max: '£1,000,000,000' })).toBe(tooLarge);
  mapio = await startMapio(newDataDir());
  await page.goto(mapio.url);
  await expect(page.getByTestId('school-name')).toHaveText(demo.school.name, { timeout: 30_000 });
  await page.locator('.lang-select select').selectOption('cy');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await page.getByTestId('nav-staff').click();
  await page.getByTestId('add-staff').click();
  const form = page.getByRole('dialog', { name: t('staff.addStaff') });
  const calculator = form.getByTestId('hourly-calculator');
  const salary = calculator.getByLabel(t('staff.calculator.salary'));
  await salary.fill('2000000000');
  await calculator.getByLabel(t('staff.calculator.onCost')).fill('28.5');
  await calculator.getByLabel(t('staff.calculator.hoursPerWeek')).fill('32.5');
  await expect(salary).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`[id="${await salary.getAttribute('aria-describedby')}"]`)).toHaveText(tooLarge);
  await expect(calculator.getByRole('button', { name: t('staff.calculator.use') })).toBeDisabled();
  // The hourly cost typed in the same form is refused by the same rule, in the same words, naming its own
  // ceiling in the contract: £1,000 an hour.
  await form.getByTestId('new-staff-name').fill('Siwan Morgan');
  await form.getByTestId('new-staff-hourly').fill('2000000000');
  await form.getByTestId('save-new-staff').click();
  await expect(form.locator('.field-message', { hasText: tooLarge })).toHaveCount(1);
  await expect(form.locator('.field-message', { hasText: 'Mae “2000000000” yn rhy fawr: teipiwch swm rhwng £0 a £1,000.' })).toHaveCount(1);
  // A salary that reads is taken, and the hourly figure worked out from it.
  await salary.fill('16,770');
  await expect(salary).not.toHaveAttribute('aria-invalid', 'true');
  await expect(calculator.getByTestId('calculator-result')).toContainText('£17.18');
});

test('in Cymraeg a new line is given its Welsh name in the form that adds it, as income and other costs are: the map shows it and it is not listed as lacking Welsh', async ({ page }) => {
  const { t } = createI18n('cy');
  mapio = await startMapio(newDataDir());
  await page.goto(mapio.url);
  await expect(page.getByTestId('school-name')).toHaveText(demo.school.name, { timeout: 30_000 });
  await page.locator('.lang-select select').selectOption('cy');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await page.getByTestId('add-line').click();
  const form = page.getByRole('dialog', { name: t('map.addLine') });
  await form.getByTestId('new-line-name').fill('Lego therapy');
  await expect(form.getByLabel(t('line.nameCy'), { exact: true })).toBeVisible();
  await form.getByLabel(t('line.nameCy'), { exact: true }).fill('Therapi Lego');
  await form.getByTestId('save-new-line').click();
  await expect(form).toBeHidden();
  await page.getByRole('button', { name: t('map.selectLine', { name: 'Therapi Lego' }), exact: true }).click();
  await expect(page.getByTestId('line-name')).toHaveValue('Lego therapy');
  await expect(page.getByTestId('line-name-cy')).toHaveValue('Therapi Lego');
  // The list of names still without Welsh (open) does not name it.
  await page.getByTestId('nav-school').click();
  await page.getByTestId('school-tab-details').click();
  const completeness = page.getByTestId('welsh-completeness');
  if ((await completeness.locator('summary').count()) > 0) await completeness.locator('summary').click();
  await expect(completeness).toBeVisible();
  await expect(completeness).not.toContainText('Lego therapy');
});

test('at 1366 × 768 in Cymraeg a learner’s summary keeps its labels readable beside a long decision due: none squeezed to a word a line', async ({ page }) => {
  const { t } = createI18n('cy');
  await page.setViewportSize({ width: 1366, height: 768 });
  mapio = await startMapio(newDataDir());
  await page.goto(mapio.url);
  await expect(page.getByTestId('school-name')).toHaveText(demo.school.name, { timeout: 30_000 });
  await page.locator('.lang-select select').selectOption('cy');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await page.getByTestId('nav-learners').click();
  await page.getByRole('button', { name: 'Seren Morris', exact: true }).click();
  await expect(page.getByTestId('learner-decision')).toBeVisible();
  const summary = page.locator('dl.kv', { has: page.getByTestId('learner-decision') });
  const referred = summary.locator('dt', { hasText: t('learners.field.referredOn') });
  await expect(referred).toBeVisible();
  // Each label is at most two lines high, and as wide as its longest word at least.
  for (const dt of await summary.locator('dt').all()) {
    // The text's own height (the grid stretches the label's box to its row).
    const lines = await dt.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return Math.round(range.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight));
    });
    expect(lines, `“${await dt.innerText()}” is squeezed`).toBeLessThanOrEqual(2);
  }
});
