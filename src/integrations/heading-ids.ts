// Ids of the headings in a notice's text (the MDX): `h-` + the GitHub slug of the heading.
// Astro's own heading ids are the bare slug, and the gazette numbers its headings `1.`, `（1）`…,
// so a slug often starts with a digit (`1梳理权责清单`) — not a valid id in HTML's stricter
// profile (html-validate's valid-id), and unusable as a CSS selector without escaping. One prefix
// on every heading, not only the ones that start with a digit, keeps the rule predictable and keeps
// the text's ids apart from the page's own (`main`, `cover`, `document`, `attachment-2`, …).
import Slugger from 'github-slugger';
import type { SatteriProcessorOptions } from '@astrojs/markdown-satteri';

type HastPluginEntry = NonNullable<SatteriProcessorOptions['hastPlugins']>[number];

/** What every heading id of a notice's text starts with. */
export const HEADING_ID_PREFIX = 'h-';

/**
 * A Sätteri hast plugin (Astro 7's Markdown/MDX processor) that gives each heading `h1`–`h6`
 * the id `h-<slug>`. It runs before Astro's own heading-id step, which keeps an id already set
 * and reports it to `getHeadings()`, so the contents list links to the same ids. A factory: one
 * slugger per document, so a repeated heading gets `-1`, `-2` as Astro's would.
 */
export function headingIds(): HastPluginEntry {
  return () => {
    const slugger = new Slugger();
    return {
      name: 'gazette-heading-ids',
      element: {
        filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
        visit(node, ctx) {
          if (typeof node.properties?.id === 'string') return;
          ctx.setProperty(node, 'id', `${HEADING_ID_PREFIX}${slugger.slug(ctx.textContent(node))}`);
        },
      },
    };
  };
}
