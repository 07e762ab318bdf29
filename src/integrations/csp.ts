// The Content-Security-Policy of every page. Astro writes it as a <meta http-equiv> into each
// page's <head> (astro.config.mjs `security.csp`), adding the hashes of any script or style it
// inlines itself. The same policy can be sent as an HTTP header by a host that allows it
// (README “Content-Security-Policy”), which also makes `frame-ancestors` work — a <meta> policy
// ignores that directive.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Directives besides script-src and style-src, which Astro writes itself. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  // data: for the small images CSS may embed; nothing comes from another host.
  "img-src 'self' data:",
  // The search fetches its index files from the site itself.
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/**
 * Scripts: only files of this site. 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly;
 * it allows no JavaScript eval and no inline script or handler.
 */
export const CSP_SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/** Styles: only this site's stylesheets — no <style> element, no style="" attribute. */
export const CSP_STYLE_SOURCES = ["'self'"] as const;

/**
 * Source files that still hold an `is:inline` script, allowed by its hash until it moves into a
 * file. Only the search page's script (src/pages/search/index.astro, being moved into an external
 * module as part of the search page's performance work); remove the entry when that lands —
 * `inlineScriptHashes` then finds nothing, and tests/site/csp.test.ts requires the list empty.
 */
export const INLINE_SCRIPTS_PENDING = ['src/pages/search/index.astro'] as const;

/**
 * The CSP hashes (`sha256-…`) of the `is:inline` scripts in `files`, as Astro writes them out
 * (verbatim: an `is:inline` script's body is not processed). Astro hashes the scripts it bundles
 * itself, not these; a file without such a script gives nothing.
 */
export function inlineScriptHashes(root: string, files: readonly string[]): `sha256-${string}`[] {
  const hashes: `sha256-${string}`[] = [];
  for (const file of files) {
    const path = join(root, file);
    if (!existsSync(path)) continue;
    for (const m of readFileSync(path, 'utf8').matchAll(/<script\b[^>]*\bis:inline\b[^>]*>([\s\S]*?)<\/script>/g)) {
      if (m[1]!.trim()) hashes.push(`sha256-${createHash('sha256').update(m[1]!).digest('base64')}`);
    }
  }
  return hashes;
}
