/** Undo and redo of whole edits (each API mutation is one step). */
import type { HandlerMap } from './types';

export const historyHandlers: HandlerMap<'history.undo' | 'history.redo'> = {
  'history.undo': (_input, { session }) => {
    session.require().undo();
    return { view: session.view() };
  },
  'history.redo': (_input, { session }) => {
    session.require().redo();
    return { view: session.view() };
  },
};
