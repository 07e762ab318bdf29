// Step 3: the archivist's corrections of this issue (seeds/<issue>.corrections.yaml), validated
// with that file's lines (../../../../schemas/corrections.ts). A correction about a line that is
// not there, or that has nothing to correct, is a problem.
import type { VFile } from 'vfile';
import { correctionLines, correctionsFileOf, parseCorrections } from '../../../../schemas/corrections.ts';
import { dateLine } from '../../dates.ts';
import { docNoLine } from '../../split-issue.ts';
import { report } from '../report.ts';
import type { IssueTree, ReaderOptions } from '../types.ts';

export function corrections(options: ReaderOptions) {
  return (tree: IssueTree, file: VFile): void => {
    if (options.correctionsText === undefined) return;
    const shown = correctionsFileOf(file.path);
    const parsed = parseCorrections(options.correctionsText, shown);
    for (const p of parsed.problems) report(file, p.line, p.message, shown);
    tree.data.corrections = parsed.corrections ?? [];
    if (tree.data.raw.length === 0) return;
    const byLine = new Map(tree.data.lines.map((l) => [l.line, l]));
    for (const c of tree.data.corrections) {
      const [first, last] = correctionLines(c);
      const target = byLine.get(first);
      if (last < first) {
        report(file, c.at, `expected the ${c.kind} correction's lines as [first, last], found [${first}, ${last}]`, shown);
      } else if (!target || !byLine.has(last)) {
        const at = target ? last : first;
        const what = at > tree.data.raw.length ? `the seed has ${tree.data.raw.length} lines` : 'that line is blank or page furniture';
        report(file, c.at, `expected the ${c.kind} correction to name a line of text, but ${what} (line ${at})`, shown);
      } else if (c.kind === 'not-a-header' && !docNoLine(target.text) && !dateLine(target.text)) {
        report(file, c.at, `expected line ${first} of the seed to read like a header (a 文号 or a date) for the not-a-header correction, found “${target.text.trim()}” — remove the correction, or fix its line number`, shown);
      }
    }
  };
}
