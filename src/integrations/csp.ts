// The Content-Security-Policy of every page. Astro writes it as a <meta http-equiv> into each
// page's <head> (astro.config.mjs `security.csp`), adding the hashes of any script or style it
// inlines itself. The same policy can be sent as an HTTP header by a host that allows it
// (README “Content-Security-Policy”), which also makes `frame-ancestors` work — a <meta> policy
// ignores that directive.

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
