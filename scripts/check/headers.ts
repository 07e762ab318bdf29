// The header-line check on the built site: every line of a seed that opens with a 文号 and reads
// as a header (../ingest/split-issue.ts `docNoLine`) must be the 文号 of the notice page whose
// source span holds it — unless the seed's corrections file marks it as body text. A page that
// holds another notice's 文号 line is two notices merged into one: the no-loss check cannot
// see that (every character is still on some page), so this check reads the seeds afresh and
// compares them with dist/api/notices.json, independently of how the ingest split them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { correctionsFileOf, parseCorrections } from '../../schemas/corrections.ts';
import { normalizeDocNo } from '../ingest/docno.ts';
import { readSeed } from '../../lib/read-seed.ts';
import { docNoLine } from '../ingest/split-issue.ts';
import { stripFurniture } from '../ingest/strip-furniture.ts';
import type { Problem } from '../ingest/types.ts';

interface ApiNotice {
  url: string;
  docNo?: string;
  source: { file: string; lines: [number, number] };
}

/** `root` holds seeds/ (the project folder, or a test build's own); `dist` the built site. */
export function checkHeaderLinesOnSite(root: string, dist: string): { problems: Problem[]; checked: number } {
  const notices = JSON.parse(readFileSync(join(dist, 'api/notices.json'), 'utf8')) as ApiNotice[];
  const byFile = Map.groupBy(notices, (n) => n.source.file);
  const problems: Problem[] = [];
  let checked = 0;
  for (const [file, pages] of byFile) {
    const corrections = join(root, correctionsFileOf(file));
    const notHeaders = new Set(
      existsSync(corrections) ? (parseCorrections(readFileSync(corrections, 'utf8'), correctionsFileOf(file)).corrections ?? []).filter((c) => c.kind === 'not-a-header').map((c) => c.line) : [],
    );
    const lines = stripFurniture(readSeed(file, readFileSync(join(root, file))).seed?.lines ?? []).lines;
    for (const { line, text } of lines) {
      const header = notHeaders.has(line) ? undefined : docNoLine(text);
      if (!header || header.misfit) continue;
      checked++;
      const holders = pages.filter((p) => p.source.lines[0] <= line && line <= p.source.lines[1]);
      const docNo = normalizeDocNo(header.docNo);
      if (holders.length !== 1) {
        problems.push({ file, line, message: `expected the 文号 line “${text.trim()}” on exactly one notice page, found it on ${holders.length}` });
      } else if (holders[0].docNo !== docNo) {
        problems.push({ file, line, message: `${holders[0].url}: expected the 文号 line “${text.trim()}” to head its own notice, but it is inside the page of ${holders[0].docNo ?? 'a notice without 文号'} — two notices merged into one page` });
      }
    }
  }
  return { problems, checked };
}
