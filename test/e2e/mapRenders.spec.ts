/**
 * What an edit renders again, read from React's own commits through the hook React DevTools uses
 * (`__REACT_DEVTOOLS_GLOBAL_HOOK__`, installed before the app's code loads): an element rendered again is
 * given new props, and one in a part React skipped keeps them. A part rendered again with the same figures
 * shows the same text, so the DOM alone could not tell.
 * - On the map, an edit to one line renders again only that line's row and its tier's table, not the other
 *   rows or tiers (docs/performance.md, "Round 2 (the first round's misses)" and "Round 3: an edit answers
 *   with what changed"): at the Tab (the window's prediction), at the save's answer (a patch), and at Undo.
 * - A save's answer equal to the window's prediction renders none of the figures on screen again: not the
 *   totals bar, not the map, not the line's editor (shared/api/predictedView.ts `settle` keeps the
 *   prediction's year and figures, and those parts show only them).
 */
import { expect, test, type Page } from '@playwright/test';
import { commitPhonicsMinutes, demo, openPhonicsEditor, phonics, totalWith } from './demoPhonics';
import { holdNextCall } from './heldCall';
import { newDataDir, startMapio, type RunningMapio } from './mapio';

let mapio: RunningMapio | null = null;
test.afterEach(async () => {
  await mapio?.stop();
  mapio = null;
});

interface Renders {
  /** The `data-testid`s of the elements rendered again since the last `reset`. */
  rendered: string[];
  /** The `data-testid`s of every element in React's tree at the last commit. */
  seen: string[];
  reset(): void;
}

/** Before the app loads: record, at each of React's commits, which elements with a test id were rendered again. */
async function watchRenders(page: Page): Promise<void> {
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
      seen: [] as string[],
      reset() {
        rendered.clear();
        state.rendered = [];
      },
    };
    const onCommit = (root: { current: Fiber }) => {
      const seen: string[] = [];
      const stack: Fiber[] = [root.current];
      while (stack.length > 0) {
        const fiber = stack.pop()!;
        const testId = typeof fiber.type === 'string' ? fiber.memoizedProps?.['data-testid'] : undefined;
        if (typeof testId === 'string') {
          seen.push(testId);
          const before = lastProps.get(testId);
          if (before !== undefined && before !== fiber.memoizedProps) rendered.add(testId);
          lastProps.set(testId, fiber.memoizedProps);
        }
        if (fiber.sibling) stack.push(fiber.sibling);
        if (fiber.child) stack.push(fiber.child);
      }
      state.seen = seen;
      state.rendered = [...rendered].sort();
    };
    (window as unknown as { renders: typeof state }).renders = state;
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

const renders = (page: Page) => page.evaluate(() => (window as unknown as { renders: Renders }).renders);
const resetRenders = (page: Page) => page.evaluate(() => (window as unknown as { renders: Renders }).renders.reset());

const rowIds = demo.lines.map((l) => `line-row-${l.id}`);
const tierIds = demo.tiers.map((t) => `tier-${t.id}`);
/** The map's rows and tiers among the elements rendered again. */
const rowsAndTiers = (rendered: string[]) => rendered.filter((id) => rowIds.includes(id) || tierIds.includes(id));

test('an edit to one line renders again only its row and its tier on the map: at the Tab, at the answer, and at Undo', async ({ page }) => {
  mapio = await startMapio(newDataDir());
  await watchRenders(page);
  await openPhonicsEditor(page, mapio.url);
  await expect(page.locator('.map-main')).toHaveAttribute('data-every-row', 'true');
  // The walk finds every row and tier: a change to React's tree or to the test ids would fail here, not pass.
  expect((await renders(page)).seen).toEqual(expect.arrayContaining([...rowIds, ...tierIds]));
  const onlyPhonics = [`line-row-${phonics.id}`, `tier-${phonics.tierId}`].sort();

  await resetRenders(page);
  await commitPhonicsMinutes(page, 45);
  await expect(page.locator('.save-state')).toHaveText('All changes saved');
  expect(rowsAndTiers((await renders(page)).rendered)).toEqual(onlyPhonics);

  await resetRenders(page);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('total-cost')).toHaveText(totalWith({}));
  await expect(page.locator('.save-state')).toHaveText('All changes saved');
  expect(rowsAndTiers((await renders(page)).rendered)).toEqual(onlyPhonics);
});

test('a save’s answer equal to the window’s prediction renders none of the figures on screen again', async ({ page }) => {
  mapio = await startMapio(newDataDir());
  await watchRenders(page);
  await openPhonicsEditor(page, mapio.url);
  // The totals bar, the phonics row and its tier, and the editor with its minutes and its figures.
  const figures = ['totals', 'total-cost', `line-row-${phonics.id}`, `line-cost-${phonics.id}`, `tier-${phonics.tierId}`, 'line-editor', 'line-minutes', 'editor-line-cost'];
  expect((await renders(page)).seen).toEqual(expect.arrayContaining(figures));

  const release = await holdNextCall(page, 'lines.update');
  await resetRenders(page);
  await commitPhonicsMinutes(page, 45);
  await expect(page.locator('.save-state')).toHaveText('Saving…');
  // The prediction rendered them all again: its figures are new.
  expect((await renders(page)).rendered).toEqual(expect.arrayContaining(['total-cost', `line-row-${phonics.id}`, 'editor-line-cost']));

  await resetRenders(page);
  release();
  await expect(page.locator('.save-state')).toHaveText('All changes saved');
  await expect(page.getByTestId('undo')).toBeEnabled();
  const atAnswer = (await renders(page)).rendered;
  expect(atAnswer).toContain('undo');
  expect(atAnswer.filter((id) => figures.includes(id))).toEqual([]);
  await expect(page.getByTestId('total-cost')).toHaveText(totalWith({ minutesPerSession: 45 }));
});
