import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchPageHtml, writeLaunchPage } from './launchPage';

const url = 'http://127.0.0.1:5183/?secret=Zx9_-abc';
let parent: string;

beforeEach(() => {
  parent = mkdtempSync(path.join(tmpdir(), 'mapio-launch-test-'));
});
afterEach(() => rmSync(parent, { recursive: true, force: true }));

describe('writeLaunchPage: the one-time page that hands the secret to the browser', () => {
  it('writes the page into a fresh folder only this user may enter, readable only by this user', () => {
    const page = writeLaunchPage(url, parent);
    expect(path.dirname(page.path)).toBe(page.folder);
    expect(path.dirname(page.folder)).toBe(parent);
    expect(page.path).not.toContain('secret');
    expect(page.path).not.toContain('Zx9_-abc');
    if (process.platform !== 'win32') {
      expect(statSync(page.folder).mode & 0o777).toBe(0o700);
      expect(statSync(page.path).mode & 0o777).toBe(0o600);
    }
    expect(readFileSync(page.path, 'utf8')).toBe(launchPageHtml(url));
  });

  it('makes a new folder each launch, and removing it (twice) deletes the file and the folder', () => {
    const first = writeLaunchPage(url, parent);
    const second = writeLaunchPage(url, parent);
    expect(second.folder).not.toBe(first.folder);
    first.remove();
    first.remove();
    expect(existsSync(first.path)).toBe(false);
    expect(existsSync(first.folder)).toBe(false);
    expect(existsSync(second.path)).toBe(true);
    second.remove();
    expect(existsSync(second.folder)).toBe(false);
  });

  it('throws when it cannot make its private folder (serve.ts then prints the address to the terminal)', () => {
    expect(() => writeLaunchPage(url, path.join(parent, 'no-such-folder'))).toThrow();
  });
});

describe('launchPageHtml', () => {
  it('sends the browser straight on to the address by script and by meta refresh, with a link as a last resort', () => {
    const html = launchPageHtml(url);
    expect(html).toContain(`location.replace("${url}")`);
    expect(html).toContain(`<meta http-equiv="refresh" content="0;url=${url}">`);
    expect(html).toContain(`<a href="${url}">`);
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
  });

  it('escapes what could break out of the attribute or the script', () => {
    const html = launchPageHtml('http://127.0.0.1:1/?a="x"&b=</script><script>alert(1)</script>');
    expect(html).not.toContain('</script><script>alert(1)');
    expect(html).toContain('&quot;x&quot;&amp;b=&lt;/script&gt;');
    expect(html).toContain('\\u003c/script>');
  });
});
