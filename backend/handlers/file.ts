/** Files: create (demo or empty), open, save as, close; and what the app knows about itself. */
import path from 'node:path';
import { SchoolFile } from '../../db/schoolFile';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { emptySchoolYear } from '../../shared/schoolDefaults';
import { rollForward } from '../../shared/rollForward';
import { withMapioExtension } from '../../shared/mapioFileName';
import type { AppInfo } from '../../shared/api/contract';
import type { HandlerContext, HandlerMap } from './types';

const appInfo = ({ session, mode, version }: HandlerContext): AppInfo => ({
  version,
  mode,
  file: session.fileInfo(),
  recentFiles: session.settings.get().recentFiles,
  language: session.settings.get().language,
});

export const fileHandlers: HandlerMap<'app.info' | 'settings.setLanguage' | 'file.create' | 'file.open' | 'file.saveAs' | 'file.close' | 'file.rollForward' | 'year.get'> = {
  'app.info': (_input, ctx) => appInfo(ctx),

  'settings.setLanguage': ({ language }, ctx) => {
    ctx.session.settings.setLanguage(language);
    return appInfo(ctx);
  },

  'file.create': ({ path: target, template }, { session }) => {
    const year = template === 'demo' ? demoSchoolYear() : emptySchoolYear();
    const created = SchoolFile.create(path.resolve(withMapioExtension(target)), year);
    session.adopt(created);
    return session.view();
  },

  'file.open': ({ path: target }, { session }) => {
    const opened = SchoolFile.open(path.resolve(target));
    session.adopt(opened);
    return session.view();
  },

  'file.saveAs': ({ path: target }, { session }) => {
    session.leaveScenario(); // Save As copies the school file, scenarios included
    const copy = session.requireBaseline().saveAs(path.resolve(withMapioExtension(target)));
    session.adopt(copy);
    return session.view();
  },

  'file.close': (_input, ctx) => {
    ctx.session.close();
    return appInfo(ctx);
  },

  'file.rollForward': ({ path: target }, { session }) => {
    const { year, leavers, endedIncome } = rollForward(session.requireBaseline().readYear());
    const next = SchoolFile.create(path.resolve(withMapioExtension(target)), year);
    session.adopt(next);
    return { view: session.view(), leaverRefs: leavers.map((l) => l.ref), endedIncome: endedIncome.map((i) => i.name) };
  },

  'year.get': ({ asAtWeek }, { session }) => session.view(asAtWeek),
};
