// The Content-Security-Policy every built page carries (astro.config.mjs `security.csp`,
// src/integrations/csp.ts), read from dist/: the policy itself, that it comes before anything it
// governs, and that no page needs what it refuses — an inline script,
// an inline handler, a style element or attribute, a script or style from another host.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, test } from 'vitest';
import { dist } from './build.ts';

let pages: { path: string; tree: Root }[];

beforeAll(() => {
  if (!existsSync(join(dist, 'api/notices.json'))) throw new Error('dist/ is missing: run `npm run build` before `npm test`');
  pages = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((path) => ({ path, tree: fromHtml(readFileSync(join(dist, path), 'utf8')) }));
});

/** A page's policy as directive → sources, from its one CSP <meta>. */
function policy(tree: Root): Map<string, string[]> {
  const metas = selectAll('meta[http-equiv]', tree).filter((m) => String(m.properties.httpEquiv).toLowerCase() === 'content-security-policy');
  expect(metas).toHaveLength(1);
  const out = new Map<string, string[]>();
  for (const part of String(metas[0]!.properties.content).split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name, sources);
  }
  return out;
}

const isHash = (source: string) => /^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(source);

describe('Content-Security-Policy', () => {
  test('every page carries the policy: only this site, WebAssembly for the search, nothing inline but listed hashes', () => {
    for (const { path, tree } of pages) {
      const p = policy(tree);
      expect(Object.fromEntries([...p].map(([k, v]) => [k, v.filter((s) => !isHash(s))])), path).toEqual({
        'default-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'script-src': ["'self'", "'wasm-unsafe-eval'"],
        'style-src': ["'self'"],
      });
    }
  });

  test('comes before any script or stylesheet in <head>', () => {
    for (const { path, tree } of pages) {
      const head = selectAll('head > *', tree).map((e) => e.tagName === 'meta' && e.properties.httpEquiv ? 'csp' : e.tagName === 'script' || e.tagName === 'style' || (e.tagName === 'link' && String(e.properties.rel) === 'stylesheet') ? 'active' : 'other');
      expect(head.indexOf('csp'), path).toBeGreaterThanOrEqual(0);
      const firstActive = head.indexOf('active');
      if (firstActive >= 0) expect(head.indexOf('csp'), path).toBeLessThan(firstActive);
    }
  });

  test('no page has an inline handler, a javascript: URL, a style element or attribute, or a script or stylesheet from another host', () => {
    const found: string[] = [];
    for (const { path, tree } of pages) {
      visit(tree, 'element', (e: Element) => {
        for (const [name, value] of Object.entries(e.properties)) {
          if (/^on/i.test(name)) found.push(`${path}: <${e.tagName} ${name}>`);
          if (name === 'style') found.push(`${path}: <${e.tagName} style="${value}">`);
          if ((name === 'href' || name === 'src' || name === 'action') && /^\s*javascript:/i.test(String(value))) found.push(`${path}: <${e.tagName} ${name}="${value}">`);
          if ((name === 'src' || (name === 'href' && e.tagName === 'link')) && /^(https?:)?\/\//i.test(String(value))) found.push(`${path}: <${e.tagName} ${name}="${value}"> from another host`);
        }
        if (e.tagName === 'style') found.push(`${path}: <style>`);
      });
    }
    expect(found).toEqual([]);
  });

  // Scripts belong in files (the search page's too: src/scripts/search-page.js).
  test('no page has an inline script', () => {
    const inline = pages.flatMap(({ path, tree }) => selectAll('script:not([src])', tree).map(() => path));
    expect(inline).toEqual([]);
  });
});
