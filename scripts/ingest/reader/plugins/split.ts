// Step 4: the issue's notices, from the documents' own structure (../../split-issue.ts), as
// notice nodes; the header-line check then confirms on its own that every line opening with a
// 文号 heads exactly one notice (../../check-headers.ts) — the property a merge breaks.
import type { VFile } from 'vfile';
import { checkHeaderLines } from '../../check-headers.ts';
import { splitIssue } from '../../split-issue.ts';
import { problemsOf, report } from '../report.ts';
import { positionOf, type IssueTree } from '../types.ts';

export function split() {
  return (tree: IssueTree, file: VFile): void => {
    const { lines, corrections } = tree.data;
    if (lines.length === 0) return;
    const notHeaders = new Set(corrections.filter((c) => c.kind === 'not-a-header').map((c) => c.line));
    const starts = new Set(corrections.filter((c) => c.kind === 'notice-starts').map((c) => c.line));
    const { spans, problems } = splitIssue(file.path, lines, { notHeaders, starts });
    for (const p of problems) report(file, p.line, p.message);
    for (const p of checkHeaderLines(file.path, lines, spans, problemsOf(file), notHeaders)) report(file, p.line, p.message);
    tree.children = spans.map((span, k) => ({
      type: 'notice',
      children: [],
      position: positionOf(lines[span.start].line, lines[span.end - 1].line),
      data: { span, order: k + 1 },
    }));
  };
}
