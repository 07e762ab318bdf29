// The source text of a built notice page: its [data-source-text] elements, in order, without what
// the site adds inside them (marked data-generated, e.g. a caption over a verbatim table). The
// no-loss check compares it with the seed and the exact search indexes it; postbuild parses each
// page once (`readPageTexts`) and hands the texts to both — parsing was their largest cost.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';

export function pageSourceText(html: string): string {
  const tree = fromHtml(html);
  for (const el of selectAll('[data-source-text] [data-generated]', tree)) el.children = [];
  return selectAll('[data-source-text]', tree)
    .map((el) => toText(el))
    .join('\n');
}

/** The built page of a site URL (which carries the base path). */
export function pageFile(dist: string, url: string, base: string): string {
  const rel = decodeURIComponent(url).slice(base.length);
  return join(dist, rel, rel.endsWith('.html') ? '' : 'index.html');
}

/** Source text of each page, by URL. */
export function readPageTexts(dist: string, urls: readonly string[], base: string): Map<string, string> {
  return new Map(urls.map((url) => [url, pageSourceText(readFileSync(pageFile(dist, url, base), 'utf8'))]));
}
