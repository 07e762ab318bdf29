// The exact index's input straight from the ingest, so `npm run build` (scripts/build.ts) can
// build the index while Astro renders the pages instead of after. The texts are the ones the
// ingest checked against the seed; postbuild then checks each against its built page (the same
// characters, whitespace aside — what search folds away), so the index is still exactly what the
// pages show. Everything else follows the site's own URL scheme and order.
import type { BuiltNotice } from '../ingest/built-notice.ts';
import { publishedText } from '../ingest/built-notice.ts';
import type { IngestResult } from '../ingest/run.ts';
import { compareNotices } from '../../lib/notices.ts';
import type { Entity, ExactInput, Named } from './build.ts';
import { ENTITY_KIND_ENTRIES, kbFromText, namedOf } from './build.ts';
import { entityPath, noticeUrl, withBase } from '../../lib/urls.ts';
import { fold } from './search-api.js';

/** What a notice page shows as source text: issuer, title, 文号 line, then the body. */
export function noticeText({ notice, sections }: BuiltNotice): string {
  return publishedText({ sections }, notice);
}

export function exactInputFromIngest({ notices: built, files }: IngestResult, basePath: string): ExactInput {
  const inOrder = [...built].sort((a, b) => compareNotices(a.notice, b.notice));
  const notices = inOrder.map(({ notice: n }) => ({ ...n, url: noticeUrl(n.id, basePath) })) as unknown as ExactInput['notices'];
  const texts = new Map(inOrder.map((b) => [b.notice.id, fold(noticeText(b))]));
  const data = (kind: string) => files.get(`data/${kind}.json`) ?? '[]';
  const byName = (a: Named, b: Named) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const names = { people: namedOf(data('people')).sort(byName), organizations: namedOf(data('organizations')).sort(byName) };
  // Entity pages as the site makes them: /<dir>/<id>/, titled with the record's name; by id, as
  // the built-site reader lists them.
  const entities: Entity[] = ENTITY_KIND_ENTRIES.flatMap(([dir, kind]) => {
    const records = JSON.parse(data(dir)) as { id: string; name: string }[];
    return records
      .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
      .map((e) => ({ name: e.name, kind, url: withBase(entityPath(dir, e.id), basePath) }));
  });
  // Excerpts are cut from the built pages' own text, by postbuild (writePageExcerpts).
  return { notices, texts, excerptsFromPages: true, names, entities, kb: kbFromText(data('people'), data('organizations')), basePath };
}
