// The source text of a built notice page: its [data-source-text] elements, in order, without what
// the site adds inside them (marked data-generated, e.g. a caption over a verbatim table). The
// no-loss check compares it with the seed and the exact search indexes it; postbuild parses each
// page once (`readPageTexts`) and hands the texts to both — parsing was their largest cost.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';

const BLOCK = new Set(['p', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'section', 'table', 'ul', 'ol', 'dl', 'dt', 'dd', 'pre', 'blockquote', 'br', 'caption', 'figure', 'header', 'footer']);

/**
 * Whitespace is not compared (by the no-loss check, nor by search, which folds it away), so the
 * text is taken in document order from a streaming parse: no tree is built — building hast trees
 * of every notice page was the largest cost of the postbuild.
 */
export function pageSourceText(html: string): string {
  const parts: string[] = [];
  // Per open element: whether it is source text, whether it is generated (skipped with its content).
  const stack: { source: boolean; generated: boolean }[] = [];
  let inSource = 0;
  let inGenerated = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const el = { source: 'data-source-text' in attribs, generated: 'data-generated' in attribs };
        stack.push(el);
        if (el.source) {
          if (inSource === 0 && parts.length > 0) parts.push('\n');
          inSource++;
        }
        if (el.generated) inGenerated++;
        // A line break before each block and a space before each cell, so the text reads as
        // the page shows it (search excerpts); whitespace is not compared, so nothing else changes.
        if (inSource > 0 && inGenerated === 0 && parts.length > 0) {
          if (BLOCK.has(name)) parts.push('\n');
          else if (name === 'td' || name === 'th') parts.push(' ');
        }
      },
      onclosetag() {
        const el = stack.pop();
        if (el?.source) inSource--;
        if (el?.generated) inGenerated--;
      },
      ontext(text) {
        if (inSource > 0 && inGenerated === 0) parts.push(text);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return parts.join('');
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
