// Heading markers of Chinese official documents, outermost first as they usually nest.
// Depth is not fixed per marker: it is the order in which markers first appear in a section
// (a 办法 goes 第一章 → 第一条; a 方案 goes 一、→（一）→ 1. →（1）).

export interface Marker {
  kind: string;
  /** The marker as printed: `一、`, `（一）`, `1.`, `第一章`. */
  text: string;
}

const CN = '[一二三四五六七八九十百零〇]+';
const PATTERNS: [kind: string, pattern: RegExp][] = [
  ['chapter', new RegExp(`^第${CN}章`)],
  ['part', new RegExp(`^第${CN}节`)],
  ['article', new RegExp(`^第${CN}条`)],
  ['cn', new RegExp(`^${CN}、`)],
  ['cn-paren', new RegExp(`^[（(]${CN}[）)]`)],
  // `1.` but not `1.5 万亩`: a decimal is not a marker.
  ['num', /^\d{1,2}[.．、](?!\d)/],
  ['num-paren', /^[（(]\d{1,2}[）)]/],
];

export function matchMarker(text: string): Marker | undefined {
  const trimmed = text.trimStart();
  for (const [kind, pattern] of PATTERNS) {
    const m = pattern.exec(trimmed);
    if (m) return { kind, text: m[0] };
  }
  return undefined;
}

/** Tracks the nesting of marker kinds within one section. */
export class MarkerStack {
  private stack: string[] = [];
  /** 0 for the outermost marker kind seen so far, 1 for the next, … */
  level(kind: string): number {
    const at = this.stack.indexOf(kind);
    if (at >= 0) {
      this.stack.length = at + 1;
      return at;
    }
    this.stack.push(kind);
    return this.stack.length - 1;
  }
}
