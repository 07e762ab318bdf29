// Links every mention of a known entity in a notice's text to its page: people, organizations
// (under any alias), cited documents. Matching is leftmost-longest over all surface forms, so
// 李明臣 is never read as 李明 + 臣 and 县住房和城乡建设局 wins over 县住建局's shorter forms.
// Only markup changes: the link text is exactly the matched text, so nothing is lost.
import type { PhrasingContent } from 'mdast';

export interface MentionForm {
  form: string;
  /** Site path without base or leading slash: `people/gao-kaiying/`. */
  path: string;
}

/** A span of text to link, found by something other than a fixed form (e.g. a 文号 variant). */
export type SpanFinder = (text: string) => Span[];

export interface Span {
  index: number;
  length: number;
  path: string;
}

export class Linker {
  private pattern: RegExp | undefined;
  private paths = new Map<string, string>();
  private finders: SpanFinder[];
  // Every text is matched twice — for the entities' "notices naming" lists, then to link it — and
  // matching is the ingest's largest cost after writing MDX: each text is matched once.
  private memo = new Map<string, Span[]>();

  constructor(forms: MentionForm[], finders: SpanFinder[] = []) {
    this.finders = finders;
    for (const f of forms) if (f.form && !this.paths.has(f.form)) this.paths.set(f.form, f.path);
    const sorted = [...this.paths.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
    if (sorted.length > 0) this.pattern = new RegExp(sorted.map(escape).join('|'), 'g');
  }

  /** All non-overlapping mentions in text, leftmost first, longest at each position. */
  spans(text: string): Span[] {
    let chosen = this.memo.get(text);
    if (!chosen) this.memo.set(text, (chosen = this.match(text)));
    return chosen;
  }

  private match(text: string): Span[] {
    const found = this.finders.flatMap((find) => find(text));
    if (this.pattern) for (const m of text.matchAll(this.pattern)) found.push({ index: m.index, length: m[0].length, path: this.paths.get(m[0])! });
    found.sort((a, b) => a.index - b.index || b.length - a.length);
    const chosen: typeof found = [];
    let end = 0;
    for (const s of found) {
      if (s.index < end) continue;
      chosen.push(s);
      end = s.index + s.length;
    }
    return chosen;
  }

  /** Text → phrasing nodes with links, relative to a page `depth` folders below the site root. */
  link(text: string, depth: number): PhrasingContent[] {
    const up = '../'.repeat(depth);
    const nodes: PhrasingContent[] = [];
    let at = 0;
    for (const s of this.spans(text)) {
      if (s.index > at) nodes.push({ type: 'text', value: text.slice(at, s.index) });
      nodes.push({ type: 'link', url: up + s.path, children: [{ type: 'text', value: text.slice(s.index, s.index + s.length) }] });
      at = s.index + s.length;
    }
    if (at < text.length) nodes.push({ type: 'text', value: text.slice(at) });
    return nodes;
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
