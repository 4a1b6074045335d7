/**
 * The door's memory of the last view it sent, so that once a client has asked for changes as patches
 * (`app.info` with `answerChangesAsPatches`) an answer carrying a view sends only what changed since then
 * (shared/api/yearPatch.ts): a one-number edit answers with a few kilobytes, not the whole costed year.
 *
 * Every view sent gets a version (this door's own prefix and a count, so a restarted data process never
 * repeats one); a patch names the version it starts from, and a client holding another view fetches the
 * whole year instead. Whole views are sent to a client that has not asked, for answers that are views
 * themselves (`year.get`, `file.open`), when no view was sent before, and when the patch would be large
 * (a new file, an undo across much of the year).
 */
import { randomBytes } from 'node:crypto';
import { diffValues, isYearView, type PatchedAnswer, type YearView } from '../shared/api/contract';

/** A patch longer than this (as JSON) is sent as the whole view instead. */
export const WHOLE_VIEW_ABOVE_CHARS = 200_000;

export class PatchedAnswers {
  private following = false;
  private readonly prefix = randomBytes(4).toString('hex');
  private count = 0;
  private last: { version: string; view: YearView } | null = null;

  /** The client rebuilds views from patches: answer with patches from now on. */
  follow(): void {
    this.following = true;
  }

  /** The answer as it goes through the door: unchanged, a view with its version, or a patch in place of its view. */
  answer(value: unknown): unknown {
    if (!this.following) return value;
    if (isYearView(value)) return this.whole(value);
    if (typeof value !== 'object' || value === null || !('view' in value) || !isYearView(value.view)) return value;
    const { view, ...rest } = value as { view: YearView };
    const last = this.last;
    if (!last) return { ...rest, view: this.whole(view) };
    const changes = diffValues(last.view, view);
    if (changes && JSON.stringify(changes).length > WHOLE_VIEW_ABOVE_CHARS) return { ...rest, view: this.whole(view) };
    const to = this.remember(view);
    const patched: PatchedAnswer<{ view: YearView }> = { ...rest, patch: { from: last.version, to, changes } };
    return patched;
  }

  private whole(view: YearView): YearView {
    return { ...view, version: this.remember(view) };
  }

  private remember(view: YearView): string {
    const version = `${this.prefix}-${++this.count}`;
    this.last = { version, view };
    return version;
  }
}
