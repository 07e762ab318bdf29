// Where the site will be published, for the absolute URLs of the Atom feed and the sitemap.
// Shared by astro.config.mjs (which sets `site`) and scripts/build.ts (which warns when it is unset).

/**
 * `site` until the address the archive will be published at is known: a reserved name that can
 * never resolve, so a wrong address is obvious rather than plausible.
 */
export const DEFAULT_SITE_URL = 'https://example.invalid/';

/**
 * SITE_BASE is either a path prefix (`/gazette/`) or a full URL (`https://example.org/gazette/`).
 * A full URL sets both `site` and `base`; a bare path sets `base`, and `site` is then its path on
 * SITE_URL's origin (`SITE_URL=https://example.org SITE_BASE=/gazette/`), or on the default.
 */
export function resolveSiteBase(raw: string | undefined, siteUrl: string | undefined): { site: string; base: string } {
  const value = (raw ?? '').trim() || '/';
  const url = /^https?:\/\//.test(value) ? new URL(value) : undefined;
  let base = url ? url.pathname : value;
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base = `${base}/`;
  return { site: new URL(base, url ?? (siteUrl?.trim() || DEFAULT_SITE_URL)).href, base };
}

/**
 * The one line `npm run build` prints when the feed and sitemap would point at
 * DEFAULT_SITE_URL (neither SITE_URL nor a full-URL SITE_BASE is given); undefined otherwise.
 */
export function siteUrlWarning(env: NodeJS.ProcessEnv): string | undefined {
  const { site } = resolveSiteBase(env.SITE_BASE, env.SITE_URL);
  if (new URL(site).origin !== new URL(DEFAULT_SITE_URL).origin) return undefined;
  return `build: warning: SITE_URL is not set, so the feed and the sitemap link to ${DEFAULT_SITE_URL} — set SITE_URL=https://<the address the site is published at> (see README “URLs and open data”)`;
}
