// Step 1, the parser: the seed's bytes → an issue tree holding its lines. UTF-8 with or without
// BOM, LF or CRLF; any other encoding is a problem that names it (lib/read-seed.ts).
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { readSeed } from '../../../../lib/read-seed.ts';
import { report } from '../report.ts';
import type { IssueTree } from '../types.ts';

export function parseSeed(this: Processor): void {
  this.parser = (_document: string, file: VFile): IssueTree => {
    const bytes = file.value instanceof Uint8Array ? file.value : new TextEncoder().encode(String(file.value));
    const read = readSeed(file.path, bytes);
    for (const p of read.problems) report(file, p.line, p.message);
    return { type: 'issue', children: [], data: { raw: read.seed?.lines ?? [], lines: [], corrections: [] } };
  };
}
