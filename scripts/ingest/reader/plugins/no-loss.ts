// Step 9: nothing lost — every non-whitespace character of each notice's source lines, in
// order, is in the text its page will publish (../../no-loss.ts; checked again on the built
// HTML after `astro build`).
import type { VFile } from 'vfile';
import { publishedText } from '../../built-notice.ts';
import { compareText } from '../../no-loss.ts';
import { report } from '../report.ts';
import { builtNotice, type IssueTree } from '../types.ts';

export function noLoss() {
  return (tree: IssueTree, file: VFile): void => {
    for (const node of tree.children) {
      const built = builtNotice(tree, node);
      if (!built) continue;
      for (const p of compareText(file.path, built.source, publishedText(built, built.notice))) report(file, p.line, p.message);
    }
  };
}
