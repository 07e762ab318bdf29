// The no-loss check on the built site: for every notice in dist/api/notices.json, the text of
// its page's [data-source-text] elements must equal, character by character (whitespace aside),
// its seed's source span with only page furniture removed. The seed is read afresh here, so
// this checks the whole chain — ingest, MDX, Astro — not the ingest's own idea of the text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareText } from '../ingest/no-loss.ts';
import { readSeed } from '../../lib/read-seed.ts';
import { stripFurniture } from '../ingest/strip-furniture.ts';
import type { Problem } from '../ingest/types.ts';
import { readPageTexts } from './source-text.ts';

interface ApiNotice {
  url: string;
  source: { file: string; lines: [number, number] };
}

/**
 * `root` is the project folder (seeds live there); `dist` the built site; `base` its URL base;
 * `texts` the pages' source texts by URL when already read (see ./source-text.ts).
 */
export function checkNoLoss(root: string, dist: string, base = '/', texts?: ReadonlyMap<string, string>): { problems: Problem[]; checked: number } {
  const notices = JSON.parse(readFileSync(join(dist, 'api/notices.json'), 'utf8')) as ApiNotice[];
  const pageTexts = texts ?? readPageTexts(dist, notices.map((n) => n.url), base);
  const seeds = new Map<string, ReturnType<typeof stripFurniture>['lines']>();
  const problems: Problem[] = [];
  for (const n of notices) {
    const { file, lines: [first, last] } = n.source;
    if (!seeds.has(file)) seeds.set(file, stripFurniture(readSeed(file, readFileSync(join(root, file))).seed?.lines ?? []).lines);
    const source = seeds.get(file)!.filter((l) => l.line >= first && l.line <= last);
    const text = pageTexts.get(n.url);
    if (text === undefined) throw new Error(`no-loss check: no text for ${n.url}`);
    for (const p of compareText(file, source, text)) problems.push({ ...p, message: `${n.url}: ${p.message}` });
  }
  return { problems, checked: notices.length };
}
