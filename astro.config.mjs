// @ts-check
// Astro config for the 《威县人民政府公报》 static site.
// The output must be a pure function of content/ + src/: no image service, no remote fetches,
// no timestamps, so two builds of the same input are byte-identical (checked in CI).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

/**
 * SITE_BASE is either a path prefix (`/gazette/`) or a full URL (`https://example.org/gazette/`).
 * A full URL sets both `site` (for absolute links) and `base`; a bare path only sets `base`.
 * @param {string | undefined} raw
 */
function resolveSiteBase(raw) {
  const value = (raw ?? '').trim() || '/';
  const url = /^https?:\/\//.test(value) ? new URL(value) : undefined;
  let base = url ? url.pathname : value;
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base = `${base}/`;
  return { site: url ? new URL(base, url).href : undefined, base };
}

const { site, base } = resolveSiteBase(process.env.SITE_BASE);

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
  },
  integrations: [
    mdx({
      syntaxHighlight: false,
      smartypants: false,
      gfm: true,
    }),
  ],
  // Nothing here should ever need the network or a native image pipeline.
  image: {
    service: { entrypoint: 'astro/assets/services/noop' },
  },
  devToolbar: { enabled: false },
});
