import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { APP_START_URL, appFileOnDisk, isAllowedNavigation, isAllowedRequest, isTrustedSender, resolveAppFile } from './appUrl';

const root = path.resolve('/opt/mapio/dist/renderer');

describe('navigation rules for the desktop window', () => {
  it('allows the app’s own pages and nothing else', () => {
    expect(isAllowedNavigation(APP_START_URL)).toBe(true);
    expect(isAllowedNavigation('app://mapio/index.html#/learners')).toBe(true);
    for (const url of ['https://example.com/', 'http://127.0.0.1:5173/', 'file:///etc/passwd', 'app://evil/index.html', 'app://user:pw@mapio/index.html', 'javascript:alert(1)', 'not a url', '']) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });

  it('lets through only app requests, data URLs and the app’s own blobs; DevTools only when asked', () => {
    expect(isAllowedRequest('app://mapio/assets/index.js', { devTools: false })).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', { devTools: false })).toBe(true);
    expect(isAllowedRequest('blob:app://mapio/3f1c', { devTools: false })).toBe(true);
    expect(isAllowedRequest('blob:https://evil.example/3f1c', { devTools: false })).toBe(false);
    expect(isAllowedRequest('https://fonts.googleapis.com/css', { devTools: false })).toBe(false);
    expect(isAllowedRequest('http://localhost:5183/api/app.info', { devTools: false })).toBe(false);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', { devTools: false })).toBe(false);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', { devTools: true })).toBe(true);
  });

  it('trusts IPC only from a frame showing the app', () => {
    expect(isTrustedSender('app://mapio/index.html')).toBe(true);
    expect(isTrustedSender('https://example.com/')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('resolveAppFile: app:// to a file in the renderer folder', () => {
  it('maps pages and assets into the folder', () => {
    expect(resolveAppFile('app://mapio/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile('app://mapio/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile('app://mapio/assets/index-abc.js?v=1', root)).toBe(path.join(root, 'assets', 'index-abc.js'));
  });

  it('refuses other hosts and every traversal form', () => {
    expect(resolveAppFile('app://other/index.html', root)).toBeNull();
    expect(resolveAppFile('https://mapio/index.html', root)).toBeNull();
    for (const p of ['%2e%2e/%2e%2e/package.json', '..%2f..%2fpackage.json', 'assets/%2e%2e%2f%2e%2e%2fpackage.json', '%5c..%5cpackage.json', '%00index.html', 'C:%5cWindows']) {
      expect(resolveAppFile(`app://mapio/${p}`, root), p).toBeNull();
    }
  });
});

describe('appFileOnDisk: no symbolic link leads out of the renderer folder', () => {
  it('serves real files and links that stay inside, and refuses links that lead outside or nowhere', async () => {
    const parent = realpathSync(mkdtempSync(path.join(tmpdir(), 'mapio-app-url-')));
    try {
      const renderer = path.join(parent, 'renderer');
      mkdirSync(path.join(renderer, 'assets'), { recursive: true });
      writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Mapio</title>');
      writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log("mapio")');
      writeFileSync(path.join(parent, 'secret.txt'), 'learner data outside the app folder');
      mkdirSync(path.join(parent, 'elsewhere'));
      writeFileSync(path.join(parent, 'elsewhere', 'page.html'), 'outside');
      symlinkSync(path.join(parent, 'secret.txt'), path.join(renderer, 'assets', 'leak.txt'));
      symlinkSync(path.join(parent, 'elsewhere'), path.join(renderer, 'linked-folder'));
      symlinkSync(path.join(renderer, 'assets', 'app.js'), path.join(renderer, 'assets', 'alias.js'));
      symlinkSync(path.join(parent, 'missing.txt'), path.join(renderer, 'dangling.txt'));

      expect(await appFileOnDisk('app://mapio/', renderer)).toBe(path.join(renderer, 'index.html'));
      expect(await appFileOnDisk('app://mapio/assets/app.js', renderer)).toBe(path.join(renderer, 'assets', 'app.js'));
      expect(await appFileOnDisk('app://mapio/assets/alias.js', renderer)).toBe(path.join(renderer, 'assets', 'app.js'));
      expect(await appFileOnDisk('app://mapio/assets/leak.txt', renderer)).toBeNull();
      expect(await appFileOnDisk('app://mapio/linked-folder/page.html', renderer)).toBeNull();
      expect(await appFileOnDisk('app://mapio/dangling.txt', renderer)).toBeNull();
      expect(await appFileOnDisk('app://mapio/no-such-file.js', renderer)).toBeNull();
      expect(await appFileOnDisk('app://mapio/%2e%2e/secret.txt', renderer)).toBeNull();
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
