// Step 8: each notice's frontmatter, validated with the schema Astro reads it with
// (../../../../schemas/notice.ts), and how its header was read (for the review report). A
// record the schema refuses is a problem on the notice's line, never a crash.
import type { VFile } from 'vfile';
import { NoticeSchema } from '../../../../schemas/notice.ts';
import type { Reading } from '../../built-notice.ts';
import { plainNoticeId } from '../../notice-id.ts';
import { printedPages } from '../../printed-pages.ts';
import type { SourceLine } from '../../types.ts';
import { report } from '../report.ts';
import type { IssueTree } from '../types.ts';

function seedRange(lines: SourceLine[], [from, to]: [number, number]): [number, number] | null {
  return to > from ? [lines[from].line, lines[to - 1].line] : null;
}

export function frontmatter() {
  return (tree: IssueTree, file: VFile): void => {
    const { lines, gazette } = tree.data;
    if (!gazette) return;
    const pages = printedPages(tree.data.raw);
    for (const notice of tree.children) {
      const { span, header, order, attachments } = notice.data;
      const personnel = notice.children.flatMap((s) => s.children).flatMap((b) => (b.data.block.kind === 'personnel' ? b.data.block.members : []));
      const parsed = NoticeSchema.safeParse({
        // The plain id; ../../notice-id.ts tells sound-alike 机关代字 apart across the corpus.
        id: plainNoticeId(header!),
        docNo: header!.docNo,
        title: header!.title,
        printed: header!.printed,
        issuer: header!.issuers[0],
        issuers: header!.issuers,
        date: header!.date,
        type: header!.type,
        recipients: header!.recipients,
        attachments,
        gazette,
        order,
        source: { file: file.path, lines: [notice.position.start.line, notice.position.end.line], page: pages[notice.position.start.line - 1] },
        personnel: personnel.map((m) => ({ role: m.role, name: m.name, title: m.title })),
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        report(file, notice.position.start.line, `expected the notice “${header!.title}” to read into a valid record, but ${issue.path.join('.')}: ${issue.message} — if the text is right, this is a reading the ingest cannot represent yet: report it`);
        continue;
      }
      notice.data.notice = parsed.data;
      const reading: Reading = {
        foundBy: span.foundBy,
        dateFrom: header!.dateFrom,
        issuerLines: seedRange(lines, span.issuerLines),
        titleLines: seedRange(lines, span.titleLines)!,
        headerLines: seedRange(lines, span.headerLines),
      };
      notice.data.reading = reading;
    }
  };
}
