// Step 5b: turn one section's lines into blocks — personnel lists and tables first (their
// matchers decide what they own), then headings and reflowed paragraphs from what is left.
import { dateLine } from './dates.ts';
import { matchMarker, MarkerStack } from './headings.ts';
import { signatureNames } from './issuers.ts';
import { normalizeTitle } from './parse-header.ts';
import { levelSiblings } from './sibling-levels.ts';
import { compact } from './split-issue.ts';
import { displayWidth } from './text-width.ts';
import type { Block, SourceLine } from './types.ts';

type Matcher = (lines: SourceLine[], start: number) => { block: Block; end: number } | null;

export function recoverBlocks(lines: SourceLine[], matchers: Matcher[], headingBase: number): Block[] {
  const blocks: Block[] = [];
  const stack = new MarkerStack();
  const widths = lines.map((l) => displayWidth(l.text));
  // What the matchers make of each line, asked once: the line that ends a paragraph because a
  // table or a list starts there is the line the next block is matched at, and a table's reading
  // is a search (./table-reading.ts), not to be made twice.
  const asked = new Map<number, ReturnType<Matcher>[]>();
  const matchesAt = (k: number) => {
    let found = asked.get(k);
    if (!found) asked.set(k, (found = matchers.map((m) => m(lines, k))));
    return found;
  };
  let i = 0;
  while (i < lines.length) {
    const matched = matchesAt(i).find((m) => m && m.end > i);
    if (matched) {
      blocks.push(matched.block);
      i = matched.end;
      continue;
    }
    // One paragraph: from i until the text's own signals say it ended.
    let j = i + 1;
    while (j < lines.length && !startsParagraph(lines, widths, j) && !matchesAt(j).some(Boolean)) j++;
    blocks.push(...paragraphBlocks(lines.slice(i, j), stack, headingBase));
    i = j;
  }
  return levelSiblings(blocks);
}

/** The column width around line i: most lines are full, so a high percentile of the neighbours. */
function columnWidth(widths: number[], i: number): number {
  // A typed array sorts numbers without a comparator call per pair (ascending: the quarter from the top).
  const window = Float64Array.from(widths.slice(Math.max(0, i - 12), i + 13)).sort();
  return window[window.length - 1 - Math.floor(window.length / 4)]!;
}

const SENTENCE_END = /[。！？；：:;!?]$/;
const CLOSING_END = /[。！？；：:;!?][”’」』）)]?$/;

/** A line that is a date and nothing else — not `2024年5月31日）`, the end of a wrapped heading. */
const plainDate = (text: string) => !/[（()）]/.test(text) && dateLine(text) !== undefined;

/** Does line j start a new paragraph? Decided from the line before it and its own shape. */
function startsParagraph(lines: SourceLine[], widths: number[], j: number): boolean {
  const text = lines[j].text;
  const previous = lines[j - 1].text;
  if (matchMarker(text)) return true;
  // The 署名 and the 成文日期 under it close a text: each stands on its own line, however short
  // the section around them (GB/T 9704).
  if (plainDate(text) || plainDate(previous) || (signatureNames(text) && plainDate(lines[j + 1]?.text ?? ''))) return true;
  const column = columnWidth(widths, j);
  const previousShort = widths[j - 1] < column - 1;
  if (previousShort && CLOSING_END.test(previous)) return true;
  // A line far shorter than the column ends its paragraph even without punctuation (a title,
  // 特此通告) — unless it is a first line that lost its 2-em indent, which is only ~2 em short.
  if (widths[j - 1] < column - 3.5) return true;
  // The PDF dropped the 2-em first-line indent: a full line after a sentence end, 2 em short.
  const firstLineShape = widths[j] > column - 2.9 && widths[j] < column - 1.1;
  return CLOSING_END.test(previous) && firstLineShape;
}

/** Join wrapped lines: Chinese joins without a space; two Latin/digit words keep one. */
export function reflow(texts: string[]): string {
  return normalizeTitle(
    texts.reduce((joined, t) => {
      const next = t.trim();
      return joined && /[A-Za-z0-9]$/.test(joined) && /^[A-Za-z0-9]/.test(next) ? `${joined} ${next}` : joined + next;
    }, ''),
  );
}

/** A paragraph that opens with a heading marker gives a heading (its lead) and the rest. */
function paragraphBlocks(part: SourceLine[], stack: MarkerStack, base: number): Block[] {
  const lines: [number, number] = [part[0].line, part[part.length - 1].line];
  const text = reflow(part.map((l) => l.text));
  const marker = matchMarker(text);
  if (!marker) return [{ kind: 'paragraph', text, lines }];
  const after = text.slice(marker.text.length);
  const lead = headingLead(text, marker);
  if (!lead) return [{ kind: 'paragraph', text, lines }];
  const depth = Math.min(6, base + stack.level(marker.kind));
  const heading: Block = { kind: 'heading', depth, marker: marker.text, text: lead, lines };
  const rest = text.slice(compactLength(text, lead)).trim();
  return rest ? [heading, { kind: 'paragraph', text: rest, lines }] : [heading];
}

/**
 * The heading part of a paragraph that opens with a marker, or undefined when it is a list
 * item rather than a heading. A heading is a short lead sentence followed by the text it heads
 * (`（一）指导思想。坚持…`), or a short title standing alone (`一、总体要求`). An item that is one
 * whole sentence (`（6）鼓励其他单位和个人…情况。`) or ends in `；` is an enumeration, not a heading.
 */
function headingLead(text: string, marker: { kind: string; text: string }): string | undefined {
  const after = text.slice(marker.text.length).trim();
  if (marker.kind === 'article') {
    // `第七条 申请程序` has a title; `第一条 为推进…` starts its text at once.
    return after.length <= 15 && !/[，。；：、！？]/.test(after) ? `${marker.text} ${after}`.trim() : marker.text;
  }
  if (marker.kind === 'chapter' || marker.kind === 'part') return after.length <= 30 ? `${marker.text} ${after}`.trim() : marker.text;
  const stop = after.search(/[。！？；]/);
  if (stop < 0) return compact(after).length <= 30 && !/[，、]$/.test(after) ? text : undefined;
  if (after[stop] === '；') return undefined;
  const rest = after.slice(stop + 1).trim();
  const leadLength = compact(after.slice(0, stop + 1)).length;
  if (rest) return leadLength <= 36 ? text.slice(0, text.length - after.length + stop + 1) : undefined;
  return leadLength <= 20 && !/[，、]/.test(after) ? text : undefined;
}

/** Length of the prefix of `text` that holds the same non-space characters as `lead`. */
function compactLength(text: string, lead: string): number {
  const want = compact(lead).length;
  let seen = 0;
  let k = 0;
  while (k < text.length && seen < want) if (!/\s/.test(text[k++])) seen++;
  return k;
}
