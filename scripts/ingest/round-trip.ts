// The round trip: every MDX file the ingest writes is read back and must give back what was
// meant — (a) the same text, in order, and (b) the same structure: the sections, headings with
// their depth, paragraphs, lists and their items, tables with their rows and cells, the verbatim
// <figure> blocks. Text that MDX would read as code or markup ({…}, <tag>, import/export, `, *,
// #, |) and was not escaped shows up here as a difference, with the seed line of its block.
// It is read by two parsers:
//   - Sätteri (lib/mdx.ts), the parser the site compiles its MDX with: what it reads is what the
//     page shows. Every file.
//   - remark-parse with the MDX syntax (micromark), the reader of the family the MDX
//     is written with (mdast-util-to-markdown, ./emit-mdx.ts): where the writer escaped text (a
//     `\` or a character reference `&…;` in the body), both must read the same — escapes are where
//     two Markdown parsers differ, and a file only one of them reads as written is a page one
//     tool upgrade away from showing markup. Files without escapes are plain text and tags to
//     both; micromark takes 20× Sätteri's time (13.7 s against 0.6 s for 1,400 notices), so it
//     reads only the files where it can disagree.
// The frontmatter is read with js-yaml, the parser Astro reads MDX frontmatter with.
import { personnelItems } from './recover-personnel.ts';
import type { Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { mdxFromMarkdown, type MdxJsxFlowElement } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { isDeepStrictEqual } from 'node:util';
import { load as parseYaml } from 'js-yaml';
import { parseSiteMdx } from '../../lib/mdx.ts';
import type { Notice } from '../../schemas/notice.ts';
import type { Block, Problem, Section } from './types.ts';

/** remark-parse taught MDX (micromark-extension-mdxjs): the syntax the site reads (no GFM, lib/mdx.ts). */
function mdxSyntax(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(mdxjs());
  (data.fromMarkdownExtensions ??= []).push(mdxFromMarkdown());
}

const processor = unified().use(remarkParse).use(mdxSyntax).freeze();

/** Reads MDX (without its frontmatter) with remark-parse and the MDX syntax the writer's family reads. */
export function parseMdxWithRemark(body: string): Root {
  return processor.parse(body);
}

/** A parser of MDX bodies, named in messages. */
interface MdxReader {
  name: string;
  parse: (body: string) => Root;
}

const SITE_READER: MdxReader = { name: 'the MDX parser', parse: parseSiteMdx };
const REMARK_READER: MdxReader = { name: 'remark-parse (the MDX writer’s own parser)', parse: parseMdxWithRemark };

/** Where the writer kept text as text by escaping it: a backslash escape or a character reference. */
const ESCAPED = /\\|&(?:#\d+|#x[\da-f]+|[a-z][\da-z]*);/i;

/** The parsers a body is read back with: the site's, and remark-parse too where it has an escape. */
function readersFor(body: string): MdxReader[] {
  return ESCAPED.test(body) ? [SITE_READER, REMARK_READER] : [SITE_READER];
}

/** The names of the parsers `checkRoundTrip` reads a body with, in order. */
export function mdxReadersFor(body: string): string[] {
  return readersFor(body).map((r) => r.name);
}

export interface RoundTripNotice {
  notice: Pick<Notice, 'id' | 'title' | 'source'> & Partial<Notice>;
  sections: Section[];
}

/**
 * Problems (none when the MDX reads back as written): at most one for the frontmatter and one for
 * the body — the first difference, at the seed line of the block where it is.
 */
export function checkRoundTrip(mdx: string, built: RoundTripNotice): Problem[] {
  const { notice } = built;
  const file = notice.source.file;
  const first = notice.source.lines[0];
  const name = `${notice.docNo ?? `“${notice.title}”`} (notices/${notice.id.slice(0, 4)}/${notice.id.slice(5)}.mdx)`;
  const problem = (line: number | undefined, what: string): Problem => ({ file, line: line ?? first, message: `expected the MDX of ${name} to read back as written, but ${what}` });
  const split = /^---\n([\s\S]*?\n)---\n/.exec(mdx);
  if (!split) return [problem(first, 'it does not begin with a --- frontmatter block')];
  const problems: Problem[] = [];
  const front = frontmatterDifference(split[1]!, notice);
  if (front) problems.push(problem(first, front));
  const body = mdx.slice(split[0].length);
  const bodyLine = split[0].split('\n').length - 1;
  for (const reader of readersFor(body)) {
    const found = readBack(body, built, reader, bodyLine);
    if (found) {
      problems.push(problem(found.line, found.what));
      break;
    }
  }
  return problems;
}

/** The first way the body does not read back as the sections, with `reader`; undefined when it does. */
function readBack(body: string, built: RoundTripNotice, reader: MdxReader, bodyLine: number): Difference | undefined {
  const first = built.notice.source.lines[0];
  let tree: Root;
  try {
    tree = reader.parse(body);
  } catch (error) {
    // The parser rejects the file (an unclosed tag, a broken expression …). Its place in the body
    // (after the frontmatter) is on the error (micromark), or leads (`3:1: …`, Sätteri) or ends
    // (`… (3:1)`) its reason; Sätteri ends the reason with its rule's name too (`(mdx-jsx:…)`).
    const reason = String((error as { reason?: string }).reason ?? (error as Error).message ?? error);
    const leading = /^(\d+):\d+: /.exec(reason);
    const trailing = /\s*\((\d+):\d+(?:-\d+:\d+)?\)(?:\s*\([\w-]+:[\w-]+\))?$/.exec(reason);
    const line = (error as { line?: number }).line ?? (leading ? Number(leading[1]) : trailing ? Number(trailing[1]) : undefined);
    const where = line ? ` at line ${line + bodyLine} of the MDX` : '';
    const text = reason.slice(leading ? leading[0].length : 0, trailing ? trailing.index : undefined).replace(/\s*\([\w-]+:[\w-]+\)$/, '');
    return { line: first, what: `${reader.name} rejects it${where}: ${text}` };
  }
  const expected = built.sections.map(expectedSection);
  const found = tree.children.map(foundShape);
  const difference = compareList(expected, found, 'the notice', first) ?? compareText(expected, tree);
  if (!difference || reader === SITE_READER) return difference;
  return { line: difference.line, what: `${reader.name} reads it differently from the site’s: ${difference.what}` };
}

// ---------------------------------------------------------------------------------------------
// Shapes: what a section tree means, from the sections (expected) and from the mdast (found).

type Shape =
  | { type: 'section'; id: string; className: string; children: Shape[]; line?: number }
  | { type: 'heading'; depth: number; text: string; line?: number }
  /** A 附件's heading from the 附件 list, the site's own (data-generated): not printed text. */
  | { type: 'listed-title'; text: string; line?: number }
  | { type: 'paragraph'; text: string; line?: number }
  | { type: 'list'; items: string[]; line?: number }
  | { type: 'table'; rows: string[][]; line?: number }
  | { type: 'figure'; lines: string; reason: string; code: string; line?: number }
  /** Anything the emitter never writes, described for the message. */
  | { type: 'other'; description: string; line?: number };

function expectedSection(section: Section): Shape {
  const firstLine = section.blocks[0]?.lines[0];
  const title: Shape[] = section.title
    ? [{ type: 'heading', depth: 2, text: section.title, line: firstLine }]
    : section.listedTitle
      ? [{ type: 'listed-title', text: section.listedTitle, line: firstLine }]
      : [];
  return { type: 'section', id: section.id, className: `notice-section notice-${section.kind}`, children: [...title, ...section.blocks.map(expectedBlock)], line: firstLine };
}

function expectedBlock(block: Block): Shape {
  const line = block.lines[0];
  switch (block.kind) {
    case 'heading':
      return { type: 'heading', depth: block.depth, text: block.text, line };
    case 'paragraph':
      return { type: 'paragraph', text: block.text, line };
    case 'personnel':
      return { type: 'list', items: personnelItems(block.members), line };
    case 'table':
      return { type: 'table', rows: [...block.header, ...block.rows], line };
    case 'raw':
      // Lines joined by ⏎ within a row's group and by an empty line between groups, so a line
      // shown in the wrong row is a difference even when the text stays in order.
      return { type: 'figure', lines: `${block.lines[0]}-${block.lines[1]}`, reason: block.reason, code: (block.groups ?? [block.source]).map((g) => g.map((l) => l.text).join('\n')).join('\n\n'), line };
  }
}

function foundShape(node: RootContent): Shape {
  switch (node.type) {
    case 'mdxJsxFlowElement':
      if (node.name === 'section' && !hasExpressionAttributes(node)) {
        return { type: 'section', id: attribute(node, 'id') ?? '', className: attribute(node, 'className') ?? '', children: node.children.map((c) => foundShape(c as RootContent)) };
      }
      if (node.name === 'figure' && !hasExpressionAttributes(node)) return foundFigure(node);
      if (node.name === 'div' && attribute(node, 'className') === 'notice-listed-title' && attribute(node, 'data-generated') === 'true' && !hasExpressionAttributes(node)) {
        const [only, ...more] = node.children;
        if (only?.type === 'heading' && only.depth === 2 && more.length === 0) return phrasingShape(only.children, (text) => ({ type: 'listed-title', text }), 'a 附件 heading from the list');
      }
      if (node.name === 'div' && attribute(node, 'className') === 'table-scroll' && !hasExpressionAttributes(node)) return foundTable(node);
      return other(`a <${node.name ?? ''}> element`, node);
    case 'heading':
      return phrasingShape(node.children, (text) => ({ type: 'heading', depth: node.depth, text }), `a heading (depth ${node.depth})`);
    case 'paragraph':
      return phrasingShape(node.children, (text) => ({ type: 'paragraph', text }), 'a paragraph');
    case 'list': {
      if (node.ordered) return other('a numbered list', node);
      const items: string[] = [];
      for (const item of node.children) {
        const [only, ...more] = item.children;
        if (!only || more.length > 0 || only.type !== 'paragraph' || item.checked != null) return other('a list item that is not one line of text', item);
        const shape = phrasingShape(only.children, (text) => ({ type: 'paragraph', text }), 'a list item', true);
        if (shape.type === 'other') return shape;
        items.push((shape as { text: string }).text);
      }
      return { type: 'list', items };
    }
    default:
      return other(DESCRIPTIONS[node.type] ?? `a ${node.type}`, node);
  }
}

const DESCRIPTIONS: Record<string, string> = {
  mdxjsEsm: 'an import/export statement (run as code)',
  mdxFlowExpression: 'a {…} expression (run as code)',
  mdxTextExpression: 'a {…} expression (run as code)',
  mdxJsxTextElement: 'a JSX element',
  code: 'a code block',
  inlineCode: 'inline code (`…`)',
  emphasis: 'emphasis (*…*)',
  strong: 'bold text (**…**)',
  thematicBreak: 'a thematic break (---)',
  blockquote: 'a block quote (>)',
  html: 'HTML',
  image: 'an image',
  break: 'a hard line break',
  definition: 'a link definition',
  table: 'a Markdown table (| … |)',
  delete: 'struck-through text (~~…~~)',
  footnoteReference: 'a footnote reference ([^…])',
};

function foundFigure(node: MdxJsxFlowElement): Shape {
  const [caption, ...groups] = node.children;
  const isCaption = caption?.type === 'mdxJsxFlowElement' && caption.name === 'figcaption' && attribute(caption, 'data-generated') === 'true';
  const isGroup = (g: (typeof groups)[number]) => g.type === 'mdxJsxFlowElement' && g.name === 'div' && attribute(g, 'className') === 'source-row' && g.children.every((p) => p.type === 'paragraph');
  if (attribute(node, 'className') !== 'source-lines' || !isCaption || groups.length === 0 || !groups.every(isGroup)) {
    return other('a <figure> that is not a source-lines block (class, <figcaption data-generated>, <div class="source-row"> of lines)', node);
  }
  // Each printed line is one paragraph of its row's group.
  const rows: string[] = [];
  for (const group of groups as MdxJsxFlowElement[]) {
    const lines: string[] = [];
    for (const p of group.children) {
      const shape = phrasingShape((p as Paragraph).children, (text) => ({ type: 'paragraph', text }), 'a source line');
      if (shape.type === 'other') return shape;
      lines.push((shape as { text: string }).text);
    }
    rows.push(lines.join('\n'));
  }
  return { type: 'figure', lines: attribute(node, 'data-lines') ?? '', reason: attribute(node, 'data-reason') ?? '', code: rows.join('\n\n') };
}

/** `<div class="table-scroll"><table><thead>…</thead><tbody>…</tbody></table></div>`: its rows of cell texts. */
function foundTable(node: MdxJsxFlowElement): Shape {
  const [table, ...more] = node.children;
  const element = (n: unknown, name: string): n is MdxJsxFlowElement => (n as MdxJsxFlowElement)?.type === 'mdxJsxFlowElement' && (n as MdxJsxFlowElement).name === name;
  if (!element(table, 'table') || more.length > 0 || table.children.length !== 2 || !element(table.children[0], 'thead') || !element(table.children[1], 'tbody')) {
    return other('a table wrapper that does not hold one <table> of <thead> and <tbody>', node);
  }
  const rows: string[][] = [];
  for (const part of table.children as MdxJsxFlowElement[]) {
    for (const tr of part.children) {
      if (!element(tr, 'tr')) return other('a table row that is not a <tr>', tr as Nodes);
      const cells: string[] = [];
      for (const cell of tr.children) {
        if (!element(cell, 'th') && !element(cell, 'td')) return other('a table cell that is not <th> or <td>', cell as Nodes);
        const [p, ...rest] = cell.children;
        if (!p) {
          cells.push('');
          continue;
        }
        if (p.type !== 'paragraph' || rest.length > 0) return other('a table cell that is not one paragraph', cell);
        const shape = phrasingShape(p.children, (text) => ({ type: 'paragraph', text }), 'a table cell');
        if (shape.type === 'other') return shape;
        cells.push((shape as { text: string }).text);
      }
      rows.push(cells);
    }
  }
  return { type: 'table', rows };
}

/** Text of phrasing content that is only text, links (to text) and — in list items — bold labels. */
function phrasingShape(children: PhrasingContent[], make: (text: string) => Shape, what: string, labels = false): Shape {
  let text = '';
  for (const child of children) {
    if (child.type === 'text') text += child.value;
    else if ((child.type === 'link' || (labels && child.type === 'strong')) && child.children.every((c) => c.type === 'text')) {
      text += child.children.map((c) => (c as { value: string }).value).join('');
    } else {
      return other(`${what} holding ${DESCRIPTIONS[child.type] ?? `a ${child.type}`}${excerptOf(child)}`);
    }
  }
  return make(text);
}

/** Something the emitter never writes: described with an excerpt of its text (when `node` is given). */
function other(description: string, node?: Nodes): Shape {
  return { type: 'other', description: node ? `${description}${excerptOf(node)}` : description };
}

function excerptOf(node: Nodes): string {
  const text = 'value' in node && typeof node.value === 'string' ? node.value : 'children' in node ? textOf(node.children as Nodes[]) : '';
  return text.trim() ? ` “${short(text.replace(/\s+/g, ' ').trim())}”` : '';
}

function textOf(nodes: Nodes[]): string {
  return nodes.map((n) => ('value' in n && typeof n.value === 'string' ? n.value : 'children' in n ? textOf(n.children as Nodes[]) : '')).join('');
}

function attribute(node: MdxJsxFlowElement, name: string): string | undefined {
  for (const a of node.attributes) if (a.type === 'mdxJsxAttribute' && a.name === name && typeof a.value === 'string') return a.value;
  return undefined;
}

function hasExpressionAttributes(node: MdxJsxFlowElement): boolean {
  return node.attributes.some((a) => a.type !== 'mdxJsxAttribute' || (a.value !== null && typeof a.value !== 'string'));
}

// ---------------------------------------------------------------------------------------------
// (b) Structure: the first place where the shapes differ.

interface Difference {
  line?: number;
  what: string;
}

function compareList(expected: Shape[], found: Shape[], where: string, line: number | undefined): Difference | undefined {
  for (let k = 0; k < Math.max(expected.length, found.length); k++) {
    const e = expected[k];
    const f = found[k];
    if (!e) return { line: expected[expected.length - 1]?.line ?? line, what: `it found ${describe(f!)} after the end of ${where}` };
    if (!f) return { line: e.line ?? line, what: `it found the end of ${where} where it expected ${describe(e)}` };
    const d = compareShape(e, f);
    if (d) return { line: d.line ?? e.line ?? line, what: d.what };
  }
  return undefined;
}

function compareShape(e: Shape, f: Shape): Difference | undefined {
  const mismatch = { line: e.line, what: `it found ${describe(f)} where it expected ${describe(e)}` };
  const text = (what: string, a: string, b: string) => {
    const d = textDifference(what, a, b);
    return d ? { line: e.line, what: d } : undefined;
  };
  if (e.type !== f.type) return mismatch;
  switch (e.type) {
    case 'section': {
      const g = f as typeof e;
      if (e.id !== g.id || e.className !== g.className) return mismatch;
      return compareList(e.children, g.children, `<section id="${e.id}">`, e.line);
    }
    case 'heading': {
      const g = f as typeof e;
      if (e.depth !== g.depth) return mismatch;
      return text('the heading', e.text, g.text);
    }
    case 'listed-title':
      return text('the 附件 heading from the list', e.text, (f as typeof e).text);
    case 'paragraph':
      return text('the paragraph', e.text, (f as typeof e).text);
    case 'list': {
      const g = f as typeof e;
      const k = firstDifferentItem(e.items, g.items);
      if (k === undefined) return undefined;
      const item =
        k >= e.items.length ? `item ${k + 1} “${short(g.items[k]!)}” was never written` : k >= g.items.length ? `item ${k + 1} “${short(e.items[k]!)}” is missing` : textDifference(`item ${k + 1}`, e.items[k]!, g.items[k]!);
      if (e.items.length === g.items.length) return { line: e.line, what: `in the list, ${item}` };
      return { line: e.line, what: `it found a list of ${g.items.length} items where it expected ${e.items.length}: ${item}` };
    }
    case 'table': {
      const g = f as typeof e;
      if (e.rows.length !== g.rows.length) {
        const k = firstDifferentItem(e.rows.map((r) => r.join('')), g.rows.map((r) => r.join('')))!;
        const cells = (r: string[]) => short(r.join(' | '), 40);
        const row =
          k >= e.rows.length ? `row ${k + 1} “${cells(g.rows[k]!)}” was never written` : k >= g.rows.length ? `row ${k + 1} “${cells(e.rows[k]!)}” is missing` : textDifference(`row ${k + 1}`, e.rows[k]!.join(''), g.rows[k]!.join(''));
        return { line: e.line, what: `it found ${describe(f)} where it expected ${describe(e)}: ${row}` };
      }
      // GFM gives every row the header's width: a shorter row written reads back padded with
      // empty cells, a longer one cut (which is a difference).
      const width = e.rows[0]?.length ?? 0;
      for (let r = 0; r < e.rows.length; r++) {
        const written = e.rows[r]!;
        const read = g.rows[r]!;
        if (read.length !== width || written.length > width) {
          return { line: e.line, what: `it found a table whose row ${r + 1} has ${read.length} cells where it expected ${written.length}` };
        }
        for (let c = 0; c < width; c++) {
          const d = text(`the table's row ${r + 1}, cell ${c + 1}`, written[c] ?? '', read[c]!);
          if (d) return d;
        }
      }
      return undefined;
    }
    case 'figure': {
      const g = f as typeof e;
      if (e.lines !== g.lines || e.reason !== g.reason) return mismatch;
      if (e.code === g.code) return undefined;
      const k = firstDifference(e.code, g.code);
      return { line: e.line, what: `the verbatim lines ${e.lines} read “${excerptAt(g.code, k)}” where “${excerptAt(e.code, k)}” was written` };
    }
    case 'other':
      return undefined;
  }
}

/** Index of the first item that reads differently (whitespace aside), or undefined when none does. */
function firstDifferentItem(expected: string[], found: string[]): number | undefined {
  for (let k = 0; k < Math.max(expected.length, found.length); k++) {
    if (k >= expected.length || k >= found.length || squeeze(expected[k]!) !== squeeze(found[k]!)) return k;
  }
  return undefined;
}

function describe(s: Shape): string {
  switch (s.type) {
    case 'section':
      return `<section id="${s.id}"${s.className ? ` className="${s.className}"` : ''}>`;
    case 'heading':
      return `a heading (depth ${s.depth}) “${short(s.text)}”`;
    case 'listed-title':
      return `a 附件 heading from the list “${short(s.text)}”`;
    case 'paragraph':
      return `a paragraph “${short(s.text)}”`;
    case 'list':
      return `a list of ${s.items.length} item${s.items.length === 1 ? '' : 's'}${s.items[0] ? ` (“${short(s.items[0])}” …)` : ''}`;
    case 'table':
      return `a table of ${s.rows.length} rows × ${Math.max(0, ...s.rows.map((r) => r.length))} cells`;
    case 'figure':
      return `verbatim source lines (<figure data-lines="${s.lines}">)`;
    case 'other':
      return s.description;
  }
}

function textDifference(what: string, expected: string, found: string): string | undefined {
  const e = squeeze(expected);
  const f = squeeze(found);
  if (e === f) return undefined;
  const k = firstDifference(e, f);
  return `${what} reads “${excerptAt(f, k)}” where “${excerptAt(e, k)}” was written`;
}

// ---------------------------------------------------------------------------------------------
// (a) Text: every text node of the body, in order, against the text the sections publish.

function compareText(expected: Shape[], tree: Root): Difference | undefined {
  const parts: { text: string; line?: number }[] = [];
  const walk = (s: Shape) => {
    switch (s.type) {
      case 'section':
        s.children.forEach(walk);
        break;
      case 'heading':
      case 'paragraph':
        parts.push({ text: s.text, line: s.line });
        break;
      case 'list':
        parts.push({ text: s.items.join(''), line: s.line });
        break;
      case 'table':
        parts.push({ text: s.rows.flat().join(''), line: s.line });
        break;
      case 'figure':
        parts.push({ text: s.code, line: s.line });
        break;
    }
  };
  expected.forEach(walk);
  const e = squeeze(parts.map((p) => p.text).join(''));
  const f = squeeze(bodyText(tree));
  if (e === f) return undefined;
  const k = firstDifference(e, f);
  // The block holding the first difference.
  let at = 0;
  let line: number | undefined;
  for (const p of parts) {
    line = p.line ?? line;
    at += squeeze(p.text).length;
    if (at > k) break;
  }
  if (k >= f.length) return { line, what: `its text ends before “${excerptAt(e, k)}” (text lost)` };
  if (k >= e.length) return { line, what: `its text goes on after the end with “${excerptAt(f, k)}”` };
  return { line, what: `its text reads “${excerptAt(f, k)}” where “${excerptAt(e, k)}” was written` };
}

/** All text of the body in order — text, inline code and code values — but not the generated captions. */
function bodyText(tree: Root): string {
  let text = '';
  const walk = (node: Nodes) => {
    if (node.type === 'mdxJsxFlowElement' && attribute(node, 'data-generated') === 'true') return;
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') text += node.value;
    if ('children' in node) for (const c of node.children as Nodes[]) walk(c);
  };
  walk(tree);
  return text;
}

// ---------------------------------------------------------------------------------------------
// Frontmatter: the YAML reads back as the notice.

function frontmatterDifference(yaml: string, notice: RoundTripNotice['notice']): string | undefined {
  let data: unknown;
  try {
    data = parseYaml(yaml);
  } catch (error) {
    return `its frontmatter is not valid YAML: ${(error as Error).message.split('\n')[0]}`;
  }
  const want: unknown = JSON.parse(JSON.stringify(notice));
  const d = firstValueDifference(data, want, '');
  if (!d) return undefined;
  const show = (v: unknown) => (v === undefined ? 'nothing' : short(JSON.stringify(v), 40));
  return `its frontmatter${d.path ? ` field ${d.path}` : ''} reads back as ${show(d.found)}, not ${show(d.expected)}`;
}

/** The first place (`personnel[13].title`) where two JSON values differ. */
function firstValueDifference(found: unknown, expected: unknown, path: string): { path: string; found: unknown; expected: unknown } | undefined {
  if (isDeepStrictEqual(found, expected)) return undefined;
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(found) && Array.isArray(expected)) {
    for (let k = 0; k < Math.max(found.length, expected.length); k++) {
      const d = firstValueDifference(found[k], expected[k], `${path}[${k}]`);
      if (d) return d;
    }
  } else if (isObject(found) && isObject(expected)) {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(found)])) {
      const d = firstValueDifference(found[key], expected[key], path ? `${path}.${key}` : key);
      if (d) return d;
    }
  }
  return { path, found, expected };
}

// ---------------------------------------------------------------------------------------------

/** Whitespace-insensitive: the PDF's spaces and MDX's line breaks are not the text. */
function squeeze(s: string): string {
  return s.replace(/\s+/g, '');
}

function firstDifference(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
}

/** About 20 characters around position k, for a message. */
function excerptAt(s: string, k: number): string {
  const from = Math.max(0, k - 8);
  const to = Math.min(s.length, k + 12);
  return `${from > 0 ? '…' : ''}${s.slice(from, to).replace(/\n/g, '⏎')}${to < s.length ? '…' : ''}`;
}

function short(s: string, n = 20): string {
  const chars = [...s];
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : s;
}
