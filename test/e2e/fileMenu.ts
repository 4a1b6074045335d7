/** Open the File menu and choose one of its items, by its English name. */
import type { Page } from '@playwright/test';

export async function fileMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('button', { name: item }).click();
}
