/**
 * Hold back the answer to the next call of one operation, as a slow laptop or a long import would, until
 * the walk lets it go: what a person can do meanwhile is what the walk then checks.
 */
import type { Page } from '@playwright/test';

/** Hold the next `/api/<operation>` call's request until the returned function is called. */
export async function holdNextCall(page: Page, operation: string): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    `**/api/${operation}`,
    async (route) => {
      await held;
      await route.continue();
    },
    { times: 1 },
  );
  return release;
}
