// Step 8: the knowledge base over all notices — people, organizations, groups, citations —
// validated, serialized for content/data/, and turned into the linker that makes every mention
// in a notice's text a link to its page.
import { CitationSchema, GroupSchema, MembershipSchema, organizationSchemaFor, PersonSchema } from '../../schemas/entities.ts';
import type { GazetteConfig } from '../../schemas/gazette-config.ts';
import type { BuiltNotice } from './built-notice.ts';
import { blockText } from './built-notice.ts';
import { hash } from './cache.ts';
import { findDocNos } from './docno.ts';
import { citationForms, extractCitations } from './extract-citations.ts';
import { extractEntities, mentionForms } from './extract-entities.ts';
import type { Entities } from './extract-entities.ts';
import { Linker } from './link-mentions.ts';
import type { MentionForm, SpanFinder } from './link-mentions.ts';
import { entityPath, noticePath } from '../../lib/urls.ts';

export interface Knowledge {
  entities: Entities;
  citations: ReturnType<typeof extractCitations>['citations'];
  /** content/data/<name>.json → text. */
  files: Map<string, string>;
  linker: Linker;
  /** Changes exactly when the linker would link some text differently: part of a cached MDX file's key. */
  linkerKey: string;
  linkerData: LinkerData;
}

/** The knowledge base of `notices`, for the gazette `config` describes (its place, its categories). */
export function buildKnowledge(notices: BuiltNotice[], config: GazetteConfig): Knowledge {
  const entities = extractEntities(notices, config);
  const OrganizationSchema = organizationSchemaFor(config);
  const { citations, titles } = extractCitations(notices);
  const { linker, key: linkerKey, data: linkerData } = makeLinker(notices, entities, citations, titles);
  listNamingNotices(notices, entities, linker);
  const files = new Map<string, string>([
    ['people.json', json(entities.people.map((p) => PersonSchema.parse(p)))],
    ['organizations.json', json(entities.organizations.map((o) => OrganizationSchema.parse(o)))],
    ['groups.json', json(entities.groups.map((g) => GroupSchema.parse(g)))],
    ['memberships.json', json(entities.memberships.map((m) => MembershipSchema.parse(m)))],
    ['citations.json', json(citations.map((c) => CitationSchema.parse(c)))],
  ]);
  return { entities, citations, files, linker, linkerKey, linkerData };
}

function makeLinker(notices: BuiltNotice[], entities: Entities, citations: Knowledge['citations'], titles: ReturnType<typeof extractCitations>['titles']): { linker: Linker; key: string; data: LinkerData } {
  // A citation links to the notice when it is in the corpus, else to its reference page.
  const citationPath = (c: (typeof citations)[number]) => (c.notice ? noticePath(c.notice) : entityPath('citations', c.id));
  const byId = new Map(citations.map((c) => [c.id, c]));
  const forms = [
    ...mentionForms(entities).map((f) => ({ form: f.form, path: entityPath(f.kind === 'person' ? 'people' : 'organizations', f.id) })),
    ...citationForms(citations, titles).map((f) => ({ form: f.form, path: citationPath(byId.get(f.citation)!) })),
  ];
  // 文号 are printed in many spellings (brackets, widths, spaces): found by parsing, not by form.
  const byDocNo = new Map<string, string>(notices.flatMap((n) => (n.notice.docNo ? [[n.notice.docNo, noticePath(n.notice.id)] as const] : [])));
  for (const c of citations) if (c.kind === 'docNo' && !byDocNo.has(c.label)) byDocNo.set(c.label, citationPath(c));
  const data: LinkerData = { forms, docNos: [...byDocNo] };
  return { linker: linkerFrom(data), key: hash(JSON.stringify(forms), JSON.stringify(data.docNos)), data };
}

/** What a linker is made of, as plain data: so a worker thread can make the same one. */
export interface LinkerData {
  forms: MentionForm[];
  /** Normalized 文号 → site path. */
  docNos: [string, string][];
}

export function linkerFrom({ forms, docNos }: LinkerData): Linker {
  const byDocNo = new Map(docNos);
  const finder: SpanFinder = (text) =>
    findDocNos(text).flatMap(({ docNo, index, length }) => {
      const path = byDocNo.get(docNo);
      return path ? [{ index, length, path }] : [];
    });
  return new Linker(forms, [finder]);
}

/**
 * An entity's page lists every notice that names it — found with the very matcher that links the
 * mentions, over all of a notice's text (tables kept verbatim included), so the two always agree.
 */
function listNamingNotices(notices: BuiltNotice[], entities: Entities, linker: Linker): void {
  const named = new Map<string, Set<string>>();
  for (const n of notices) {
    const texts = n.sections.flatMap((s) => [s.title ?? '', ...s.blocks.map(blockText)]);
    for (const text of texts) for (const span of linker.spans(text)) {
      if (!named.has(span.path)) named.set(span.path, new Set());
      named.get(span.path)!.add(n.notice.id);
    }
  }
  const order = new Map(notices.map((n, k) => [n.notice.id, k]));
  const merge = (own: string[], path: string) => [...new Set([...own, ...(named.get(path) ?? [])])].sort((a, b) => order.get(a)! - order.get(b)!);
  for (const p of entities.people) p.notices = merge(p.notices, entityPath('people', p.id));
  for (const o of entities.organizations) o.notices = merge(o.notices, entityPath('organizations', o.id));
}

function json(records: unknown[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}
