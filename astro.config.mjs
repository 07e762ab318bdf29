// @ts-check
// Astro config for the 《威县人民政府公报》 static site.
// The output must be a pure function of content/ + src/: no image service, no remote fetches,
// no timestamps, so two builds of the same input are byte-identical (checked in CI).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import archive from './src/integrations/archive.ts';
import { headingIds } from './src/integrations/heading-ids.ts';
import { CSP_DIRECTIVES, CSP_SCRIPT_SOURCES, CSP_STYLE_SOURCES, INLINE_SCRIPTS_PENDING, inlineScriptHashes } from './src/integrations/csp.ts';

/**
 * The sitemap and the Atom feed need absolute URLs, so `site` is always set. Until the address
 * the archive will be published at is known, it is `https://example.invalid/` (a reserved name
 * that can never resolve, so a wrong address is obvious rather than plausible).
 */
const DEFAULT_SITE_URL = 'https://example.invalid/';

/**
 * SITE_BASE is either a path prefix (`/gazette/`) or a full URL (`https://example.org/gazette/`).
 * A full URL sets both `site` and `base`; a bare path sets `base`, and `site` is then its path on
 * SITE_URL's origin (`SITE_URL=https://example.org SITE_BASE=/gazette/`), or on the default.
 * @param {string | undefined} raw
 * @param {string | undefined} siteUrl
 */
function resolveSiteBase(raw, siteUrl) {
  const value = (raw ?? '').trim() || '/';
  const url = /^https?:\/\//.test(value) ? new URL(value) : undefined;
  let base = url ? url.pathname : value;
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base = `${base}/`;
  return { site: new URL(base, url ?? (siteUrl?.trim() || DEFAULT_SITE_URL)).href, base };
}

const { site, base } = resolveSiteBase(process.env.SITE_BASE, process.env.SITE_URL);

export default defineConfig({
  site,
  base,
  output: 'static',
  // Overridable so tests can make isolated real builds (determinism, fixture seeds) beside dist/.
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  publicDir: 'public',
  build: {
    format: 'directory',
    // One shared stylesheet file instead of CSS inlined into every page.
    inlineStylesheets: 'never',
  },
  // The gazette text must reach the page unchanged: no smart quotes/dashes rewriting the
  // printed punctuation, and no syntax highlighter restyling the verbatim source lines.
  markdown: {
    syntaxHighlight: false,
    // Heading ids `h-<slug>`: the gazette's `1.` headings would otherwise give ids that start
    // with a digit (src/integrations/heading-ids.ts). MDX inherits this processor.
    processor: satteri({ hastPlugins: [headingIds()] }),
  },
  // Every page carries a Content-Security-Policy <meta> (static hosting sends no headers): only
  // this site's own scripts and styles, and WebAssembly for the search (src/integrations/csp.ts).
  // Astro adds the hashes of any script or style it inlines itself; an `is:inline` script is not
  // hashed, so it is refused — scripts live in files.
  security: {
    csp: {
      directives: [...CSP_DIRECTIVES],
      // The one inline script left (the search page's, moving into a file) is allowed by its hash.
      scriptDirective: { resources: [...CSP_SCRIPT_SOURCES], hashes: inlineScriptHashes(fileURLToPath(new URL('.', import.meta.url)), INLINE_SCRIPTS_PENDING) },
      styleDirective: { resources: [...CSP_STYLE_SOURCES] },
    },
  },
  // Pages whose code and cacheKey did not change are taken from cacheDir, not rendered again
  // (the notice pages: src/lib/cache-key.ts). Astro 7.2+.
  experimental: {
    incrementalBuild: true,
  },
  integrations: [
    mdx({
      syntaxHighlight: false,
      smartypants: false,
      gfm: true,
    }),
    // sitemap-index.xml + sitemap-0.xml: HTML pages only (not the JSON, the feed or the seeds).
    sitemap({ filter: (page) => page.endsWith('/') }),
    // After the sitemap: copies seeds/*.txt into dist/seeds/ and checks sitemap and feed links.
    archive(),
  ],
  // Nothing here should ever need the network or a native image pipeline.
  image: {
    service: { entrypoint: 'astro/assets/services/noop' },
  },
  devToolbar: { enabled: false },
});
