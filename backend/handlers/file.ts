/** Files: create (demo or empty), open, save as, close; and what the app knows about itself. */
import path from 'node:path';
import { SchoolFile } from '../../db/schoolFile';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { emptySchoolYear, newSchoolStartYear } from '../../shared/schoolDefaults';
import { rollForward } from '../../shared/rollForward';
import { withExtension } from '../../shared/fileExtensions';
import type { AppInfo } from '../../shared/api/contract';
import { defaultSchoolFolder, schoolFilePath } from '../schoolFolder';
import type { HandlerContext, HandlerMap } from './types';

const appInfo = ({ session, mode, version }: HandlerContext): AppInfo => ({
  version,
  mode,
  file: session.fileInfo(),
  authorityFileOpen: session.hasAuthorityFile(),
  recentFiles: session.settings.get().recentFiles,
  language: session.settings.get().language,
  schoolFolder: defaultSchoolFolder(),
});

/**
 * The path a new file is written to: what the command line was given, from the folder it runs in; in
 * the app, a bare name or relative path goes into the school folder, never beside the program.
 */
const newFilePath = (typed: string, { mode }: HandlerContext): string =>
  mode === 'cli' ? path.resolve(withExtension(typed, 'school')) : schoolFilePath(withExtension(typed, 'school'), defaultSchoolFolder());

export const fileHandlers: HandlerMap<'app.info' | 'app.stop' | 'settings.setLanguage' | 'file.create' | 'file.open' | 'file.saveAs' | 'file.close' | 'file.rollForward' | 'year.get' | 'year.shares'> =
  {
    'app.info': (_input, ctx) => appInfo(ctx),

    // In one process nothing runs beside this call; the data process's door answers it (backend/host).
    'app.stop': () => ({ stopped: false }),

    'settings.setLanguage': ({ language }, ctx) => {
      ctx.session.settings.setLanguage(language);
      return appInfo(ctx);
    },

    'file.create': ({ path: target, template }, ctx) => {
      const { session } = ctx;
      const year = template === 'demo' ? demoSchoolYear() : emptySchoolYear(newSchoolStartYear(session.todayDate()), session.settings.get().language);
      const created = SchoolFile.create(newFilePath(target, ctx), year);
      session.adopt(created);
      return session.view();
    },

    'file.open': ({ path: target }, { session }) => {
      const opened = SchoolFile.open(path.resolve(target));
      session.adopt(opened);
      return session.view();
    },

    'file.saveAs': ({ path: target }, ctx) => {
      const { session } = ctx;
      session.leaveScenario(); // Save As copies the school file, scenarios included
      const copy = session.requireBaseline().saveAs(newFilePath(target, ctx));
      session.adopt(copy);
      return session.view();
    },

    'file.close': (_input, ctx) => {
      ctx.session.close();
      return appInfo(ctx);
    },

    'file.rollForward': ({ path: target }, ctx) => {
      const { session } = ctx;
      const { year, leavers, endedIncome } = rollForward(session.requireBaseline().readYear());
      const next = SchoolFile.create(newFilePath(target, ctx), year);
      session.adopt(next);
      return { view: session.view(), leaverRefs: leavers.map((l) => l.ref), endedIncome: endedIncome.map(({ name, nameCy }) => ({ name, nameCy })) };
    },

    'year.get': ({ asAtWeek }, { session }) => session.view(asAtWeek),
    'year.shares': (of, { session }) => session.shares(of),
  };
