// Step 6: each notice's body cut into its covering text, the document it issues (…印发X的通知
// → X) and its 附件 (../../recover-sections.ts), as section nodes; the blocks inside are
// recovered next, section by section, so no structure spans two sections.
import { recoverSections } from '../../recover-sections.ts';
import { normalizeTitle } from '../../parse-header.ts';
import type { IssueTree } from '../types.ts';

export function sections() {
  return (tree: IssueTree): void => {
    for (const notice of tree.children) {
      const header = notice.data.header!;
      const found = recoverSections(tree.data.lines, header.bodyStart, notice.data.span.end, header.title);
      notice.data.attachments = found.attachments;
      notice.data.attachmentList = found.attachmentList;
      notice.children = found.sections.map((span) => ({
        type: 'section',
        children: [],
        data: { kind: span.kind, id: span.id, title: span.title ? sectionTitle(span.title) : undefined, ...(span.listedTitle ? { listedTitle: sectionTitle(span.listedTitle) } : {}), span },
      }));
    }
  };
}

/** `附件 1:` + title: the marker as printed, then the title without the PDF's spaces. */
function sectionTitle(title: string): string {
  const marker = /^附件\s*\d*\s*[：:]/.exec(title);
  if (!marker) return normalizeTitle(title);
  // `附件 1: 标题` reads better with a space after an ASCII colon; `附件：标题` needs none.
  const label = marker[0].replace(/\s+/g, ' ');
  return `${label}${label.endsWith(':') ? ' ' : ''}${normalizeTitle(title.slice(marker[0].length))}`.trim();
}
