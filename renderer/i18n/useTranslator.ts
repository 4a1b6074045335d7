/**
 * react-i18next's `useTranslation`, given the same options object on every render. Called bare it takes a
 * new `{}` each time, and so builds its options and its store reader again and schedules an effect to
 * follow the new reader, in every component on every render: on an edit, a visible part of the renderer's
 * time (docs/performance.md). The same `t` and `i18n`, following the language in the same way.
 */
import { useTranslation } from 'react-i18next';

const SAME_OPTIONS = {};

export function useTranslator() {
  return useTranslation(undefined, SAME_OPTIONS);
}
