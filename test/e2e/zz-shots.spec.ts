import { test } from '@playwright/test';
import { newDataDir, startMapio } from '/work/main/test/e2e/mapio';

test('shots', async ({ page }) => {
  test.setTimeout(180_000);
  const out = process.env.SHOTS_DIR as string;
  const mapio = await startMapio(newDataDir());
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(mapio.url);
  await page.getByTestId('school-name').waitFor();
  await page.getByTestId('nav-map').waitFor();
  const screens = ['map', 'learners', 'staff', 'budget', 'dashboard', 'checks', 'scenarios', 'school'];
  for (const s of screens) {
    const nav = page.getByTestId(`nav-${s}`);
    if (await nav.count()) {
      await nav.click();
      await page.waitForTimeout(600);
      await page.screenshot({ path: `${out}/${s}.png`, fullPage: true });
    }
  }
  await page.getByTestId('nav-map').click();
  await page.getByRole('row').nth(3).click();
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${out}/map-editor.png`, fullPage: true });
  await mapio.stop();
});
