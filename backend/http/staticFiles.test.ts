import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS, contentTypeFor, resolveStaticPath } from './staticFiles';

const root = path.resolve('/srv/mapio/dist/renderer');

describe('resolveStaticPath', () => {
  it('maps / and folders to index.html and assets to their files', () => {
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/?secret=abc')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/')).toBe(path.join(root, 'assets', 'index.html'));
    expect(resolveStaticPath(root, '/assets/index-Bx1.js')).toBe(path.join(root, 'assets', 'index-Bx1.js'));
    expect(resolveStaticPath(root, '/fonts/Open%20Sans.woff2')).toBe(path.join(root, 'fonts', 'Open Sans.woff2'));
  });

  it('refuses anything that could leave the folder or is malformed', () => {
    for (const p of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/../../x',
      '/a/%2E%2E/%2e%2e/x',
      '/..%2fx',
      '/%5c..%5cx',
      '/a\\b',
      '//etc/passwd',
      '/%00',
      '/C:/Windows/win.ini',
      '/%E0%A4%A',
      'relative',
      '/./index.html',
    ]) {
      expect(resolveStaticPath(root, p), p).toBeNull();
    }
  });
});

describe('contentTypeFor', () => {
  it('names the types the renderer build produces, and falls back to bytes', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('logo.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('f.woff2')).toBe('font/woff2');
    expect(contentTypeFor('school.mapio')).toBe('application/octet-stream');
  });
});

describe('the Content Security Policy', () => {
  it('allows only the app itself: no remote scripts, no plugins, no framing, no base or form hijack', () => {
    for (const directive of ["default-src 'self'", "script-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"]) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive);
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:/);
  });

  it('is sent with framing refused twice over, and without an opener policy that would cost a window a second renderer process', () => {
    expect(STATIC_SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(STATIC_SECURITY_HEADERS['X-Frame-Options']).toBe('DENY');
    expect(Object.keys(STATIC_SECURITY_HEADERS).map((h) => h.toLowerCase())).not.toContain('cross-origin-opener-policy');
  });
});
