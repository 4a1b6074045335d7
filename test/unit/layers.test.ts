/**
 * The walls between layers hold: the linter refuses an import across a wall, and each layer's tsconfig
 * refuses the platform it must not use. Each case also lints or compiles the allowed form, so a rule that
 * stopped matching anything would fail here rather than pass silently.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the linter refuses imports across a layer wall', () => {
  const cases: Array<{ file: string; wrong: string; right: string; says: RegExp }> = [
    {
      file: 'renderer/screens/scratch.tsx',
      wrong: "import { SchoolFile } from '../../db/schoolFile';",
      right: "import { formatPounds } from '../../shared/money';",
      says: /only through the API contract/,
    },
    { file: 'renderer/scratch.ts', wrong: "import { createBackend } from '../backend/backend';", right: "import { useMapio } from './state/store';", says: /only through the API contract/ },
    { file: 'renderer/screens/scratch.ts', wrong: "import { api } from '../api/client';", right: "import { queuedCall } from '../state/callQueue';", says: /one queue/ },
    { file: 'renderer/scratch.ts', wrong: "import fs from 'node:fs';", right: "import { useState } from 'react';", says: /no Node built-ins/ },
    { file: 'shared/engine/scratch.ts', wrong: "import { SchoolFile } from '../../db/schoolFile';", right: "import { formatPounds } from '../money';", says: /shared\/ imports only shared\// },
    { file: 'shared/scratch.ts', wrong: "import { useMapio } from '../renderer/state/store';", right: "import { z } from 'zod';", says: /shared\/ imports only shared\// },
    { file: 'shared/scratch.ts', wrong: "import path from 'node:path';", right: "import { PHASES } from './domain';", says: /no Node built-ins/ },
    { file: 'shared/scratch.ts', wrong: "import Database from 'better-sqlite3';", right: "import i18next from 'i18next';", says: /shared\/ is pure/ },
    { file: 'electron/scratch.ts', wrong: "import { useMapio } from '../renderer/state/store';", right: "import { createBackend } from '../backend/backend';", says: /IPC types live in shared\/api/ },
    { file: 'db/scratch.ts', wrong: "import { createBackend } from '../backend/backend';", right: "import { PHASES } from '../shared/domain';", says: /bottom layer/ },
    {
      file: 'backend/scratch.ts',
      wrong: "import { useMapio } from '../renderer/state/store';",
      right: "import { SchoolFile } from '../db/schoolFile';",
      says: /never imports electron\/ or renderer\//,
    },
    { file: 'backend/scratch.ts', wrong: "import { costSchoolYear } from '../shared/engine/costSchoolYear';", right: "import { costSchoolYear } from '../shared/engine';", says: /public surface/ },
    { file: 'renderer/scratch.ts', wrong: "import { OTHER_COSTS_KEY } from '../shared/engine/totals';", right: "import { OTHER_COSTS_KEY } from '../shared/engine';", says: /public surface/ },
    { file: 'backend/scratch.ts', wrong: "import { testSchoolYear } from '../test/support/testSchoolYear';", right: "import { SchoolFile } from '../db/schoolFile';", says: /test support/ },
  ];
  for (const c of cases) {
    it(`${c.file}: ${c.wrong}`, async () => {
      const wrong = await restrictedImports(c.file, `${c.wrong}\nexport const used = [${importedName(c.wrong)}];\n`);
      expect(wrong).toHaveLength(1);
      expect(wrong[0]).toMatch(c.says);
      expect(await restrictedImports(c.file, `${c.right}\nexport const used = [${importedName(c.right)}];\n`)).toEqual([]);
    });
  }

  it('tests may import test support and any layer', async () => {
    expect(await restrictedImports('db/scratch.test.ts', "import { testSchoolYear } from '../test/support/testSchoolYear';\nexport const used = testSchoolYear;\n")).toEqual([]);
  });
});

describe('the linter keeps exceljs out of the data process until a spreadsheet is written or read', () => {
  async function exceljsRefusals(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
    return (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
  }
  const value = "import ExcelJS from 'exceljs';\nexport const used = new ExcelJS.Workbook();\n";

  it('refuses importing exceljs itself in backend/, and allows its types', async () => {
    const refused = await exceljsRefusals('backend/exports/scratch.ts', value);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatch(/excelLibrary\.ts/);
    expect(await exceljsRefusals('backend/exports/scratch.ts', "import type ExcelJS from 'exceljs';\nexport type Used = ExcelJS.Workbook;\n")).toEqual([]);
  });

  it('allows it in the one module that loads it, and in tests', async () => {
    expect(await exceljsRefusals('backend/exports/excelLibrary.ts', value)).toEqual([]);
    expect(await exceljsRefusals('backend/exports/scratch.test.ts', value)).toEqual([]);
  });
});

function importedName(statement: string): string {
  const match = /import (?:\{ )?(\w+)/.exec(statement);
  return match?.[1] ?? 'undefined';
}

describe("each layer's tsconfig refuses the platform it must not use", () => {
  const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
  /** Compile one scratch file under a layer's settings; the compiler's output, or '' when it compiles. */
  function compile(layerConfig: string, source: string): string {
    // Inside the repository (test-results/ is ignored by git) so that types resolve from its node_modules.
    fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
    const dir = fs.mkdtempSync(path.join(root, 'test-results', 'layer-'));
    try {
      fs.writeFileSync(path.join(dir, 'scratch.ts'), source);
      fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ extends: path.join(root, layerConfig), include: [], files: [path.join(dir, 'scratch.ts')] }));
      execFileSync(tsc, ['-p', path.join(dir, 'tsconfig.json')], { encoding: 'utf8' });
      return '';
    } catch (error) {
      return String((error as { stdout?: string }).stdout ?? error);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  it('shared/ compiles with neither DOM nor Node', () => {
    expect(compile('tsconfig.shared.json', 'export const title = document.title;\n')).toMatch(/Cannot find name 'document'/);
    expect(compile('tsconfig.shared.json', 'export const pid = process.pid;\n')).toMatch(/Cannot find name 'process'/);
    expect(compile('tsconfig.shared.json', 'export const n = [1, 2].at(-1);\n')).toBe('');
  });

  it('renderer/ compiles with DOM and without Node', () => {
    expect(compile('tsconfig.renderer.json', "import fs from 'node:fs';\nexport const x = fs;\n")).toMatch(/Cannot find module 'node:fs'/);
    expect(compile('tsconfig.renderer.json', 'export const title = document.title;\n')).toBe('');
  });

  it('db/, backend/ and electron/ compile with Node and without DOM', () => {
    expect(compile('tsconfig.node.json', 'export const title = document.title;\n')).toMatch(/Cannot find name 'document'/);
    expect(compile('tsconfig.node.json', "import fs from 'node:fs';\nexport const x = fs.existsSync;\n")).toBe('');
  });
});
