// The site's URL scheme, in one place. Pages, the API json and tests all derive links here,
// so a notice's address can only change by editing this file.
//
// Pure functions with no Astro imports: callers pass `import.meta.env.BASE_URL` as `base`,
// which keeps this module usable from vitest and from Node scripts.

/** A notice id is `<year>-<slug>`, e.g. `2022-weizhengban-25` (see schemas/notice.ts). */
const NOTICE_ID = /^(\d{4})-([a-z]+-\d+)$/;

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

/** `/people/gao-kaiying/` (or the index, `/people/`, without an id). */
export function personUrl(id?: string, base = '/'): string {
  return withBase(`${ENTITY_FOLDERS.people}/${id ? `${id}/` : ''}`, base);
}

/** `/organizations/xian-sifa-ju/` (or the index without an id). */
export function organizationUrl(id?: string, base = '/'): string {
  return withBase(`${ENTITY_FOLDERS.organizations}/${id ? `${id}/` : ''}`, base);
}

/** `/groups/fangxun-kanghan-zhihuibu/` (or the index without an id). */
export function groupUrl(id?: string, base = '/'): string {
  return withBase(`${ENTITY_FOLDERS.groups}/${id ? `${id}/` : ''}`, base);
}

/** `/references/doc-weizhengbanzi-2022-34/`: the page of a cited document (or the index). */
export function referenceUrl(id?: string, base = '/'): string {
  return withBase(`${ENTITY_FOLDERS.citations}/${id ? `${id}/` : ''}`, base);
}
