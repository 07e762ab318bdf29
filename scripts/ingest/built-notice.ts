// A notice as the reader (./reader/) hands it to the rest of the ingest — its validated
// frontmatter, its sections of recovered blocks, its source lines and how its header was read —
// and the text its page publishes (for the no-loss check and the search index).
import type { Notice } from '../../schemas/notice.ts';
import type { recoverBlocks } from './recover-blocks.ts';
import { personnelText } from './recover-personnel.ts';
import type { NoticeHeader } from './parse-header.ts';
import type { NoticeSpan } from './split-issue.ts';
import type { Block, Section, SourceLine } from './types.ts';

/** A structure matcher (personnel lists, tables): what recover-blocks tries at each line. */
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

/** Everything the notice publishes as source text, in page order: header, then the sections. */
export function publishedText(built: Pick<BuiltNotice, 'sections'>, notice: Pick<Notice, 'issuers' | 'title' | 'printed'>): string {
  const { masthead, serial, docNo, date, issuerInTitle } = notice.printed;
  // In printed order: a masthead and its serial stand above the title, a bare serial below it;
  // an issuer printed in the title is not printed again.
  const parts = masthead
    ? [masthead, serial ?? '', notice.title, `${docNo ?? ''}${date ?? ''}`]
    : [...(issuerInTitle ? [] : notice.issuers), notice.title, serial ?? '', `${docNo ?? ''}${date ?? ''}`];
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
