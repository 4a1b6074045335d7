/**
 * The installers' hardening lives in electron-builder.yml (docs/packaging.md): every Electron fuse Mapio
 * relies on must be present and set the safe way, and no signing secret may be written into the file.
 * Read with js-yaml, the parser electron-builder itself uses (installed with it).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { load } = require('js-yaml') as { load(text: string): unknown };
const text = readFileSync(path.join(process.cwd(), 'electron-builder.yml'), 'utf8');
const config = load(text) as {
  electronFuses?: Record<string, unknown>;
  win?: { signtoolOptions?: Record<string, unknown> };
  mac?: { notarize?: unknown; hardenedRuntime?: unknown };
};

describe('electron-builder.yml: Electron fuses', () => {
  it('is a configuration electron-builder accepts (its own schema check, so a misspelt key fails here)', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration(config: unknown, log: unknown): Promise<void> };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(load(text), new DebugLogger(false))).resolves.toBeUndefined();
  });

  const expected: Record<string, boolean> = {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
  };
  for (const [fuse, value] of Object.entries(expected)) {
    it(`sets ${fuse} to ${value}`, () => {
      expect(config.electronFuses?.[fuse]).toBe(value);
    });
  }
});

describe('electron-builder.yml: signing', () => {
  it('signs Windows builds with SHA-256 and a timestamp, and notarises macOS builds when the environment allows', () => {
    expect(config.win?.signtoolOptions?.signingHashAlgorithms).toEqual(['sha256']);
    expect(config.win?.signtoolOptions?.rfc3161TimeStampServer).toMatch(/^https?:\/\//);
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.notarize).toBe(true);
  });

  it('holds no certificate, password or key: those come from the environment', () => {
    for (const key of ['certificateFile', 'certificatePassword', 'cscLink', 'cscKeyPassword', 'appleIdPassword', 'appleApiKey']) {
      expect(text).not.toContain(`${key}:`);
    }
    expect(text).not.toMatch(/\.(pfx|p12|p8)\b/);
  });
});
