// The search page's preloads: on a cold visit its first query needs /search-api.js, Pagefind's
// engine (pagefind.js and its WebAssembly), its entry and metadata, and core.json — five round
// trips one after another if each waits for the one that names it, well over a second on a slow
// phone. Named in the page's <head>, they load in parallel while the page parses.
//
// The names are known only once the index is built (the metadata file is named by a hash of the
// index, and Pagefind asks for its entry with that tag: core.pagefindTag), and the index is built
// beside `astro build`, so the links are written into the built page afterwards, in place of
// the marker the page carries (src/pages/search/index.astro). Deterministic: same index, same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE_DIR } from './search-api.js';

/** The element the search page carries where the preloads go; one per page, replaced whole. */
export const PRELOAD_MARKER = '<meta name="search-preloads" content="">';

/** The search page's file in a built site. */
export const SEARCH_PAGE = 'search/index.html';

/**
 * The <link> elements for the files a first query needs, under `basePath`, from the index in
 * `bundleDir` (its pagefind-entry.json). Fetches are preloaded `crossorigin` (anonymous), the mode
 * of a fetch() — a preload in any other mode would not be used and the file fetched twice.
 */
export function searchPreloads(bundleDir: string, basePath: string): string {
  const entry = JSON.parse(readFileSync(path.join(bundleDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string; wasm: string | null }> };
  const languages = Object.values(entry.languages);
  if (languages.length !== 1) throw new Error(`search preloads: expected one Pagefind language in ${bundleDir}, found ${languages.length}`);
  const { hash, wasm } = languages[0]!;
  const at = (file: string) => `${basePath}${BUNDLE_DIR}${file}`;
  const module = (href: string) => `<link rel="modulepreload" href="${href}">`;
  const fetched = (href: string) => `<link rel="preload" as="fetch" crossorigin="anonymous" href="${href}">`;
  // An index in parts (scripts/search/build.ts): search-api.js merges each before the first
  // search, which fetches its entry (with its tag) and metadata — preloaded too, so that they
  // arrive beside the first part's instead of after the WebAssembly.
  const core = JSON.parse(readFileSync(path.join(bundleDir, 'core.json'), 'utf8')) as { parts?: { path: string; tag: string }[] };
  return [
    module(`${basePath}search-api.js`),
    module(at('pagefind.js')),
    fetched(at('core.json')),
    fetched(at(`pagefind-entry.json?ts=${encodeURIComponent(hash)}`)),
    fetched(at(`pagefind.${hash}.pf_meta`)),
    fetched(at(`wasm.${wasm ?? 'unknown'}.pagefind`)),
    ...(core.parts ?? []).flatMap((part) => [fetched(at(`${part.path}pagefind-entry.json?ts=${encodeURIComponent(part.tag)}`)), fetched(at(`${part.path}pagefind.${part.tag}.pf_meta`))]),
  ].join('');
}

/**
 * Write the preloads into the built search page of `distDir`, in place of its marker; a page
 * that already holds exactly these preloads is left as it is. Fails when the page has no marker
 * (and not these preloads) or more than one: a page without its preloads would still work, only
 * slowly, and nothing else would notice.
 */
export function writeSearchPreloads(distDir: string, basePath: string): void {
  const file = path.join(distDir, SEARCH_PAGE);
  const html = readFileSync(file, 'utf8');
  const parts = html.split(PRELOAD_MARKER);
  const links = searchPreloads(path.join(distDir, BUNDLE_DIR), basePath);
  // Already written (the checks run again over a built site): nothing to do.
  if (parts.length === 1 && html.split(links).length === 2) return;
  if (parts.length !== 2) throw new Error(`search preloads: ${path.relative(process.cwd(), file)} should hold the marker ${PRELOAD_MARKER} once, found ${parts.length - 1}`);
  writeFileSync(file, parts.join(links));
}
