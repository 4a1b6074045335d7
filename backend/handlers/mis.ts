/** Learners from the school's MIS (CSV or .xlsx): preview, then import on confirmation. See backend/mis/. */
import { importMisLearners, previewMisImport } from '../mis/misImport';
import type { HandlerMap } from './types';

export const misHandlers: HandlerMap<'mis.preview' | 'mis.import'> = {
  'mis.preview': ({ fileName, contentBase64, mapping }, { session }) => previewMisImport(session, fileName, contentBase64, mapping),
  'mis.import': ({ fileName, contentBase64, mapping }, { session }) => importMisLearners(session, fileName, contentBase64, mapping),
};
