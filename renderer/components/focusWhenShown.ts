/**
 * Focuses the element `selector` finds as soon as it is on the page: a screen loads when it is first
 * opened, so the element may not exist yet when navigation starts. Gives up after two seconds.
 */
export function focusWhenShown(selector: string, until = Date.now() + 2_000): void {
  const el = document.querySelector<HTMLElement>(selector);
  if (el) {
    el.focus();
    return;
  }
  if (Date.now() < until) requestAnimationFrame(() => focusWhenShown(selector, until));
}
