/**
 * An edit to one line renders again only that line's row and its tier's table on the map, not the other
 * rows or tiers (docs/performance.md, "Round 2 (the first round's misses)" and "Round 3: an edit answers
 * with what changed"): at the Tab (the window's prediction), at the save's answer (a patch), and at Undo.
 * Which ones rendered is read from React's own commits, through the hook React DevTools uses
 * (`__REACT_DEVTOOLS_GLOBAL_HOOK__`, installed before the app's code loads): a row or tier that rendered
 * again gives its element new props, and one that was skipped keeps them. A row rendered again with the
 * same figures shows the same text, so the DOM alone could not tell.
 */
import { expect, test, type Page } from '@playwright/test';
import { demo, openPhonicsEditor, phonics, totalWith } from './demoPhonics';
import { newDataDir, startMapio, type RunningMapio } from './mapio';

let mapio: RunningMapio | null = null;
test.afterEach(async () => {
  await mapio?.stop();
  mapio = null;
});

interface MapRenders {
  /** The rows (`line-row-<id>`) and tiers (`tier-<id>`) that rendered again since the last `reset`. */
  rendered: string[];
  /** Rows and tiers found in React's tree at the last commit, so a walk that finds none fails the test. */
  seen: { rows: number; tiers: number };
  reset(): void;
}

/** Before the app loads: record, at each of React's commits, which rows and tiers were rendered again. */
async function watchMapRenders(page: Page): Promise<void> {
  await page.addInitScript(() => {
    interface Fiber {
      type: unknown;
      memoizedProps: Record<string, unknown> | null;
      child: Fiber | null;
      sibling: Fiber | null;
    }
    const lastProps = new Map<string, unknown>();
    const rendered = new Set<string>();
    const state = {
      rendered: [] as string[],
      seen: { rows: 0, tiers: 0 },
      reset() {
        rendered.clear();
        state.rendered = [];
      },
    };
    const onCommit = (root: { current: Fiber }) => {
      const seen = { rows: 0, tiers: 0 };
      const stack: Fiber[] = [root.current];
      while (stack.length > 0) {
        const fiber = stack.pop()!;
        const testId = typeof fiber.type === 'string' ? fiber.memoizedProps?.['data-testid'] : undefined;
        const isRow = fiber.type === 'tr' && typeof testId === 'string' && /^line-row-\d+$/.test(testId);
        const isTier = fiber.type === 'section' && typeof testId === 'string' && testId.startsWith('tier-');
        if (isRow || isTier) {
          if (isRow) seen.rows++;
          else seen.tiers++;
          const before = lastProps.get(testId as string);
          if (before !== undefined && before !== fiber.memoizedProps) rendered.add(testId as string);
          lastProps.set(testId as string, fiber.memoizedProps);
        }
        if (fiber.sibling) stack.push(fiber.sibling);
        if (fiber.child) stack.push(fiber.child);
      }
      state.seen = seen;
      state.rendered = [...rendered].sort();
    };
    (window as unknown as { mapRenders: typeof state }).mapRenders = state;
    (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      isDisabled: false,
      renderers: new Map(),
      inject: () => 1,
      checkDCE: () => undefined,
      onCommitFiberRoot: (_renderer: number, root: { current: Fiber }) => onCommit(root),
      onCommitFiberUnmount: () => undefined,
      onPostCommitFiberRoot: () => undefined,
      onScheduleFiberRoot: () => undefined,
      setStrictMode: () => undefined,
    };
  });
}

const renders = (page: Page) => page.evaluate(() => (window as unknown as { mapRenders: MapRenders }).mapRenders);
const resetRenders = (page: Page) => page.evaluate(() => (window as unknown as { mapRenders: MapRenders }).mapRenders.reset());

test('an edit to one line renders again only its row and its tier on the map: at the Tab, at the answer, and at Undo', async ({ page }) => {
  mapio = await startMapio(newDataDir());
  await watchMapRenders(page);
  await openPhonicsEditor(page, mapio.url);
  await expect(page.locator('.map-main')).toHaveAttribute('data-every-row', 'true');
  const tiers = demo.tiers.length;
  // The walk finds every row and tier: a change to React's tree that hid them would fail here, not pass.
  expect((await renders(page)).seen).toEqual({ rows: demo.lines.length, tiers });
  const onlyPhonics = [`line-row-${phonics.id}`, `tier-${phonics.tierId}`].sort();

  await resetRenders(page);
  const minutes = page.getByTestId('line-minutes');
  await minutes.fill('45');
  await minutes.press('Tab');
  await expect(page.getByTestId('total-cost')).toHaveText(totalWith({ minutesPerSession: 45 }));
  await expect(page.locator('.save-state')).toHaveText('All changes saved');
  expect((await renders(page)).rendered).toEqual(onlyPhonics);

  await resetRenders(page);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('total-cost')).toHaveText(totalWith({}));
  await expect(page.locator('.save-state')).toHaveText('All changes saved');
  expect((await renders(page)).rendered).toEqual(onlyPhonics);
  expect((await renders(page)).seen).toEqual({ rows: demo.lines.length, tiers });
});
