// The typography of a notice's text, applied when its MDX is compiled, not when each page renders:
// every 文号, date, count and phone number in a paragraph, list item or table cell kept on one line
// (`unbreakableRuns`, src/lib/format.ts), phone numbers outside links made tel: links, a cell
// holding only a number marked `num` (aligned right), and each Markdown table wrapped in its
// scrolling box (`div.table-scroll`, as the ingest writes around the tables it rebuilds).
// Done per page by Astro components before (src/components/body/, each rendering its slot to a
// string and running the regexes over it): ~30 % of the render at 100 issues. As compile-time
// markup the body has no components left, so MDX's `optimize` turns it into static HTML.
// Not a character of text is added or changed (the no-loss check compares the page with the seed).
import type { SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import { NOWRAP_CLASS, isNumericCell, telHref, unbreakableRuns } from '../lib/format.ts';

type HastPluginEntry = NonNullable<SatteriProcessorOptions['hastPlugins']>[number];

/** Elements whose text gets the typography: the ones the notice's text is written in. */
const TEXT_BLOCKS = new Set(['p', 'li', 'td', 'th']);
const CELLS = ['td', 'th'];

type AnyNode = { type: string; tagName?: string; name?: string | null; value?: string; properties?: Record<string, unknown> };
/** The tag of an element, whether Markdown made it (`element`) or the MDX wrote it as JSX (`<td>`). */
const tagOf = (node: AnyNode): string | undefined => (node.type === 'element' ? node.tagName : node.type.startsWith('mdxJsx') ? (node.name ?? undefined) : undefined);

/** The hast nodes for a text: its unbreakable runs as `<span class="nw">`, phones as tel: links unless already in a link. */
function typeset(text: string, inLink: boolean): AnyNode[] | undefined {
  const runs = unbreakableRuns(text);
  if (runs.every((run) => !run.kind)) return undefined;
  return runs.map((run) => {
    if (!run.kind) return { type: 'text', value: run.text };
    const children = [{ type: 'text', value: run.text }];
    if (run.kind === 'phone' && !inLink) return { type: 'element', tagName: 'a', properties: { className: [NOWRAP_CLASS, 'tel'], href: telHref(run.text) }, children };
    return { type: 'element', tagName: 'span', properties: { className: [NOWRAP_CLASS] }, children };
  });
}

/**
 * A Sätteri hast plugin (Astro 7's Markdown/MDX processor) for the notice bodies: the
 * typography above, on `p`, `li`, `td` and `th` (Markdown or JSX) and `table`. The page's text
 * is exactly the MDX's.
 */
export function bodyTypography(): HastPluginEntry {
  const cell = {
    filter: CELLS,
    visit(node: any, ctx: any) {
      if (!isNumericCell(ctx.textContent(node))) return;
      if (node.type === 'element') {
        const existing = node.properties?.className;
        ctx.setProperty(node, 'className', [...(Array.isArray(existing) ? existing : existing ? [existing] : []), 'num']);
      } else {
        const existing = node.attributes?.find((a: any) => a.type === 'mdxJsxAttribute' && (a.name === 'className' || a.name === 'class'));
        if (existing && typeof existing.value !== 'string') throw new Error(`a table cell with a computed class cannot be marked numeric (${ctx.fileURL ?? 'MDX'})`);
        ctx.setProperty(node, existing?.name ?? 'className', existing ? `${existing.value} num` : 'num');
      }
    },
  };
  const table = {
    filter: ['table'],
    visit(node: any, ctx: any) {
      ctx.wrapNode(node, { type: 'element', tagName: 'div', properties: { className: ['table-scroll'], tabIndex: 0 }, children: [] });
    },
  };
  // Each p, li, td and th sets the text of its own subtree, down to (not into) a nested one, which
  // is visited itself: no text is set twice, and no node's ancestors need looking up (Sätteri's
  // `parent()` materializes them: 5 ms a notice where this takes 0.5).
  const block = {
    filter: [...TEXT_BLOCKS],
    visit(node: any, ctx: any) {
      // Most blocks have nothing to set: their children are then never materialized (the
      // runs of the concatenated text are a superset of those of its text nodes).
      if (!unbreakableRuns(ctx.textContent(node)).some((run) => run.kind)) return;
      const walk = (parent: any, inLink: boolean) => {
        for (const child of parent.children ?? []) {
          if (child.type === 'text') {
            const nodes = typeset(child.value, inLink);
            if (nodes) ctx.replaceNode(child, nodes);
            continue;
          }
          const tag = tagOf(child);
          if (tag && TEXT_BLOCKS.has(tag)) continue;
          if (child.children) walk(child, inLink || tag === 'a');
        }
      };
      walk(node, false);
    },
  };
  return {
    name: 'gazette-body-typography',
    element: [cell, table, block],
    // A table the ingest rebuilt is JSX and comes in its box already (scripts/ingest/block-mdast.ts).
    mdxJsxFlowElement: [cell, block],
  } as unknown as HastPluginEntry;
}
