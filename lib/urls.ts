// The site's URL scheme, in one place. Pages, the API json, the ingest (the links inside notice
// bodies), the search module (bundled into /search-api.js) and tests all derive links here, so a
// notice's address can only change by editing this file.
//
// Pure functions with no Astro imports: callers pass `import.meta.env.BASE_URL` as `base`,
// which keeps this module usable from vitest, from Node scripts and in the browser.

/**
 * A notice id is `<year>-<slug>`, e.g. `2022-weizhengban-25`, or for a notice printed without a
 * 文号 `2022-tonggao-0408-123456` (see schemas/notice.ts).
 */
const NOTICE_ID = /^(\d{4})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

export interface NoticeRoute {
  year: string;
  slug: string;
}

/** Split a notice id into the `[year]` and `[slug]` route params. */
export function noticeRoute(id: string): NoticeRoute {
  const match = NOTICE_ID.exec(id);
  if (!match) throw new Error(`notice id ${JSON.stringify(id)} is not of the form <year>-<slug>`);
  return { year: match[1]!, slug: match[2]! };
}

/** Base-relative path of a notice page: `notices/2022/weizhengban-25/`. */
export function noticePath(id: string): string {
  const { year, slug } = noticeRoute(id);
  return `notices/${year}/${slug}/`;
}

/** Normalize a base to `/…/` form: `''` and `'/'` → `/`, `/gazette` → `/gazette/`. */
export function normalizeBase(base: string): string {
  let out = base.startsWith('/') ? base : `/${base}`;
  if (!out.endsWith('/')) out += '/';
  return out;
}

/** Site-relative URL of a base-relative path: `withBase('search/', '/gazette')` → `/gazette/search/`. */
export function withBase(path: string, base = '/'): string {
  return normalizeBase(base) + path.replace(/^\/+/, '');
}

/** Site-relative URL of a notice page, honoring the base: `/notices/2022/weizhengban-25/`. */
export function noticeUrl(id: string, base = '/'): string {
  return withBase(noticePath(id), base);
}

// Knowledge-base pages. Ids are slugs (schemas/entities.ts SlugSchema), so they need no escaping.
// The ingest links to the same paths from inside notice bodies (as relative links), so these
// folder names are part of the URL contract, not a presentation detail.

/** Base-relative folder of each entity collection. */
export const ENTITY_FOLDERS = {
  people: 'people',
  organizations: 'organizations',
  groups: 'groups',
  citations: 'references',
} as const;

/** Base-relative path of an entity's page (or of its collection's index without an id): `people/gao-kaiying/`. */
export function entityPath(collection: keyof typeof ENTITY_FOLDERS, id?: string): string {
  return `${ENTITY_FOLDERS[collection]}/${id ? `${id}/` : ''}`;
}

/** `/people/gao-kaiying/` (or the index, `/people/`, without an id). */
export function personUrl(id?: string, base = '/'): string {
  return withBase(entityPath('people', id), base);
}

/** `/organizations/xian-sifa-ju/` (or the index without an id). */
export function organizationUrl(id?: string, base = '/'): string {
  return withBase(entityPath('organizations', id), base);
}

/** `/groups/fangxun-kanghan-zhihuibu/` (or the index without an id). */
export function groupUrl(id?: string, base = '/'): string {
  return withBase(entityPath('groups', id), base);
}

/** `/references/doc-weizhengbanzi-2022-34/`: the page of a cited document (or the index). */
export function referenceUrl(id?: string, base = '/'): string {
  return withBase(entityPath('citations', id), base);
}

// Gazette issues, the browse indexes, the raw seeds and the feed.

/** The id of a gazette issue in URLs: `{ year: 2022, number: 2 }` → `2022-2`. */
export function issueId(gazette: { year: number; number: number }): string {
  return `${gazette.year}-${gazette.number}`;
}

/** `/issues/2022-2/`: one issue's table of contents (or the list of issues without one). */
export function issueUrl(gazette?: { year: number; number: number }, base = '/'): string {
  return withBase(`issues/${gazette ? `${issueId(gazette)}/` : ''}`, base);
}

/** The three ways to browse, and their folder under /browse/. */
export const BROWSE_FACETS = ['year', 'issuer', 'type'] as const;
export type BrowseFacet = (typeof BROWSE_FACETS)[number];

/** `/browse/`, `/browse/year/`, `/browse/issuer/weixian-renminzhengfu/` … (slugs: src/lib/browse.ts). */
export function browseUrl(facet?: BrowseFacet, slug?: string, base = '/'): string {
  if (!facet) return withBase('browse/', base);
  return withBase(`browse/${facet}/${slug ? `${slug}/` : ''}`, base);
}

/** Seed file name without folder and extension: `seeds/weixian-gazette-2022-02.txt` → `weixian-gazette-2022-02`. */
export function seedName(file: string): string {
  const match = /^(?:.*\/)?([^/]+)\.txt$/.exec(file);
  if (!match) throw new Error(`seed file ${JSON.stringify(file)} is not a .txt file`);
  return match[1]!;
}

/** The raw seed text as served with the site, gzip-compressed: `/seeds/weixian-gazette-2022-02.txt.gz` (written at build time by src/integrations/archive.ts). */
export function seedUrl(file: string, base = '/'): string {
  return withBase(`seeds/${seedName(file)}.txt.gz`, base);
}

/** The seed with numbered lines, at line `line` when given: `/seeds/weixian-gazette-2022-02/#L88`. */
export function seedLinesUrl(file: string, line?: number, base = '/'): string {
  return withBase(`seeds/${seedName(file)}/${line ? `#L${line}` : ''}`, base);
}

/** Anchor id of a seed line on its numbered view: `L88`. */
export function seedLineId(line: number): string {
  return `L${line}`;
}

/** The Atom feed of notices, at the site root. */
export const FEED_PATH = 'feed.xml';

/** Anchor id of a notice's line range on the numbered seed view: `L1-L1152`. */
export function seedRangeId(first: number, last: number): string {
  return `L${first}-L${last}`;
}
