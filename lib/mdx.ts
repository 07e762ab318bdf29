// Reading MDX the way the site does: Sätteri, the parser Astro compiles the pages' MDX with
// (astro.config.mjs: `@astrojs/markdown-satteri` as the markdown processor, which MDX inherits),
// with the features the site sets — no GFM, no smart punctuation. Shared by the
// ingest's round trip (scripts/ingest/round-trip.ts), which checks that every MDX file reads back
// as written, and the notices' opening texts (./opening.ts).
import type { Root } from 'mdast';
import { mdxToMdast } from 'satteri';

/** The MDX features of astro.config.mjs (`mdx({ gfm: false, smartypants: false })`). */
export const SITE_MDX_FEATURES = { gfm: false, smartPunctuation: false } as const;

/**
 * An MDX body (without its frontmatter) as the site's parser reads it: an mdast tree with MDX
 * nodes (mdxJsxFlowElement, mdxjsEsm, mdxFlowExpression …). Throws, as the site's build would, on
 * MDX it cannot parse; the message starts with `line:column: `.
 */
export function parseSiteMdx(body: string): Root {
  return mdxToMdast(body, { features: SITE_MDX_FEATURES }) as Root;
}
