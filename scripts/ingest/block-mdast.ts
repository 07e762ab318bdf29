// One recovered block as mdast: the reader builds its tree with it (./reader/plugins/blocks.ts),
// and the MDX writer (./emit-mdx.ts) the same nodes with the corpus's links in the text.
import type { BlockContent, Heading, List, PhrasingContent, RootContent, Table, TableRow } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import { personnelRows } from './recover-personnel.ts';
import type { Block, Member } from './types.ts';

/** Text → phrasing content: plain text, or text with links (the linker). */
export type Phrasing = (value: string) => PhrasingContent[];

const plain: Phrasing = (value) => [{ type: 'text', value }];

export function jsx(name: string, attributes: Record<string, string>, children: RootContent[]): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes: Object.entries(attributes).map(([key, value]) => ({ type: 'mdxJsxAttribute', name: key, value })),
    children: children as MdxJsxFlowElement['children'],
  };
}

/** A block as the mdast node the MDX file holds. */
export function blockToMdast(block: Block, text: Phrasing = plain): RootContent {
  return blockNode(block, text);
}

function blockNode(block: Block, text: Phrasing): RootContent {
  switch (block.kind) {
    case 'heading':
      return { type: 'heading', depth: block.depth as Heading['depth'], children: [{ type: 'text', value: block.text }] };
    case 'paragraph':
      return { type: 'paragraph', children: text(block.text) };
    case 'personnel':
      return personnelNode(block.members, text);
    case 'table':
      return tableNode(block.header, block.rows, text);
    case 'raw':
      // Lines whose structure could not be recovered stay verbatim, in a block that says so.
      // The caption is the site speaking, not the gazette: data-generated keeps it out of the
      // no-loss comparison and out of the search text.
      return jsx('figure', { className: 'source-lines', 'data-lines': `${block.lines[0]}-${block.lines[1]}`, 'data-reason': block.reason }, [
        jsx('figcaption', { 'data-generated': 'true' }, [
          { type: 'paragraph', children: [{ type: 'text', value: `原文照录（第 ${block.lines[0]}–${block.lines[1]} 行）：此表格的行与列无法从 PDF 提取的文本中可靠还原，以下按原文各行排列。` }] },
        ]),
        { type: 'code', lang: 'text', value: block.source.map((l) => l.text).join('\n') },
      ]);
  }
}

function personnelNode(members: Member[], text: Phrasing): List {
  // One item per printed line of members (personnelRows): `成员：黄红卫、施财富、…` stays one item.
  const items = personnelRows(members).map((row): BlockContent => ({
    type: 'paragraph',
    children: [
      ...(row.label ? [{ type: 'strong' as const, children: [{ type: 'text' as const, value: row.label.replace(/[：:]$/, '') }] }, { type: 'text' as const, value: row.label.slice(-1) }] : []),
      ...text(row.text),
    ],
  }));
  return { type: 'list', ordered: false, spread: false, children: items.map((p) => ({ type: 'listItem', spread: false, children: [p] })) };
}

function tableNode(header: string[][], rows: string[][], text: Phrasing): Table {
  const row = (cells: string[]): TableRow => ({ type: 'tableRow', children: cells.map((c) => ({ type: 'tableCell', children: c ? text(c) : [] })) });
  const [head = [], ...moreHeader] = header;
  return { type: 'table', align: head.map(() => null), children: [row(head), ...moreHeader.map(row), ...rows.map(row)] };
}
