// Entity extraction: the people, organizations and groups the notices name, with Popolo-style
// memberships, the tasks organizations lead or share, and the alias merges the data suggests
// but data/organization-aliases.json does not (yet) contain. Pure and deterministic: the same
// notices give the same entities, in the same order.
import type { Group, Membership, Organization, Person, Role } from '../../schemas/entities.ts';
import type { GazetteConfig } from '../../schemas/gazette-config.ts';
import type { BuiltNotice } from './built-notice.ts';
import { blockText } from './built-notice.ts';
import { findCandidates } from './entities/candidates.ts';
import type { Candidate } from './entities/candidates.ts';
import { applyHistory, GroupBook } from './entities/groups.ts';
import { nameSlug, personSlug, uniqueSlug } from './entities/ids.ts';
import type { Mention } from './entities/mentions.ts';
import { loadAliasTable, OrgResolver } from './entities/organizations.ts';
import type { AliasTable } from './entities/organizations.ts';
import { lineOf, readNotice } from './entities/read-notice.ts';
import { readTables } from './entities/read-tables.ts';
import { readTasks } from './entities/tasks.ts';
import type { OrgTask } from './entities/tasks.ts';

/**
 * `a.localeCompare(b)` as the spec defines it (a collator of the default locale and options), made
 * once: calling localeCompare is several times slower (20,000 slugs sort in 250 ms against 25),
 * and the knowledge base sorts thousands of memberships.
 */
const collate = new Intl.Collator().compare;

export interface Entities {
  people: Person[];
  organizations: Organization[];
  groups: Group[];
  memberships: Membership[];
  candidates: Candidate[];
}

/**
 * The knowledge base of `notices`, for the gazette `config` describes: its place decides whose a
 * body is (another place's bodies get their own records, category `elsewhere`), its labels and
 * their order the organizations' categories. `table` is the reviewed alias table (applied only
 * when it is this place's).
 */
export function extractEntities(notices: BuiltNotice[], config: GazetteConfig, table: AliasTable = loadAliasTable(config)): Entities {
  const orgs = new OrgResolver(table, config);
  const { place } = orgs;
  const book = new GroupBook(place);
  const order = new Map(notices.map((n, k) => [n.notice.id, k]));
  const byCorpus = (a: string, b: string) => order.get(a)! - order.get(b)!;
  const mentions: Mention[] = [];
  const tasks: OrgTask[] = [];
  const named = new Map<string, { notice: string; line: number }[]>(); // org → where it is named
  const name = (org: string | undefined, notice: string, line: number) => {
    if (!org) return;
    // Appended in place: copying the list on each mention made this quadratic in the corpus.
    const list = named.get(org);
    if (list) list.push({ notice, line });
    else named.set(org, [{ notice, line }]);
  };
  const generic: { name: string; evidence: { notice: string; line: number } }[] = [];
  const genericUnit = new RegExp(`^${place.short}\\S+行政部门、?$`);
  // Bodies named whole — issuers and 主送机关 — first: they tell the places the text names
  // (兰陵县 of 兰陵县自然资源和规划局), so that no notice reads them as this place's.
  const issuersOf = new Map(notices.map((n) => [n.notice.id, n.notice.issuers.map((i) => orgs.body(i)).filter((o): o is string => !!o)]));
  for (const n of notices) for (const r of n.notice.recipients) orgs.body(r);
  // People, groups and tasks (which register the bodies their posts and lists name), then the
  // mentions of every known body in the text.
  for (const built of notices) {
    mentions.push(...readNotice(built, book, orgs), ...readTables(built, orgs));
    tasks.push(...readTasks(built, orgs));
  }
  for (const built of notices) {
    const id = built.notice.id;
    for (const issuer of issuersOf.get(id)!) name(issuer, id, built.notice.source.lines[0]);
    for (const s of built.sections) {
      for (const b of s.blocks) {
        const text = blockText(b);
        for (const hit of orgs.scan(text)) name(hit.name, id, lineOf(built.source, b.lines, hit.form, text, hit.at));
      }
      for (const b of s.blocks) if (b.kind === 'raw') for (const l of b.source) if (genericUnit.test(l.text)) generic.push({ name: l.text.replace('、', ''), evidence: { notice: id, line: l.line } });
      // In a rebuilt task table, each item of a cell (`县司法行政部门、组织部、编办`), on its row's lines.
      for (const b of s.blocks) {
        if (b.kind !== 'table') continue;
        b.rows.forEach((row, r) => {
          for (const item of row.flatMap((cell) => cell.split(/[、，,]/))) {
            if (!genericUnit.test(item)) continue;
            const range = b.rowLines?.[r] ?? b.lines;
            const line = built.source.find((l) => l.line >= range[0] && l.line <= range[1] && l.text.includes(item))?.line ?? range[0];
            generic.push({ name: item, evidence: { notice: id, line } });
          }
        });
      }
    }
  }
  for (const m of mentions) name(m.org, m.notice, m.line);
  for (const t of tasks) name(t.org, t.notice, t.line);

  // Ids: organizations and groups by name (sorted, so a collision suffix never depends on order).
  const orgId = new Map<string, string>();
  const taken = new Set<string>();
  const slug = (name: string) => nameSlug(name, place.slugHeads(name), [place.name]);
  for (const org of [...named.keys()].sort()) orgId.set(org, uniqueSlug(slug(org), taken));
  const groupId = new Map<string, string>();
  const takenGroups = new Set<string>();
  for (const g of [...book.groups.values()].sort((a, b) => collate(a.key, b.key))) groupId.set(g.key, uniqueSlug(slug(g.name), takenGroups));

  const unique = dedupe(mentions);
  const people = buildPeople(unique, orgId, groupId, byCorpus);
  const personId = new Map(people.map((p) => [p.name, p.id]));

  const memberships: Membership[] = [];
  const groups: Group[] = [...book.groups.values()]
    .map((g) => {
      const own = unique
        .filter((m) => m.group === g.key && m.role)
        .map((m): Membership => ({ person_id: personId.get(m.name)!, ...(m.org ? { organization_id: orgId.get(m.org)! } : {}), group: groupId.get(g.key)!, role: m.role!, ...(m.title ? { post: m.title } : {}), notice: m.notice, start_date: m.date, line: m.line }))
        .sort((a, b) => collate(a.start_date, b.start_date) || byCorpus(a.notice, b.notice) || a.line - b.line);
      const history = applyHistory(own, g.events);
      memberships.push(...history);
      const events = [...g.events].sort((a, b) => collate(a.date, b.date) || byCorpus(a.notice, b.notice));
      return { id: groupId.get(g.key)!, name: g.name, kind: g.kind, ...(g.organization ? { organization: orgId.get(g.organization)! } : {}), events, memberships: history };
    })
    .sort((a, b) => collate(a.id, b.id));

  const aliasesOf = new Map(table.organizations.map((o) => [o.name, o.aliases]));
  const organizations: Organization[] = [...named.keys()]
    .map((org) => ({
      id: orgId.get(org)!,
      name: org,
      aliases: aliasesOf.get(org) ?? [],
      category: orgs.category.get(org)!,
      notices: [...new Set(named.get(org)!.map((e) => e.notice))].sort(byCorpus),
      issued: notices.filter((n) => issuersOf.get(n.notice.id)!.includes(org)).map((n) => n.notice.id),
      tasks: dedupeTasks(tasks.filter((t) => t.org === org)).sort((a, b) => byCorpus(a.notice, b.notice) || a.line - b.line || collate(a.task, b.task)),
    }))
    .sort((a, b) => place.order.indexOf(a.category) - place.order.indexOf(b.category) || collate(a.id, b.id));

  const candidates = findCandidates(unique, organizations.map((o) => o.name), (org) => named.get(org) ?? [], generic, place);
  return { people, organizations, groups, memberships: memberships.sort((a, b) => collate(a.group, b.group) || collate(a.start_date, b.start_date) || a.line - b.line), candidates };
}

/** For linking mentions in text: every surface form → entity, longest forms first. */
export function mentionForms(entities: Entities): { form: string; kind: 'person' | 'organization'; id: string }[] {
  const forms = [
    ...entities.people.map((p) => ({ form: p.name, kind: 'person' as const, id: p.id })),
    ...entities.organizations.flatMap((o) => [o.name, ...o.aliases].map((form) => ({ form, kind: 'organization' as const, id: o.id }))),
  ];
  return forms.sort((a, b) => b.form.length - a.form.length || collate(a.form, b.form) || collate(a.id, b.id));
}

/** One mention per (notice, name, role, group[, line]): the same sentence read by two patterns,
 *  or a group role printed both in the text and in the list (28号 王印锐 主任), counts once —
 *  the list's, which carries the post. A mention without a post's organization takes the one
 *  the same notice gives the same name (办公室主任由王贵成同志兼任 → 县公安局). */
function dedupe(mentions: Mention[]): Mention[] {
  const seen = new Map<string, Mention>();
  const listed = new Set(mentions.filter((m) => m.source === 'list' && m.group).map((m) => [m.notice, m.name, m.role, m.group].join('|')));
  for (const m of mentions) {
    if (m.source !== 'list' && m.group && listed.has([m.notice, m.name, m.role, m.group].join('|'))) continue;
    const key = [m.notice, m.name, m.role ?? '', m.group ?? '', m.line].join('|');
    const old = seen.get(key);
    if (!old) seen.set(key, m);
    else seen.set(key, { ...old, title: old.title ?? m.title, org: old.org ?? m.org });
  }
  const unique = [...seen.values()];
  // First organization each (notice, name) is given, looked up by key: a scan per mention was quadratic.
  const orgOf = new Map<string, string>();
  for (const o of unique) if (o.org && !orgOf.has(`${o.notice}|${o.name}`)) orgOf.set(`${o.notice}|${o.name}`, o.org);
  for (const m of unique) m.org ??= orgOf.get(`${m.notice}|${m.name}`);
  return unique;
}

function dedupeTasks(tasks: OrgTask[]): OrgTask[] {
  const seen = new Map<string, OrgTask>();
  for (const { org, ...t } of tasks) {
    const key = `${t.notice}|${t.line}|${t.task}`;
    const old = seen.get(key);
    if (!old || (t.lead && !old.lead)) seen.set(key, { org, ...t });
  }
  return [...seen.values()].map(({ org, ...t }) => t as OrgTask);
}

function buildPeople(mentions: Mention[], orgId: Map<string, string>, groupId: Map<string, string>, byCorpus: (a: string, b: string) => number): Person[] {
  const byName = Map.groupBy(mentions, (m) => m.name);
  const taken = new Set<string>();
  return [...byName.keys()]
    .sort((a, b) => collate(personSlug(a), personSlug(b)) || collate(a, b))
    .map((name) => {
      const ms = byName.get(name)!;
      const roles: Role[] = ms
        .map((m) => ({ notice: m.notice, date: m.date, ...(m.group ? { group: groupId.get(m.group)! } : {}), ...(m.role ? { role: m.role } : {}), ...(m.title ? { title: m.title } : {}), ...(m.org ? { organization: orgId.get(m.org)! } : {}), source: m.source, line: m.line }))
        .sort((a, b) => collate(a.date, b.date) || byCorpus(a.notice, b.notice) || a.line - b.line);
      return { id: uniqueSlug(personSlug(name), taken), name, roles, notices: [...new Set(ms.map((m) => m.notice))].sort(byCorpus), flags: conflictFlags(name, ms) };
    });
}

/** The same name twice in one list, at two different organizations (齐之群 in 24号's 联络员 list). */
function conflictFlags(name: string, mentions: Mention[]): Person['flags'] {
  const flags: Person['flags'] = [];
  // The mentions of each list, gathered in one pass (a name in every issue's lists is in thousands).
  const byList = Map.groupBy(mentions.filter((m) => m.list), (m) => m.list!);
  for (const list of [...byList.keys()].sort()) {
    const inList = byList.get(list)!.sort((a, b) => a.line - b.line);
    const posts = [...new Set(inList.map((m) => m.org ?? m.title ?? ''))];
    if (inList.length > 1 && posts.length > 1) {
      const where = inList.map((m) => `${m.title ?? '?'}，第 ${m.line} 行`).join('；');
      flags.push({ message: `${name}在同一名单中出现 ${inList.length} 次，职务分属不同单位（${where}）：可能是一人兼任两职，也可能是同名的两个人`, evidence: inList.map((m) => ({ notice: m.notice, line: m.line })) });
    }
  }
  return flags;
}
