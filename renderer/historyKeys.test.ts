import { describe, expect, it } from 'vitest';
import { historyStepOf, listenForHistoryKeys, type HistoryStep } from './historyKeys';

const press = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => {
  let prevented = false;
  return {
    key,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
    preventDefault: () => {
      prevented = true;
    },
    get prevented() {
      return prevented;
    },
  };
};

describe('the undo and redo shortcuts', () => {
  it('read Ctrl/Cmd+Z as undo and Ctrl/Cmd+Shift+Z or Ctrl+Y as redo, and nothing else', () => {
    expect(historyStepOf(press('z', { ctrlKey: true }))).toBe('undo');
    expect(historyStepOf(press('z', { metaKey: true }))).toBe('undo');
    expect(historyStepOf(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(historyStepOf(press('y', { ctrlKey: true }))).toBe('redo');
    expect(historyStepOf(press('z'))).toBeNull();
    expect(historyStepOf(press('z', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(historyStepOf(press('x', { ctrlKey: true }))).toBeNull();
  });

  it('take exactly one step per press, from the one listener', () => {
    const listeners: Array<(e: KeyboardEvent) => void> = [];
    const target = {
      addEventListener: (_type: string, fn: (e: KeyboardEvent) => void) => listeners.push(fn),
      removeEventListener: (_type: string, fn: (e: KeyboardEvent) => void) => listeners.splice(listeners.indexOf(fn), 1),
    } as unknown as Window;
    const steps: HistoryStep[] = [];
    const stop = listenForHistoryKeys(target, (step) => steps.push(step));
    expect(listeners).toHaveLength(1);
    const undo = press('z', { ctrlKey: true });
    for (const l of listeners) l(undo as unknown as KeyboardEvent);
    const redo = press('z', { ctrlKey: true, shiftKey: true });
    for (const l of listeners) l(redo as unknown as KeyboardEvent);
    for (const l of listeners) l(press('a', { ctrlKey: true }) as unknown as KeyboardEvent);
    expect(steps).toEqual(['undo', 'redo']);
    expect(undo.prevented).toBe(true);
    stop();
    expect(listeners).toHaveLength(0);
  });
});
