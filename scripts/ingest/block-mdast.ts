// One recovered block as mdast: the reader builds its tree with it (./reader/plugins/blocks.ts),
// and the MDX writer (./emit-mdx.ts) the same nodes with the corpus's links in the text.
import type { BlockContent, Heading, List, PhrasingContent, RootContent } from 'mdast';
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
      return tableNode(block, text);
    case 'raw':
      // Lines whose structure could not be recovered stay verbatim, in a block that says so,
      // grouped by printed row (the header, then each 序号) in the reading font. The caption
      // is the site speaking, not the gazette: data-generated keeps it out of the no-loss
      // comparison and out of the search text.
      return jsx('figure', { className: 'source-lines', 'data-lines': `${block.lines[0]}-${block.lines[1]}`, 'data-reason': block.reason }, [
        jsx('figcaption', { 'data-generated': 'true' }, [
          { type: 'paragraph', children: [{ type: 'text', value: `原文照录（第 ${block.lines[0]}–${block.lines[1]} 行）：此表格的行与列无法从 PDF 提取的文本中可靠还原，以下按原文各行排列，每组为一行（以序号起头）。` }] },
        ]),
        ...(block.groups ?? [block.source]).map((group) =>
          jsx('div', { className: 'source-row', 'data-lines': `${group[0].line}-${group.at(-1)!.line}` }, group.map((l) => ({ type: 'paragraph', children: text(l.text) }) as RootContent)),
        ),
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

/**
 * A rebuilt table as an HTML table written in MDX: GFM tables have one header row and no
 * header rows inside the body, but a table's header may have two rows, and a table broken
 * over pages prints its header again (kept where printed, as a header row). The wrapper
 * scrolls the table sideways on narrow screens (as ScrollTable does for Markdown tables).
 */
function tableNode(block: Extract<Block, { kind: 'table' }>, text: Phrasing): MdxJsxFlowElement {
  const cell = (name: 'th' | 'td', value: string) => jsx(name, name === 'th' ? { scope: 'col' } : {}, value ? [{ type: 'paragraph', children: text(value) }] : []);
  const row = (name: 'th' | 'td') => (cells: string[]) => jsx('tr', {}, cells.map((c) => cell(name, c)));
  const repeats = new Set(block.headerAt ?? []);
  const body = block.rows.map((cells, r) => row(repeats.has(r) ? 'th' : 'td')(cells));
  const attributes: Record<string, string> = { 'data-lines': `${block.lines[0]}-${block.lines[1]}` };
  return jsx('div', { className: 'table-scroll', tabindex: '0' }, [jsx('table', attributes, [jsx('thead', {}, block.header.map(row('th'))), jsx('tbody', {}, body)])]);
}
