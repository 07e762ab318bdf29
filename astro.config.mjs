// @ts-check
// Astro config for the 《威县人民政府公报》 static site.
// The output must be a pure function of content/ + src/: no image service, no remote fetches,
// no timestamps, so two builds of the same input are byte-identical (checked in CI).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import archive from './src/integrations/archive.ts';
import { resolveSiteBase } from './lib/site-url.ts';
import { headingIds } from './src/integrations/heading-ids.ts';
import { otherShardsPages } from './src/integrations/shard-pages.ts';
import { bodyTypography } from './src/integrations/body-typography.ts';
import { CSP_DIRECTIVES, CSP_SCRIPT_SOURCES, CSP_STYLE_SOURCES } from './src/integrations/csp.ts';

// The sitemap and the Atom feed need absolute URLs, so `site` is always set: from SITE_BASE as a
// full URL, else SITE_URL, else https://example.invalid/ (lib/site-url.ts; the build
// warns in one line when it is the default).
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
    // Pages rendered at a time. With one, the render waits on each page's file writes (mkdir,
    // open, write, close on libuv's threads): at 100 issues a quarter of the render phase was
    // idle. With 16 in flight it renders while they write: the phase took 10.9–13.7 s (three
    // builds, Astro alone) against 17.2 and 20.7 s with one (two builds), with the same peak
    // memory and the same dist/, byte for byte. Pages share no state that depends on their order.
    concurrency: 16,
  },
  // The gazette text must reach the page unchanged: no smart quotes/dashes rewriting the
  // printed punctuation, and no syntax highlighter restyling the verbatim source lines.
  markdown: {
    syntaxHighlight: false,
    // Heading ids `h-<slug>`: the gazette's `1.` headings would otherwise give ids that start
    // with a digit (src/integrations/heading-ids.ts). The notice text's typography — 文号, dates,
    // counts and phone numbers on one line, tel: links, numeric cells, table boxes — is markup
    // written here too, once per notice, not at every render (src/integrations/body-typography.ts).
    // MDX inherits this processor.
    processor: satteri({ hastPlugins: [headingIds(), bodyTypography()] }),
  },
  // Every page carries a Content-Security-Policy <meta> (static hosting sends no headers): only
  // this site's own scripts and styles, and WebAssembly for the search (src/integrations/csp.ts).
  // Astro adds the hashes of any script or style it inlines itself; an `is:inline` script is not
  // hashed, so it is refused — scripts live in files.
  security: {
    csp: {
      directives: [...CSP_DIRECTIVES],
      scriptDirective: { resources: [...CSP_SCRIPT_SOURCES] },
      styleDirective: { resources: [...CSP_STYLE_SOURCES] },
    },
  },
  // No `experimental.incrementalBuild`: it restored unchanged notice pages from cacheDir on a
  // rebuild, but writing every page there too made each full build 2-3 s slower at 100 issues
  // (Astro alone: 33.7 and 34.6 s without, 35.9 and 38.0 with), while a rebuild after a changed
  // seed waits for the search index anyway (longer than Astro's render then: 46.9 against 39.1 s).
  // A site published from a fresh clone never has the cache at all.
  integrations: [
    mdx({
      // The body passes no components (its typography is compiled in), so every static subtree
      // becomes one HTML string instead of a JSX call per element: at 100 issues this cut the
      // render of the 1,400 notice pages by more than half and the bundle's size by half.
      optimize: true,
      syntaxHighlight: false,
      smartypants: false,
      // No GFM: the notices' tables are JSX (scripts/ingest/block-mdast.ts), and GFM's autolink
      // literals cannot be escaped — a printed `http://…` or `www.` followed by Chinese text would
      // become a link running on into the text — nor would a printed `~~…~~` or `[^1]` stay
      // text. lib/mdx.ts reads MDX with these same features.
      gfm: false,
    }),
    // sitemap-index.xml + sitemap-0.xml: HTML pages only (not the JSON, the feed or the seeds).
    // In the shard that renders the site's pages of a large gazette (lib/shard.ts), the notice
    // pages other shards render are listed too, from the catalogue: one sitemap for the joined site.
    sitemap({ filter: (page) => page.endsWith('/'), customPages: otherShardsPages(site, base) }),
    // After the sitemap: copies seeds/*.txt into dist/seeds/ and checks sitemap and feed links.
    archive(),
  ],
  // Nothing here should ever need the network or a native image pipeline.
  image: {
    service: { entrypoint: 'astro/assets/services/noop' },
  },
  devToolbar: { enabled: false },
  vite: {
    build: {
      rolldownOptions: {
        // Astro marks each content module it loads for head propagation with the directive
        // "use astro:head-inject" (astro/dist/content/vite-plugin-content-assets.js), and Rolldown
        // warns once per MDX file that a module-level directive may not survive bundling. Astro
        // reads the directive before bundling, so the warning asks nothing of us; the site has
        // no other module-level directives ("use client" and the like) it could hide.
        checks: { moduleLevelDirective: false },
      },
    },
  },
});
