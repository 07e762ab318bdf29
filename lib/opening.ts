// A notice's opening text (its first paragraphs, as its page prints them) from its MDX body:
// shared by the ingest, which stores it in the notices' catalogue (content/data/notices.json),
// and the site, whose Atom feed shows it under each entry.
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseSiteMdx } from './mdx.ts';

/** How much of a notice's text its feed entry carries: about two short paragraphs. */
export const OPENING_LENGTH = 200;

/**
 * The source up to the last blank line before `chars` characters, with the JSX flow elements left
 * open there closed — the ingest writes each `<section …>`, `</section>` on a line of its own
 * (scripts/ingest/emit-mdx.ts) — so a notice of any length is parsed only as far as its opening.
 */
function head(source: string, chars: number): string {
  if (source.length <= chars) return source;
  const cut = source.lastIndexOf('\n\n', chars);
  const text = source.slice(0, cut > 0 ? cut : chars);
  const open: string[] = [];
  for (const line of text.split('\n')) {
    const close = /^\s*<\/([A-Za-z][\w.-]*)>\s*$/.exec(line);
    const start = /^\s*<([A-Za-z][\w.-]*)\b[^>]*[^/]>\s*$|^\s*<([A-Za-z][\w.-]*)>\s*$/.exec(line);
    if (close && open.at(-1) === close[1]) open.pop();
    else if (start) open.push((start[1] ?? start[2])!);
  }
  return `${text}\n\n${open.reverse().map((name) => `</${name}>`).join('\n\n')}\n`;
}

/**
 * A notice's opening text as its page prints it, from its MDX body: its paragraphs, headings and
 * list items in order, one per line (links give their text, escapes are undone), up to `max`
 * characters, cut with “…”. Tables and the source lines kept verbatim (`<figure>`) are not
 * running text and end the opening.
 */
export function openingText(body: string, max = OPENING_LENGTH): string {
  // The site's own MDX parser (./mdx.ts): the opening reads as the page prints it, and 1,400
  // openings take 0.2 s (1.9 s with micromark, which gave the same texts).
  let tree: Root;
  try {
    tree = parseSiteMdx(head(body, max * 8));
  } catch {
    tree = parseSiteMdx(body); // a cut the line rule above could not close: the whole text, parsed once
  }
  const lines: string[] = [];
  let length = 0;
  let done = false;
  const walk = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (done || length >= max) return;
      // The ingest writes tables as JSX (`<div className="table-scroll"><table>…`), in MDX without GFM.
      if (node.type === 'code' || (node.type === 'mdxJsxFlowElement' && (node.name === 'table' || node.name === 'figure'))) {
        done = true;
        return;
      }
      if (node.type === 'paragraph' || node.type === 'heading') {
        const text = toString(node).replace(/\s+/g, ' ').trim();
        if (text) {
          lines.push(text);
          length += [...text].length;
        }
      } else if ('children' in node) walk(node.children as RootContent[]);
    }
  };
  walk(tree.children);
  const text = [...lines.join('\n')];
  return text.length > max ? `${text.slice(0, max).join('').trimEnd()}…` : text.join('');
}
