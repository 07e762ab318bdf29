// `npm run bench:weight`: page weight of the built site in dist/ (builds nothing).
// - a notice page's HTML, CSS and JS excluding its own text (the notice's characters are the
//   content; everything else is the cost of the site around it): target ≤ 30 KB;
// - JavaScript loaded by pages other than search: target ≤ 10 KB.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';

const dist = resolve(process.argv[2] ?? 'dist');
const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('index.html') && !f.startsWith('pagefind'));
const size = (p: string) => statSync(p).size;

/** Local CSS and JS a page loads, as dist paths (each counted once per page). */
function assets(html: string): { css: string[]; js: string[] } {
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
  const js = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  const local = (u: string) => join(dist, u.replace(/^\/(?:[^/]+\/)*?(?=_astro\/|[^/]+\.(?:css|js)$)/, '').replace(/^\//, ''));
  return { css: css.map(local), js: js.map(local) };
}

function inlineScriptBytes(html: string): number {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((s, m) => s + Buffer.byteLength(m[1]), 0);
}

const rows: { page: string; html: number; text: number; css: number; js: number }[] = [];
for (const f of files) {
  const html = readFileSync(join(dist, f), 'utf8');
  const { css, js } = assets(html);
  const tree = fromHtml(html);
  const text = f.startsWith('notices/') ? selectAll('[data-source-text]', tree).reduce((s, el) => s + Buffer.byteLength(toText(el)), 0) : 0;
  rows.push({ page: `/${f.replace(/index\.html$/, '')}`, html: Buffer.byteLength(html), text, css: css.reduce((s, p) => s + size(p), 0), js: js.reduce((s, p) => s + size(p), 0) + inlineScriptBytes(html) });
}

const kb = (n: number) => (n / 1000).toFixed(2);
const notices = rows.filter((r) => r.page.startsWith('/notices/'));
const around = notices.map((r) => ({ ...r, around: r.html - r.text + r.css + r.js })).sort((a, b) => b.around - a.around);
const nonSearchJs = rows.filter((r) => !r.page.startsWith('/search/')).sort((a, b) => b.js - a.js);
console.log(`bench:weight over ${dist}: ${rows.length} pages, ${notices.length} notices (KB = 1000 bytes, uncompressed)`);
console.log('\n| measure | max | median | target | page of the max |\n| --- | ---: | ---: | ---: | --- |');
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
console.log(`| notice page HTML + CSS + JS excluding its text | ${kb(around[0]?.around ?? 0)} | ${kb(median(around.map((r) => r.around)))} | 30 | ${around[0]?.page ?? ''} |`);
console.log(`| of which HTML markup (HTML − text) | ${kb(around[0] ? around[0].html - around[0].text : 0)} | ${kb(median(around.map((r) => r.html - r.text)))} | | |`);
console.log(`| JavaScript on a page other than search | ${kb(nonSearchJs[0]?.js ?? 0)} | ${kb(median(nonSearchJs.map((r) => r.js)))} | 10 | ${nonSearchJs[0]?.page ?? ''} |`);
console.log(`| CSS per page | ${kb(Math.max(...rows.map((r) => r.css)))} | ${kb(median(rows.map((r) => r.css)))} | | |`);
