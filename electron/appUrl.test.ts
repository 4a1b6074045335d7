import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { APP_START_URL, isAllowedNavigation, isAllowedRequest, isTrustedSender, resolveAppFile } from './appUrl';

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
