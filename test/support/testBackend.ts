/**
 * Test support: a school file in a fresh temporary folder with a backend (backend/backend.ts) over it, as a
 * test of the door needs: the mode it runs in, the day it takes as today, and which school it starts with.
 * `close()` disposes the backend and removes the folder; call it from afterEach so it runs when a test fails.
 */
import fs from 'node:fs';
import nodePath from 'node:path';
import { createBackend, DEMO_FILE_NAME, type BackendOptions, type TypedBackend } from '../../backend/backend';
import { SchoolFile } from '../../db/schoolFile';
import type { SchoolYear } from '../../shared/domain';
import { testFolder } from './testFolder';

/** The school file a test starts with, by its name in the folder. */
export type TestSchool =
  /** The demo school, created through `file.create` and left open. */
  | { name: string; template: 'demo' }
  /** This year, written straight to the file and left closed, for the test to open (or not). */
  | { name: string; year: SchoolYear };

export interface TestBackendOptions {
  mode: BackendOptions['mode'];
  /** The day the backend takes as today (YYYY-MM-DD); left out, the computer's clock. */
  today?: string;
  /** Left out: none but what the backend makes as it starts: in the apps' modes (not the command line's), the demo school of a first launch, in the data folder. */
  school?: TestSchool;
  /** The backend's data folder (settings, the first launch's demo school), as a folder inside the temp folder; left out, the temp folder itself. */
  dataSubfolder?: string;
}

export interface TestBackend {
  /** The temp folder, removed by `close()`. */
  readonly dir: string;
  /** The school file: the one named in the options, else where a first launch makes the demo school. */
  readonly schoolPath: string;
  /** The backend running now (a new one after `relaunch()`). */
  readonly backend: TypedBackend;
  /** Dispose the backend and start another over the same data folder, as the app's next launch; returns the new one. */
  relaunch(): TypedBackend;
  /** Dispose the backend and remove the folder. */
  close(): void;
}

export function createTestBackend(options: TestBackendOptions): TestBackend {
  const dir = testFolder();
  const dataDir = options.dataSubfolder === undefined ? dir : nodePath.join(dir, options.dataSubfolder);
  const { mode, today, school } = options;
  const schoolPath = school ? nodePath.join(dir, school.name) : nodePath.join(dataDir, DEMO_FILE_NAME);
  const start = () => createBackend({ mode, dataDir, ...(today === undefined ? {} : { today: () => today }) });
  let backend: TypedBackend | null = null;
  const close = () => {
    try {
      backend?.dispose();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    if (school && 'year' in school) SchoolFile.create(schoolPath, school.year).close();
    backend = start();
    if (school && 'template' in school) backend.invoke('file.create', { path: schoolPath, template: school.template });
  } catch (error) {
    close();
    throw error;
  }
  let running: TypedBackend = backend;
  return {
    dir,
    schoolPath,
    get backend() {
      return running;
    },
    relaunch() {
      running.dispose();
      backend = running = start();
      return running;
    },
    close,
  };
}
