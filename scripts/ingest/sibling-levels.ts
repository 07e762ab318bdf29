// Step 5c: siblings of one numbering sequence — （一）（二）…（十二）, 1、2、3、4、 — are one level
// of the document, so they are read alike: all headings or all paragraphs. A heading is read
// from a paragraph's short lead (recover-blocks.ts), so a sibling whose lead is long (（十一）
// opening a whole sentence) or a lone short one (4、 among long items) breaks the sequence;
// here the sequence follows most of its members.
import { matchMarker } from './headings.ts';
import type { Block } from './types.ts';

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** Marker kinds whose members are numbered items of one level (not 第X条, which are articles). */
const SEQUENCE_KINDS = new Set(['cn', 'cn-paren', 'num', 'num-paren']);
/** A lead sentence longer than this is not a heading's text: the heading is its marker. */
const MAX_LEAD = 60;

/** `十二` → 12, `3` → 3; undefined when it is not a number below 100. */
export function markerNumber(marker: string): number | undefined {
  const body = marker.replace(/[（()）、.．\s]/g, '');
  if (/^\d+$/.test(body)) return Number(body);
  if (!/^[一二三四五六七八九十零〇]+$/.test(body)) return undefined;
  if (body === '十') return 10;
  const [tens, ones] = body.includes('十') ? body.split('十') : ['', body];
  return (body.includes('十') ? (tens ? CN_DIGITS[tens] : 1) * 10 : 0) + (ones ? CN_DIGITS[ones] : 0);
}

interface Member {
  /** Index of the heading or paragraph that opens with the marker. */
  at: number;
  heading: boolean;
}

/** The blocks of one section with each numbering sequence's members made one kind. */
export function levelSiblings(blocks: Block[]): Block[] {
  const sequences: Member[][] = [];
  const open = new Map<string, { n: number; members: Member[] }>();
  blocks.forEach((b, at) => {
    const text = b.kind === 'heading' ? b.text : b.kind === 'paragraph' ? b.text : undefined;
    const marker = text === undefined ? undefined : matchMarker(text);
    if (!marker || !SEQUENCE_KINDS.has(marker.kind)) return;
    const n = markerNumber(marker.text);
    if (n === undefined) return;
    const run = open.get(marker.kind);
    if (run && n === run.n + 1) {
      run.n = n;
      run.members.push({ at, heading: b.kind === 'heading' });
    } else if (n === 1) {
      const members = [{ at, heading: b.kind === 'heading' }];
      sequences.push(members);
      open.set(marker.kind, { n, members });
    }
  });
  const out: (Block | Block[])[] = [...blocks];
  const drop = new Set<number>();
  for (const members of sequences) {
    const headings = members.filter((m) => m.heading).length;
    if (headings === 0 || headings === members.length) continue;
    if (headings * 2 >= members.length) {
      const depth = (blocks[members.find((m) => m.heading)!.at] as Extract<Block, { kind: 'heading' }>).depth;
      for (const m of members.filter((x) => !x.heading)) out[m.at] = asHeading(blocks[m.at] as Extract<Block, { kind: 'paragraph' }>, depth);
    } else {
      for (const m of members.filter((x) => x.heading)) {
        const heading = blocks[m.at] as Extract<Block, { kind: 'heading' }>;
        const rest = blocks[m.at + 1];
        // The heading was the lead of one paragraph; its rest (same lines) joins it again.
        const joined = rest?.kind === 'paragraph' && rest.lines[0] === heading.lines[0] && rest.lines[1] === heading.lines[1];
        out[m.at] = { kind: 'paragraph', text: joined ? heading.text + rest.text : heading.text, lines: heading.lines };
        if (joined) drop.add(m.at + 1);
      }
    }
  }
  return out.flatMap((b, k) => (drop.has(k) ? [] : b));
}

/** A paragraph opening with a marker as a heading at `depth`: its lead sentence, or the marker alone. */
function asHeading(p: Extract<Block, { kind: 'paragraph' }>, depth: number): Block[] {
  const marker = matchMarker(p.text)!;
  const stop = p.text.search(/[。！？；]/);
  const lead = stop >= 0 && stop + 1 <= MAX_LEAD ? p.text.slice(0, stop + 1) : marker.text;
  const rest = p.text.slice(lead.length).trim();
  const heading: Block = { kind: 'heading', depth, marker: marker.text, text: lead, lines: p.lines };
  return rest ? [heading, { kind: 'paragraph', text: rest, lines: p.lines }] : [heading];
}
