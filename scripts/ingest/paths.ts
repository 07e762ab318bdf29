// Site paths of generated pages, without base or leading slash — the one place the ingest
// knows the URL scheme (src/lib/urls.ts is the site's side of the same scheme).

/** `2022-weizhengban-25` → `notices/2022/weizhengban-25/`. */
export function noticePath(id: string): string {
  return `notices/${id.slice(0, 4)}/${id.slice(5)}/`;
}
