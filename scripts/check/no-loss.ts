// The no-loss check on the built site: for every notice in dist/api/notices.json, the text of
// its page's [data-source-text] elements must equal, character by character (whitespace aside),
// its seed's source span with only page furniture removed. The seed is read afresh here, so
// this checks the whole chain — ingest, MDX, Astro — not the ingest's own idea of the text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { compareText } from '../ingest/no-loss.ts';
import { readSeed } from '../ingest/read-seed.ts';
import { stripFurniture } from '../ingest/strip-furniture.ts';
import type { Problem } from '../ingest/types.ts';

interface ApiNotice {
  url: string;
  source: { file: string; lines: [number, number] };
}

/** `root` is the project folder (seeds live there); `dist` the built site; `base` its URL base. */
export function checkNoLoss(root: string, dist: string, base = '/'): { problems: Problem[]; checked: number } {
  const notices = JSON.parse(readFileSync(join(dist, 'api/notices.json'), 'utf8')) as ApiNotice[];
  const seeds = new Map<string, ReturnType<typeof stripFurniture>['lines']>();
  const problems: Problem[] = [];
  for (const n of notices) {
    const { file, lines: [first, last] } = n.source;
    if (!seeds.has(file)) seeds.set(file, stripFurniture(readSeed(file, readFileSync(join(root, file))).seed?.lines ?? []).lines);
    const source = seeds.get(file)!.filter((l) => l.line >= first && l.line <= last);
    const page = join(dist, n.url.slice(base.length), 'index.html');
    const tree: Root = fromHtml(readFileSync(page, 'utf8'));
    const text = selectAll('[data-source-text]', tree).map((el) => toText(withoutGenerated(el))).join('\n');
    for (const p of compareText(file, source, text)) problems.push({ ...p, message: `${n.url}: ${p.message}` });
  }
  return { problems, checked: notices.length };
}

/** Interface text the site adds inside the document (marked data-generated) is not source text. */
function withoutGenerated(el: Element): Element {
  return {
    ...el,
    children: el.children
      .filter((c) => !(c.type === 'element' && c.properties?.dataGenerated !== undefined))
      .map((c) => (c.type === 'element' ? withoutGenerated(c) : c)),
  };
}
