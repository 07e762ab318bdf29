// Step 5: each notice's printed header — 发文机关, 标题, 文号, 成文日期, 主送机关, 文种
// (../../parse-header.ts). A notice whose header cannot be read is reported and dropped from
// the tree, so nothing downstream works from a guess.
import type { VFile } from 'vfile';
import { parseHeader } from '../../parse-header.ts';
import { report } from '../report.ts';
import type { IssueTree } from '../types.ts';

export function header() {
  return (tree: IssueTree, file: VFile): void => {
    tree.children = tree.children.filter((notice) => {
      const read = parseHeader(file.path, tree.data.lines, notice.data.span);
      for (const p of read.problems) report(file, p.line, p.message);
      notice.data.header = read.header;
      return read.header !== undefined;
    });
  };
}
