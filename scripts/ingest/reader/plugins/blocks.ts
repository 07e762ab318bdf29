// Step 7: each section's lines → blocks (../../recover-blocks.ts: personnel lists and tables by
// their matchers, then headings and reflowed paragraphs), each an mdast node (../../block-mdast.ts)
// that keeps the recovered block and its seed lines. The 主送机关 is a paragraph of its own, and
// a 附件 list closing a section gives one paragraph per entry.
import { blockToMdast } from '../../block-mdast.ts';
import { parseAttachmentList } from '../../recover-sections.ts';
import { recoverBlocks, reflow } from '../../recover-blocks.ts';
import type { Block, SourceLine } from '../../types.ts';
import { positionOf, type BlockNode, type IssueTree, type ReaderOptions } from '../types.ts';

export function blocks(options: ReaderOptions) {
  return (tree: IssueTree): void => {
    const { lines } = tree.data;
    for (const notice of tree.children) {
      const header = notice.data.header!;
      for (const section of notice.children) {
        const { span, kind, title } = section.data;
        const found: Block[] = [];
        let from = span.bodyStart;
        if (kind === 'cover' && header.recipientsEnd > from) {
          const part = lines.slice(from, header.recipientsEnd);
          found.push({ kind: 'paragraph', text: reflow(part.map((l) => l.text)), lines: [part[0].line, part[part.length - 1].line] });
          from = header.recipientsEnd;
        }
        const [listStart, listEnd] = notice.data.attachmentList ?? [-1, -1];
        const depth = title ? 3 : 2;
        if (listStart >= from && listEnd <= span.end) {
          found.push(...recoverBlocks(lines.slice(from, listStart), options.matchers, depth));
          found.push(...attachmentListBlocks(lines.slice(listStart, listEnd)));
        } else {
          found.push(...recoverBlocks(lines.slice(from, span.end), options.matchers, depth));
        }
        section.children = found.map((block) => ({ ...blockToMdast(block), data: { block }, position: positionOf(block.lines[0], block.lines[1]) }) as BlockNode);
      }
    }
  };
}

/** `附件：1.A` / `2.B`: the list's entries as separate paragraphs, wrapped lines joined. */
function attachmentListBlocks(part: SourceLine[]): Block[] {
  const text = reflow(part.map((l) => l.text));
  const entries = parseAttachmentList(text);
  const lines: [number, number] = [part[0].line, part[part.length - 1].line];
  if (entries.length <= 1) return [{ kind: 'paragraph', text, lines }];
  const label = /^附件\s*[：:]/.exec(text)![0];
  return entries.map((entry, k) => ({ kind: 'paragraph', text: `${k === 0 ? label : ''}${k + 1}.${entry}`, lines }));
}
