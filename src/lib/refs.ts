// Cross-reference checks for the knowledge base. Astro's `reference()` only logs a warning for
// an id that does not exist, and a page would then render a link to nothing; the link check
// after the build would catch the link but not say which record made it. Here a dangling id
// stops the build and names both ends: what is missing and where it was referenced from.

export type CollectionName = 'notices' | 'people' | 'organizations' | 'groups' | 'citations';

export class MissingEntityError extends Error {
  readonly collection: CollectionName;
  readonly id: string;
  readonly where: string;

  constructor(collection: CollectionName, id: string, where: string) {
    super(`${collection}/${id} referenced from ${where} does not exist`);
    this.name = 'MissingEntityError';
    this.collection = collection;
    this.id = id;
    this.where = where;
  }
}

/**
 * The entry `id` of `collection`, or throw: `people/gao-kaiying referenced from
 * groups/fangxun-kanghan-zhihuibu memberships[3].person_id does not exist`.
 */
export function requireEntity<T>(entries: ReadonlyMap<string, T>, collection: CollectionName, id: string, where: string): T {
  const entry = entries.get(id);
  if (entry === undefined) throw new MissingEntityError(collection, id, where);
  return entry;
}

const MAX_LISTED = 40;

/**
 * Runs `check` with a `require` that records every missing entity instead of stopping at the
 * first, then throws one error listing all of them — one build tells you everything to fix.
 */
export function checkAll(check: (require: <T>(entries: ReadonlyMap<string, T>, collection: CollectionName, id: string, where: string) => void) => void): void {
  const missing: string[] = [];
  check((entries, collection, id, where) => {
    try {
      requireEntity(entries, collection, id, where);
    } catch (error) {
      if (error instanceof MissingEntityError) missing.push(error.message);
      else throw error;
    }
  });
  if (missing.length === 1) throw new Error(missing[0]);
  if (missing.length > 1) {
    // Enough to see the pattern (a whole notice missing gives hundreds), not a wall of text.
    const shown = missing.slice(0, MAX_LISTED);
    const more = missing.length > MAX_LISTED ? `\n  … and ${missing.length - MAX_LISTED} more` : '';
    throw new Error(`${missing.length} broken references in the knowledge base:\n  ${shown.join('\n  ')}${more}`);
  }
}

/** Paths of the entity folders as the ingest writes them into notice bodies (relative links). */
const BODY_LINK = /\]\(((?:\.\.\/)+)(people|organizations|groups|references)\/([^/)\s]+)\/?[^)\s]*\)/g;
const FOLDER_COLLECTION: Record<string, CollectionName> = {
  people: 'people',
  organizations: 'organizations',
  groups: 'groups',
  references: 'citations',
};

/**
 * Entity links in a notice's MDX body: `[高凯英](../../../people/gao-kaiying/)` →
 * `{ collection: 'people', id: 'gao-kaiying', line }` with the body line (1-based).
 */
export function bodyEntityLinks(body: string): { collection: CollectionName; id: string; line: number }[] {
  const out: { collection: CollectionName; id: string; line: number }[] = [];
  const lines = body.split('\n');
  lines.forEach((text, i) => {
    for (const m of text.matchAll(BODY_LINK)) out.push({ collection: FOLDER_COLLECTION[m[2]!]!, id: m[3]!, line: i + 1 });
  });
  return out;
}
