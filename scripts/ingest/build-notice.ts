// Step 6: one notice from its span — header, sections, blocks — as the validated frontmatter
// plus the section tree, and the text it publishes (for the no-loss check).
import { NoticeSchema } from '../../schemas/notice.ts';
import type { Gazette, Notice } from '../../schemas/notice.ts';
import { parseAttachmentList, recoverSections } from './recover-sections.ts';
import { recoverBlocks, reflow } from './recover-blocks.ts';
import { personnelText } from './recover-personnel.ts';
import type { NoticeHeader } from './parse-header.ts';
import { normalizeTitle } from './parse-header.ts';
import { plainNoticeId } from './notice-id.ts';
import type { NoticeSpan } from './split-issue.ts';
import type { Block, Member, Section, SourceLine } from './types.ts';

export type Matcher = Parameters<typeof recoverBlocks>[1][number];

export interface BuiltNotice {
  notice: Notice;
  sections: Section[];
  /** The notice's source lines (furniture removed), for the no-loss check. */
  source: SourceLine[];
  /** How the header was read, for the review report (./review.ts). */
  reading: Reading;
}

/** How a notice's start and header were read: what the review report tells the archivist. */
export interface Reading {
  foundBy: NoticeSpan['foundBy'];
  dateFrom: NoticeHeader['dateFrom'];
  /** Seed lines of the issuer line(s), the title and the 文号/date line(s): [first, last] or null. */
  issuerLines: [number, number] | null;
  titleLines: [number, number];
  headerLines: [number, number] | null;
}

function seedRange(lines: SourceLine[], [from, to]: [number, number]): [number, number] | null {
  return to > from ? [lines[from].line, lines[to - 1].line] : null;
}

export function buildNotice(file: string, lines: SourceLine[], span: NoticeSpan, header: NoticeHeader, gazette: Gazette, order: number, matchers: Matcher[]): BuiltNotice {
  const found = recoverSections(lines, header.bodyStart, span.end, header.title);
  const sections: Section[] = found.sections.map((s) => {
    const blocks: Block[] = [];
    let from = s.bodyStart;
    if (s.kind === 'cover' && header.recipientsEnd > from) {
      // 主送机关 is a paragraph of its own, whatever the reflow would make of its short line.
      const part = lines.slice(from, header.recipientsEnd);
      blocks.push({ kind: 'paragraph', text: reflow(part.map((l) => l.text)), lines: [part[0].line, part[part.length - 1].line] });
      from = header.recipientsEnd;
    }
    const [listStart, listEnd] = found.attachmentList ?? [-1, -1];
    if (listStart >= from && listEnd <= s.end) {
      // The 附件 list closes its section: render it as its entries, one per line.
      blocks.push(...recoverBlocks(lines.slice(from, listStart), matchers, s.title ? 3 : 2));
      blocks.push(...attachmentListBlocks(lines.slice(listStart, listEnd)));
    } else {
      blocks.push(...recoverBlocks(lines.slice(from, s.end), matchers, s.title ? 3 : 2));
    }
    return { kind: s.kind, id: s.id, title: s.title ? normalizeSectionTitle(s.title) : undefined, blocks };
  });
  const personnel = sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'personnel' ? b.members : []));
  const source = lines.slice(span.start, span.end);
  const notice = NoticeSchema.parse({
    // The plain id; scripts/ingest/notice-id.ts tells sound-alike 机关代字 apart across the corpus.
    id: plainNoticeId(header),
    docNo: header.docNo,
    title: header.title,
    printed: header.printed,
    issuer: header.issuers[0],
    issuers: header.issuers,
    date: header.date,
    type: header.type,
    recipients: header.recipients,
    attachments: found.attachments,
    gazette,
    order,
    source: { file, lines: [source[0].line, source[source.length - 1].line] },
    personnel: personnel.map((m: Member) => ({ role: m.role, name: m.name, title: m.title })),
  });
  const reading: Reading = {
    foundBy: span.foundBy,
    dateFrom: header.dateFrom,
    issuerLines: seedRange(lines, span.issuerLines),
    titleLines: seedRange(lines, span.titleLines)!,
    headerLines: seedRange(lines, span.headerLines),
  };
  return { notice, sections, source, reading };
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

/** `附件 1:` + title: the marker as printed, then the title without the PDF's spaces. */
function normalizeSectionTitle(title: string): string {
  const marker = /^附件\s*\d*\s*[：:]/.exec(title);
  if (!marker) return normalizeTitle(title);
  // `附件 1: 标题` reads better with a space after an ASCII colon; `附件：标题` needs none.
  const label = marker[0].replace(/\s+/g, ' ');
  return `${label}${label.endsWith(':') ? ' ' : ''}${normalizeTitle(title.slice(marker[0].length))}`.trim();
}

/** Everything the notice publishes as source text, in page order: header, then the sections. */
export function publishedText(built: Pick<BuiltNotice, 'sections'>, notice: Pick<Notice, 'issuers' | 'title' | 'printed'>): string {
  const { masthead, serial, docNo, date } = notice.printed;
  // In printed order: a masthead and its serial stand above the title, a bare serial below it.
  const parts = masthead
    ? [masthead, serial ?? '', notice.title, `${docNo ?? ''}${date ?? ''}`]
    : [...notice.issuers, notice.title, serial ?? '', `${docNo ?? ''}${date ?? ''}`];
  for (const s of built.sections) {
    if (s.title) parts.push(s.title);
    for (const b of s.blocks) parts.push(blockText(b));
  }
  return parts.join('\n');
}

export function blockText(b: Block): string {
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      return b.text;
    case 'personnel':
      // Label, then the member as printed (brackets and separators included): personnelText.
      return personnelText(b).join('\n');
    case 'table':
      return [...b.header, ...b.rows].map((r) => r.join('')).join('\n');
    case 'raw':
      return b.source.map((l) => l.text).join('\n');
  }
}
