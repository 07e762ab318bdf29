// The search page's preloads (scripts/search/preloads.ts), written into the built page in place of
// its marker from the index's own entry file.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { PRELOAD_MARKER, searchPreloads, writeSearchPreloads } from '../../scripts/search/preloads.ts';

let dir: string;
function site(entry: object, page: string, core: object = {}): string {
  dir = mkdtempSync(path.join(tmpdir(), 'preloads-'));
  mkdirSync(path.join(dir, 'search', 'exact'), { recursive: true });
  writeFileSync(path.join(dir, 'search', 'exact', 'pagefind-entry.json'), JSON.stringify(entry));
  writeFileSync(path.join(dir, 'search', 'exact', 'core.json'), JSON.stringify(core));
  writeFileSync(path.join(dir, 'search', 'index.html'), page);
  return dir;
}
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ENTRY = { version: '1.6.0', languages: { und: { hash: 'und_abc123', wasm: null, page_count: 3 } } };

describe('search page preloads', () => {
  test('name the module, the engine, the notice table and the index files by their built names, under the base path', () => {
    const root = site(ENTRY, '');
    expect(searchPreloads(path.join(root, 'search', 'exact'), '/gazette/')).toBe(
      [
        '<link rel="modulepreload" href="/gazette/search-api.js">',
        '<link rel="modulepreload" href="/gazette/search/exact/pagefind.js">',
        '<link rel="preload" as="fetch" crossorigin="anonymous" href="/gazette/search/exact/core.json">',
        '<link rel="preload" as="fetch" crossorigin="anonymous" href="/gazette/search/exact/pagefind-entry.json?ts=und_abc123">',
        '<link rel="preload" as="fetch" crossorigin="anonymous" href="/gazette/search/exact/pagefind.und_abc123.pf_meta">',
        '<link rel="preload" as="fetch" crossorigin="anonymous" href="/gazette/search/exact/wasm.unknown.pagefind">',
      ].join(''),
    );
  });

  test('an index in parts: each extra part’s entry, with its tag, and its metadata too', () => {
    const root = site(ENTRY, '', { parts: [{ path: 'part-2/', tag: 'und_def456' }, { path: 'part-3/', tag: 'und_789abc' }] });
    const links = searchPreloads(path.join(root, 'search', 'exact'), '/');
    expect(links.endsWith(
      [
        '<link rel="preload" as="fetch" crossorigin="anonymous" href="/search/exact/wasm.unknown.pagefind">',
        '<link rel="preload" as="fetch" crossorigin="anonymous" href="/search/exact/part-2/pagefind-entry.json?ts=und_def456">',
        '<link rel="preload" as="fetch" crossorigin="anonymous" href="/search/exact/part-2/pagefind.und_def456.pf_meta">',
        '<link rel="preload" as="fetch" crossorigin="anonymous" href="/search/exact/part-3/pagefind-entry.json?ts=und_789abc">',
        '<link rel="preload" as="fetch" crossorigin="anonymous" href="/search/exact/part-3/pagefind.und_789abc.pf_meta">',
      ].join(''),
    )).toBe(true);
  });

  test('replace the marker of the built page, and only it', () => {
    const root = site(ENTRY, `<head><title>检索</title>${PRELOAD_MARKER}<link rel="stylesheet" href="/a.css"></head>`);
    writeSearchPreloads(root, '/');
    const html = readFileSync(path.join(root, 'search', 'index.html'), 'utf8');
    expect(html).not.toContain('search-preloads');
    expect(html).toMatch(/^<head><title>检索<\/title><link rel="modulepreload" href="\/search-api.js">.*<link rel="stylesheet" href="\/a.css"><\/head>$/);
  });

  test('run again over a built page, it leaves the preloads as they are', () => {
    const root = site(ENTRY, `<head>${PRELOAD_MARKER}</head>`);
    writeSearchPreloads(root, '/');
    const once = readFileSync(path.join(root, 'search', 'index.html'), 'utf8');
    writeSearchPreloads(root, '/');
    expect(readFileSync(path.join(root, 'search', 'index.html'), 'utf8')).toBe(once);
    // …but preloads of another index are no marker: still an error.
    writeFileSync(path.join(root, 'search', 'exact', 'pagefind-entry.json'), JSON.stringify({ languages: { und: { hash: 'und_other', wasm: null } } }));
    expect(() => writeSearchPreloads(root, '/')).toThrow(/found 0/);
  });

  test('a page without the marker, or with two, is an error naming the page', () => {
    site(ENTRY, '<head></head>');
    expect(() => writeSearchPreloads(dir, '/')).toThrow(/search\/index\.html should hold the marker <meta name="search-preloads" content=""> once, found 0/);
    rmSync(dir, { recursive: true, force: true });
    site(ENTRY, PRELOAD_MARKER + PRELOAD_MARKER);
    expect(() => writeSearchPreloads(dir, '/')).toThrow(/once, found 2/);
  });

  test('an index of several languages is refused (the search page reads one)', () => {
    const root = site({ languages: { und: { hash: 'a', wasm: null }, zh: { hash: 'b', wasm: 'zh' } } }, PRELOAD_MARKER);
    expect(() => writeSearchPreloads(root, '/')).toThrow(/expected one Pagefind language/);
  });
});
