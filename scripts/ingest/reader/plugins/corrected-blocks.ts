// Step 7b: the archivist's corrections of blocks — the names on a line of a personnel list,
// the columns of a table kept as source lines — applied to the blocks just recovered. A
// correction that finds nothing to apply to is a problem on the corrections file, so a
// correction never silently stops working when the reading changes.
import type { VFile } from 'vfile';
import { correctionLines, correctionsFileOf, type Correction } from '../../../../schemas/corrections.ts';
import { blockToMdast } from '../../block-mdast.ts';
import { normalizeTitle } from '../../parse-header.ts';
import { reflow } from '../../recover-blocks.ts';
import { tableFromReading } from '../../recover-tables.ts';
import { readTable, type Said } from '../../table-reading.ts';
import { givenRows, tableRows, type RowLines, type RowStart } from '../../table-rows.ts';
import type { Block, Member, SourceLine } from '../../types.ts';
import { report } from '../report.ts';
import { positionOf, type BlockNode, type IssueTree } from '../types.ts';

type Names = Extract<Correction, { kind: 'names' }>;
type NotAList = Extract<Correction, { kind: 'not-a-list' }>;
type TableColumns = Extract<Correction, { kind: 'table' }>;

export function correctedBlocks() {
  return (tree: IssueTree, file: VFile): void => {
    const shown = correctionsFileOf(file.path);
    const byLine = new Map(tree.data.lines.map((l) => [l.line, l]));
    for (const c of tree.data.corrections) {
      if (c.kind !== 'names' && c.kind !== 'table' && c.kind !== 'not-a-list') continue;
      const [first, last] = correctionLines(c);
      const node = tree.children.flatMap((n) => n.children).flatMap((s) => s.children).find((b) => b.data.block.lines[0] <= first && last <= b.data.block.lines[1]);
      const outcome = !node
        ? `no block of a notice holds line ${first}`
        : c.kind === 'names'
          ? correctNames(node, c, byLine)
          : c.kind === 'not-a-list'
            ? correctNotAList(node, c, tree.data.lines)
            : correctTable(node, c, tree.data.lines);
      if (typeof outcome === 'string') report(file, c.at, `expected the ${c.kind} correction of line${first === last ? '' : 's'} ${first === last ? first : `${first}–${last}`} to apply, but ${outcome}`, shown);
    }
  };
}

function replace(node: BlockNode, block: Block): void {
  const next = { ...blockToMdast(block), data: { block }, position: positionOf(block.lines[0], block.lines[1]) } as BlockNode;
  for (const key of Object.keys(node)) delete (node as unknown as Record<string, unknown>)[key];
  Object.assign(node, next);
}

/** The printed text of `name` in `text`, padding allowed (`韩 超`): its start and end, or undefined. */
function findName(text: string, name: string, from: number): [number, number] | undefined {
  const re = new RegExp([...name].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*'), 'g');
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? [m.index, m.index + m[0].length] : undefined;
}

/** A line of a list the reader took for a paragraph (`副组长：李四王五 副县长`): its label and role. */
function paragraphLabel(text: string): { label: string; role: string } | undefined {
  const m = /^([\u3400-\u9fff](?:\s*[\u3400-\u9fff]){1,7})\s*([：:])/.exec(text);
  return m ? { label: m[1].replace(/\s+/g, '') + m[2], role: m[1].replace(/\s+/g, '') } : undefined;
}

function correctNames(node: BlockNode, c: Names, byLine: Map<number, SourceLine>): true | string {
  let block = node.data.block;
  const printed = byLine.get(c.line)!.text.trim();
  if (block.kind === 'paragraph' && block.lines[0] === c.line && block.lines[1] === c.line) {
    // A list line read as a paragraph: it becomes a list of the names given, under its label.
    const found = paragraphLabel(printed);
    if (!found && !c.role) return `line ${c.line} is read as a paragraph and has no role label (such as 副组长：) to list its names under: give their role (role: 成员)`;
    block = { kind: 'personnel', members: [{ role: c.role ?? found!.role, ...(found ? { label: found.label } : {}), name: '', title: '', lines: [c.line, c.line] }], lines: block.lines };
  }
  if (block.kind !== 'personnel') return `line ${c.line} is read as a ${block.kind}, not as part of a personnel list`;
  const onLine = block.members.filter((m) => m.lines[0] <= c.line && c.line <= m.lines[1]);
  if (onLine.length === 0) return `no member of the list is read from line ${c.line}`;
  // The role label printed on this line stays the label of its first member.
  const label = onLine[0].label && onLine[0].lines[0] === c.line ? onLine[0].label : undefined;
  let rest = printed;
  if (label) {
    const at = findName(printed, label.replace(/[：:]$/, ''), 0);
    const colon = at ? printed.slice(at[1]).search(/[：:]/) : -1;
    if (!at || colon < 0) return `the label ${label} is not printed on line ${c.line}`;
    rest = printed.slice(at[1] + colon + 1);
  }
  const spans: [number, number][] = [];
  for (const name of c.names) {
    const at = findName(rest, name, spans.at(-1)?.[1] ?? 0);
    if (!at) return `line ${c.line} does not print ${name}${spans.length > 0 ? ` after ${c.names[spans.length - 1]}` : ''}: “${printed}”`;
    spans.push(at);
  }
  if (rest.slice(0, spans[0][0]).trim() !== '') return `line ${c.line} prints “${rest.slice(0, spans[0][0]).trim()}” before ${c.names[0]}: a names correction starts at the first name`;
  // Lines the members of this line went on to (a title wrapped below) stay with the last one.
  const lastLine = Math.max(...onLine.map((m) => m.lines[1]));
  const more = [...Array(lastLine - c.line).keys()].map((k) => byLine.get(c.line + k + 1)?.text.trim() ?? '').filter(Boolean);
  const role = c.role ?? onLine[0].role;
  const corrected: Member[] = c.names.map((name, k) => {
    const segment = rest.slice(spans[k][0], spans[k + 1]?.[0] ?? rest.length).trim() + (k === c.names.length - 1 && more.length > 0 ? more.join('') : '');
    const after = segment.slice(spans[k][1] - spans[k][0]);
    const title = normalizeTitle(after.replace(/^[\s（(]+|[）)、，,\s]+$/g, ''));
    const text = normalizeTitle(segment);
    return {
      role,
      name,
      title,
      lines: [c.line, k === c.names.length - 1 ? lastLine : c.line],
      ...(k === 0 && label ? { label } : {}),
      ...(text !== `${name}${title ? ` ${title}` : ''}` && text !== `${name}${title}` ? { text } : {}),
    };
  });
  const members = block.members.flatMap((m) => (m === onLine[0] ? corrected : onLine.includes(m) ? [] : [m]));
  replace(node, { ...block, members });
  return true;
}

function correctNotAList(node: BlockNode, c: NotAList, lines: SourceLine[]): true | string {
  const block = node.data.block;
  if (block.kind !== 'personnel') return `lines ${c.lines[0]}–${c.lines[1]} are read as a ${block.kind}, not as a personnel list`;
  if (block.lines[0] !== c.lines[0] || block.lines[1] !== c.lines[1]) return `the list runs over lines ${block.lines[0]}–${block.lines[1]}: name all of it (lines: [${block.lines[0]}, ${block.lines[1]}])`;
  // The list's lines as one paragraph, wrapped lines joined as everywhere else.
  const text = reflow(lines.filter((l) => l.line >= c.lines[0] && l.line <= c.lines[1]).map((l) => l.text));
  replace(node, { kind: 'paragraph', text, lines: c.lines });
  return true;
}

function correctTable(node: BlockNode, c: TableColumns, lines: SourceLine[]): true | string {
  const block = node.data.block;
  if (block.kind !== 'raw') return `lines ${c.lines[0]}–${c.lines[1]} are read as a ${block.kind}, not as a table kept as source lines`;
  if (block.lines[0] !== c.lines[0] || block.lines[1] !== c.lines[1]) return `the table kept as source lines runs over lines ${block.lines[0]}–${block.lines[1]}: correct all of it (lines: [${block.lines[0]}, ${block.lines[1]}])`;
  if (c.heads && c.columns !== undefined) return 'it gives both columns and heads: give one';
  if (c.widths && (!c.heads || c.widths.length !== c.heads.length)) return `it gives ${c.widths.length} widths: give one per head (heads: [...])`;
  if (!c.heads && (c.rows || c.byHand || c.shortLines)) return 'it gives rows, byHand or shortLines without the heads they name: give the heads (heads: [...])';
  if (c.heads) {
    const index = (head: string): number | string => (c.heads!.includes(head) ? c.heads!.indexOf(head) : `${head} is not one of its heads (${c.heads!.join(', ')})`);
    const hand = (c.byHand ?? []).map(index);
    const bad = hand.find((h) => typeof h === 'string');
    if (bad !== undefined) return `byHand: ${bad}`;
    const said = { hand: hand as number[], short: c.shortLines };
    if (!c.rows) return correctHeads(node, c.heads, c.widths, block.source, said);
    const starts: RowStart[] = [];
    for (const r of c.rows) {
      const spec = typeof r === 'number' ? { line: r } : r;
      const merged = (spec.merged ?? []).map(index);
      const wrong = merged.find((m) => typeof m === 'string');
      if (wrong !== undefined) return `the row at line ${spec.line}: merged: ${wrong}`;
      starts.push({ line: spec.line, ...(spec.at ? { at: spec.at } : {}), merged: merged as number[] });
    }
    const rows = givenRows(block.source, starts);
    if (typeof rows === 'string') return rows;
    return readCorrected(node, rows, c.heads, c.widths, block.source, said);
  }
  if (c.columns === undefined) return 'it gives neither columns nor heads';
  const cells = lines.filter((l) => l.line >= c.lines[0] && l.line <= c.lines[1]).map((l) => normalizeTitle(l.text));
  if (cells.length % c.columns! !== 0) return `lines ${c.lines[0]}–${c.lines[1]} hold ${cells.length} cells, not a whole number of rows of ${c.columns}`;
  const rows: string[][] = [];
  for (let k = 0; k < cells.length; k += c.columns!) rows.push(cells.slice(k, k + c.columns!));
  const table: Block = { kind: 'table', header: [rows[0]], rows: rows.slice(1), lines: c.lines };
  // The source lines outside the corrected range stay as they were, around the table.
  const before = block.source.filter((l) => l.line < c.lines[0]);
  const after = block.source.filter((l) => l.line > c.lines[1]);
  if (before.length > 0 || after.length > 0) return `the table kept as source lines runs over lines ${block.lines[0]}–${block.lines[1]}: correct all of it (lines: [${block.lines[0]}, ${block.lines[1]}])`;
  replace(node, table);
  return true;
}

/** The heads (and column widths) given, over rows read from the widths of their lines (../../table-reading.ts). */
function correctHeads(node: BlockNode, heads: string[], widths: number[] | undefined, source: SourceLine[], said: Said): true | string {
  const rows = tableRows(source);
  if (!rows) return 'its 序号 do not run 1, 2, 3 … at the starts of lines';
  return readCorrected(node, rows, heads, widths, source, said);
}

/** The rows read with what the correction says; the block replaced when exactly one reading fits. */
function readCorrected(node: BlockNode, rows: RowLines[], heads: string[], widths: number[] | undefined, source: SourceLine[], said: Said): true | string {
  const read = readTable(rows, (parts) => normalizeTitle(parts.join(' ')), heads, widths, said);
  if ('reason' in read) return `with the heads ${heads.join(' | ')}, ${read.reason}`;
  const parsed = tableFromReading(read, 0);
  if ('reason' in parsed) return parsed.reason;
  const { header, rows: body, headerAt, rowLines, evidence } = parsed;
  replace(node, { kind: 'table', header, rows: body, ...(headerAt ? { headerAt } : {}), rowLines, evidence: evidence!, lines: [source[0].line, source.at(-1)!.line] });
  return true;
}
