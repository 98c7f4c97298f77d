import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { containedFile, mimeTypeFor, resolveAppRequest } from '../../main/host/electron-policy/protocol-path';

const root = '/opt/ringup/out/renderer';
const get = (url: string, method = 'GET') => resolveAppRequest(root, url, method, path.posix);

describe('resolveAppRequest', () => {
  it('serves index.html for the root and files under the renderer folder', () => {
    expect(get('app://ringup/')).toEqual({ ok: true, file: `${root}/index.html` });
    expect(get('app://ringup/index.html')).toEqual({ ok: true, file: `${root}/index.html` });
    expect(get('app://ringup/assets/index-abc.js')).toEqual({ ok: true, file: `${root}/assets/index-abc.js` });
    expect(get('app://ringup/index.html?v=1#/sale')).toEqual({ ok: true, file: `${root}/index.html` });
    expect(get('app://ringup/fonts/%E4%B8%AD.woff2')).toEqual({ ok: true, file: `${root}/fonts/中.woff2` });
  });

  // The URL parser resolves these dot segments (even %2e%2e) before we see the path, so they
  // can only ever land inside the root; what matters is that nothing escapes it.
  it.each([
    ['plain traversal', 'app://ringup/../../../etc/passwd', '/etc/passwd'],
    ['traversal inside a folder', 'app://ringup/assets/../../package.json', '/package.json'],
    ['encoded dots', 'app://ringup/%2e%2e/%2e%2e/etc/passwd', '/etc/passwd'],
    ['mixed-case encoded dots', 'app://ringup/%2E%2e/secret', '/secret'],
    ['an encoded dot segment', 'app://ringup/assets/%2e/index.js', '/assets/index.js'],
    ['an encoded absolute path', 'app://ringup/%2fetc%2fpasswd', '/etc/passwd'],
  ])('keeps %s inside the root', (_what, url, inside) => {
    expect(get(url)).toEqual({ ok: true, file: `${root}${inside}` });
  });

  // These survive URL parsing and only become dangerous once decoded: refused outright.
  it.each([
    ['an encoded slash', 'app://ringup/..%2f..%2fetc%2fpasswd'],
    ['an encoded slash after a folder', 'app://ringup/assets%2f..%2f..%2fpackage.json'],
    ['encoded dots and slash', 'app://ringup/%2e%2e%2f%2e%2e%2fpackage.json'],
    ['an encoded backslash', 'app://ringup/..%5c..%5cwindows%5cwin.ini'],
    ['a drive letter', 'app://ringup/C:/Windows/win.ini'],
    ['an encoded drive letter', 'app://ringup/C%3a%5cWindows%5cwin.ini'],
    ['an NTFS stream', 'app://ringup/index.html::$DATA'],
    ['an encoded NUL', 'app://ringup/index.html%00.png'],
    ['malformed escapes', 'app://ringup/%E0%A4%A'],
  ])('refuses %s', (_what, url) => {
    expect(get(url).ok).toBe(false);
  });

  it('never answers with a file outside the root, whatever the path', () => {
    const pieces = ['..', '%2e%2e', '%2E%2E', '.', '%2e', '%2f', '%5c', '%00', 'a', 'assets', '', '%252e', ':', 'C:', '%3a'];
    for (const a of pieces)
      for (const b of pieces)
        for (const c of pieces) {
          const decision = get(`app://ringup/${a}/${b}${c}/${c}${a}`);
          if (decision.ok) expect(decision.file.startsWith(`${root}/`), decision.file).toBe(true);
        }
  });

  it('does not double-decode (%252e stays a literal file name inside the root)', () => {
    expect(get('app://ringup/%252e%252e/x')).toEqual({ ok: true, file: `${root}/%2e%2e/x` });
  });

  it('refuses other hosts, ports, userinfo and schemes', () => {
    for (const url of [
      'app://ringup.evil/index.html',
      'app://ringup:1/index.html',
      'app://a@ringup/index.html',
      'file:///opt/ringup/out/renderer/index.html',
      'nonsense',
    ]) {
      expect(get(url).ok).toBe(false);
    }
  });

  it('only answers GET and HEAD', () => {
    expect(get('app://ringup/index.html', 'HEAD').ok).toBe(true);
    expect(get('app://ringup/index.html', 'POST')).toEqual({ ok: false, status: 405 });
    expect(get('app://ringup/index.html', 'PUT')).toEqual({ ok: false, status: 405 });
  });
});

describe('containedFile', () => {
  it('refuses absolute paths that would replace the root', () => {
    expect(containedFile(root, '/etc/passwd', path.posix)).toBe(`${root}/etc/passwd`);
    expect(containedFile(root, '//etc/passwd', path.posix)).toBe(`${root}/etc/passwd`);
  });

  it('refuses the root itself, NUL, backslashes and dot segments', () => {
    expect(containedFile(root, '/', path.posix)).toBeNull();
    expect(containedFile(root, '/a\0b', path.posix)).toBeNull();
    expect(containedFile(root, '/a\\..\\b', path.posix)).toBeNull();
    expect(containedFile(root, '/a/../../b', path.posix)).toBeNull();
    expect(containedFile(root, '/./index.html', path.posix)).toBeNull();
  });

  it('contains paths on Windows too', () => {
    const winRoot = 'C:\\Program Files\\Ringup\\resources\\app.asar\\out\\renderer';
    expect(containedFile(winRoot, '/assets/a.js', path.win32)).toBe(`${winRoot}\\assets\\a.js`);
    expect(containedFile(winRoot, '/../../x', path.win32)).toBeNull();
    expect(containedFile(winRoot, '/C:/Windows/win.ini', path.win32)).toBeNull();
    expect(containedFile(winRoot, '/\\\\server\\share', path.win32)).toBeNull();
    expect(resolveAppRequest(winRoot, 'app://ringup/index.html', 'GET', path.win32)).toEqual({ ok: true, file: `${winRoot}\\index.html` });
  });
});

describe('mimeTypeFor', () => {
  it('names the types the renderer needs and falls back to octet-stream', () => {
    expect(mimeTypeFor('/x/index.html', path.posix)).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/x/a.JS', path.posix)).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/x/a.css', path.posix)).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('/x/a.exe', path.posix)).toBe('application/octet-stream');
  });
});
