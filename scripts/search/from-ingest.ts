// The exact index's input straight from the ingest, so `npm run build` (scripts/build.ts) can
// build the index while Astro renders the pages instead of after. The texts are the ones the
// ingest checked against the seed, laid out as each page will show them (`pageText`) and folded
// for search; postbuild then checks each against its built page (the same characters, whitespace
// aside — what search folds away), so the index is still exactly what the pages show. Everything
// else follows the site's own URL scheme and order.
import type { BuiltNotice } from '../ingest/built-notice.ts';
import { personnelItems } from '../ingest/recover-personnel.ts';
import type { Block } from '../ingest/types.ts';
import type { IngestResult } from '../ingest/run.ts';
import { compareNotices } from '../../lib/notices.ts';
import type { Entity, ExactInput, Named } from './build.ts';
import { ENTITY_KIND_ENTRIES, kbFromText, namedOf } from './build.ts';
import { entityPath, noticeUrl, withBase } from '../../lib/urls.ts';
import { fold } from './search-api.js';

/**
 * The text a notice's page will show as its source text (scripts/check/source-text.ts), as the
 * search excerpts read it (tidyText, ./excerpts.ts: runs of spaces as one, one line break between
 * lines): the header's source cells (src/components/NoticeHeader.astro) and each block of the body
 * (scripts/ingest/block-mdast.ts) on lines of their own — a personnel row, a table cell, a line
 * kept verbatim each on one. So the index cuts the excerpts beside Astro, and the checks only
 * compare: a prediction, never trusted — postbuild compares it with each built page and cuts
 * again, from the page, the excerpts of any page whose text is not it (tests/site pin that every
 * page of the fixtures is predicted).
 */
export function pageText({ notice, sections }: BuiltNotice): string {
  const { masthead, serial, docNo, date, issuerInTitle } = notice.printed;
  // 发文机关 (a masthead with its serial, or each issuer, unless printed only in the title), the
  // title, the serial printed as a number beside the 文号, the date.
  const lines = masthead ? [masthead, ...(serial ? [serial] : [])] : issuerInTitle ? [] : [...notice.issuers];
  lines.push(notice.title);
  const serialAsNumber = !masthead && serial ? serial : '';
  if (docNo || serialAsNumber) lines.push(`${serialAsNumber}${docNo ?? ''}`);
  if (date) lines.push(date);
  for (const s of sections) {
    // A title printed elsewhere (`listedTitle`) is the site's, not source text.
    if (s.title) lines.push(s.title);
    for (const b of s.blocks) lines.push(...blockLines(b));
  }
  return lines.join('\n');
}

function blockLines(b: Block): string[] {
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      return [b.text];
    case 'personnel':
      return personnelItems(b.members);
    case 'table':
      // Each cell's text is a paragraph of its own.
      return [...b.header, ...b.rows].flat();
    case 'raw':
      return b.source.map((l) => l.text);
  }
}

export function exactInputFromIngest({ notices: built, files }: IngestResult, basePath: string): ExactInput {
  const inOrder = [...built].sort((a, b) => compareNotices(a.notice, b.notice));
  const notices = inOrder.map(({ notice: n }) => ({ ...n, url: noticeUrl(n.id, basePath) })) as unknown as ExactInput['notices'];
  // The text each page will show — the excerpts are cut from it, postbuild checks it is what the
  // page shows — and, folded, what the index is built from.
  const printed = new Map(inOrder.map((b) => [b.notice.id, pageText(b)]));
  const texts = new Map([...printed].map(([id, text]) => [id, fold(text)]));
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
  return { notices, texts, printed, names, entities, kb: kbFromText(data('people'), data('organizations')), basePath };
}
