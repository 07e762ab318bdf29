// The property every merge of two notices breaks, checked on its own after the split: each line
// that opens with a 文号 and reads as a header (./split-issue.ts `docNoLine`) is the header of
// exactly one notice, or has been reported as a problem on its line. The no-loss check cannot
// see a merge — every character is still on some page — so this is its own check.
import { docNoLine, type NoticeSpan } from './split-issue.ts';
import type { Problem, SourceLine } from './types.ts';

export function checkHeaderLines(file: string, lines: SourceLine[], spans: NoticeSpan[], reported: Problem[], notHeaders = new Set<number>()): Problem[] {
  const headed = new Map<number, number>();
  for (const span of spans) for (let i = span.headerLines[0]; i < span.headerLines[1]; i++) headed.set(lines[i].line, (headed.get(lines[i].line) ?? 0) + 1);
  const known = new Set(reported.filter((p) => p.file === file).map((p) => p.line));
  const problems: Problem[] = [];
  for (const { line, text } of lines) {
    if (notHeaders.has(line) || !docNoLine(text) || known.has(line)) continue;
    const count = headed.get(line) ?? 0;
    if (count === 1) continue;
    problems.push({
      file,
      line,
      message: count === 0
        ? `expected this 文号 line to head a notice, but it is inside the notice above — two notices would be merged; check the 发文机关 and title lines above it`
        : `expected this 文号 line to head one notice, but ${count} notices start at it`,
    });
  }
  return problems;
}
