// The tree the reading of one gazette issue builds, step by step (./index.ts): a unist tree
// whose leaves are mdast blocks. The issue holds its notices, a notice its sections (covering
// text, the document it issues, each 附件), a section its blocks — mdast headings, paragraphs,
// lists (personnel lists), tables and figures (source lines kept verbatim) — each carrying the
// recovered structure it was made from (`data.block`) and its seed lines (`position`).
import type { Heading, List, Paragraph, Table } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import type { Parent, Position } from 'unist';
import type { PlacedCorrection } from '../../../schemas/corrections.ts';
import type { GazetteConfig } from '../../../schemas/gazette-config.ts';
import type { Gazette, Notice } from '../../../schemas/notice.ts';
import type { BuiltNotice, Reading, Matcher } from '../built-notice.ts';
import type { NoticeHeader } from '../parse-header.ts';
import type { SectionSpan } from '../recover-sections.ts';
import type { NoticeSpan } from '../split-issue.ts';
import type { Furniture } from '../strip-furniture.ts';
import type { Block, SectionKind, SourceLine } from '../types.ts';

/** What the reader is given besides the seed's bytes. */
export interface ReaderOptions {
  config: GazetteConfig;
  matchers: Matcher[];
  /** The text of the seed's corrections file, when there is one. */
  correctionsText?: string;
}

export type BlockNode = (Heading | Paragraph | List | Table | MdxJsxFlowElement) & { data: { block: Block }; position: Position };

export interface SectionNode extends Parent {
  type: 'section';
  children: BlockNode[];
  data: { kind: SectionKind; id: string; title?: string; listedTitle?: string; span: SectionSpan };
}

export interface NoticeNode extends Parent {
  type: 'notice';
  children: SectionNode[];
  position: Position;
  data: {
    span: NoticeSpan;
    /** Position in the printed issue, 1-based. */
    order: number;
    header?: NoticeHeader;
    /** 附件 titles and where the 附件 list is (./plugins/sections.ts). */
    attachments?: string[];
    attachmentList?: [number, number];
    notice?: Notice;
    reading?: Reading;
  };
}

export interface IssueTree extends Parent {
  type: 'issue';
  children: NoticeNode[];
  data: {
    /** The seed's lines as decoded, index i = line i + 1 (empty when it could not be read). */
    raw: string[];
    /** Lines of text, page furniture removed (./plugins/furniture.ts). */
    lines: SourceLine[];
    furniture?: Furniture;
    gazette?: Gazette;
    corrections: PlacedCorrection[];
  };
}

/** Seed lines [first, last] as a unist position. */
export function positionOf(first: number, last: number): Position {
  return { start: { line: first, column: 1 }, end: { line: last, column: 1 } };
}

/** A notice of the tree as the rest of the ingest uses it; undefined when it was not read whole. */
export function builtNotice(tree: IssueTree, node: NoticeNode): BuiltNotice | undefined {
  const { notice, reading, span } = node.data;
  if (!notice || !reading) return undefined;
  return {
    notice,
    sections: node.children.map((s) => ({ kind: s.data.kind, id: s.data.id, title: s.data.title, ...(s.data.listedTitle ? { listedTitle: s.data.listedTitle } : {}), blocks: s.children.map((b) => b.data.block) })),
    source: tree.data.lines.slice(span.start, span.end),
    reading,
  };
}
