import { describe, expect, it } from 'vitest';
import { inQueue } from './callQueue';

/** A call that settles only when the test says so: stands in for a request on its way to the data process. */
function held<T>(value: T) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { release, work: async () => (await gate, value) };
}

describe('the one queue', () => {
  it('answers a read made after an edit only once that edit has finished, whichever is quicker', async () => {
    const order: string[] = [];
    const edit = held('saved');
    const editDone = inQueue(async () => {
      const r = await edit.work();
      order.push('edit finished');
      return r;
    });
    const readDone = inQueue(async () => {
      order.push('read started');
      return 'view';
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]); // the read waits although it would be instant
    edit.release();
    expect(await readDone).toBe('view');
    expect(await editDone).toBe('saved');
    expect(order).toEqual(['edit finished', 'read started']);
  });

  it('goes on after a call fails, and the failure reaches only its caller', async () => {
    const failed = inQueue(() => Promise.reject(new Error('refused')));
    const next = inQueue(async () => 'still answered');
    await expect(failed).rejects.toThrow('refused');
    expect(await next).toBe('still answered');
  });
});
