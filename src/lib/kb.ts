// The knowledge base as the pages see it: the four collections joined with the notices, every
// cross-reference checked once, and the derived relations (who is named in a notice, who serves
// with whom, who was in a group on a date) computed here as pure functions — so the pages stay
// templates, and the logic is testable without Astro.
import type { Citation, Group, Membership, Organization, Person, Role } from '../../schemas/entities.ts';
import type { Notice } from '../../schemas/notice.ts';
import { compareByPinyin, sortByPinyin } from '../../lib/pinyin.ts';
import { checkAll } from './refs.ts';

export interface KnowledgeBaseInput {
  /** In reading order (see compareNotices). */
  notices: readonly Notice[];
  people: readonly Person[];
  organizations: readonly Organization[];
  groups: readonly Group[];
  citations: readonly Citation[];
  /**
   * Organization category labels in the order of the 机构 index and of /api/organizations.json
   * (the gazette config's, src/lib/gazette.ts). A category not listed sorts last.
   */
  categories?: readonly string[];
}

export interface KnowledgeBase {
  notices: ReadonlyMap<string, Notice>;
  people: ReadonlyMap<string, Person>;
  organizations: ReadonlyMap<string, Organization>;
  groups: ReadonlyMap<string, Group>;
  citations: ReadonlyMap<string, Citation>;
  /** Position of each notice in reading order, for sorting lists of notice ids. */
  noticeOrder: ReadonlyMap<string, number>;
  /** People by pinyin of their name. */
  peopleSorted: Person[];
  /** Organizations by category (in the order of `categories`), then pinyin of the name. */
  organizationsSorted: Organization[];
  /** Groups by pinyin of the name. */
  groupsSorted: Group[];
  /** Citations: those in the corpus in reading order of their notice, then the rest by label. */
  citationsSorted: Citation[];
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

export function buildKnowledgeBase(input: KnowledgeBaseInput): KnowledgeBase {
  const notices = byId(input.notices);
  const people = byId(input.people);
  const organizations = byId(input.organizations);
  const groups = byId(input.groups);
  const citations = byId(input.citations);
  checkReferences({ notices, people, organizations, groups, citations });
  const noticeOrder = new Map(input.notices.map((n, i) => [n.id, i]));
  const order = input.categories ?? [];
  const unknown = input.categories ? input.organizations.filter((o) => !order.includes(o.category)) : [];
  if (unknown.length > 0) {
    throw new Error(`organizations with a category the gazette config does not have (${order.join('、')}): ${unknown.map((o) => `organizations/${o.id} “${o.category}”`).join(', ')}`);
  }
  const category = (o: Organization) => {
    const k = order.indexOf(o.category);
    return k < 0 ? order.length : k;
  };
  const inCorpus = (c: Citation) => (c.notice === undefined ? Infinity : noticeOrder.get(c.notice)!);
  return {
    notices,
    people,
    organizations,
    groups,
    citations,
    noticeOrder,
    peopleSorted: sortByPinyin(input.people, (p) => p.name),
    organizationsSorted: [...input.organizations].sort((a, b) => category(a) - category(b) || compareByPinyin(a.name, b.name)),
    groupsSorted: sortByPinyin(input.groups, (g) => g.name),
    citationsSorted: [...input.citations].sort(
      (a, b) => inCorpus(a) - inCorpus(b) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || compareByPinyin(a.label, b.label),
    ),
  };
}

type Maps = Pick<KnowledgeBase, 'notices' | 'people' | 'organizations' | 'groups' | 'citations'>;

/** Every id any record points at must exist; throws one error naming each dangling one. */
export function checkReferences(kb: Maps): void {
  checkAll((require) => {
    for (const p of kb.people.values()) {
      const at = `people/${p.id}`;
      p.roles.forEach((r, i) => {
        require(kb.notices, 'notices', r.notice, `${at} roles[${i}].notice`);
        if (r.group) require(kb.groups, 'groups', r.group, `${at} roles[${i}].group`);
        if (r.organization) require(kb.organizations, 'organizations', r.organization, `${at} roles[${i}].organization`);
      });
      p.notices.forEach((n, i) => require(kb.notices, 'notices', n, `${at} notices[${i}]`));
      p.flags.forEach((f, i) => f.evidence.forEach((e, j) => require(kb.notices, 'notices', e.notice, `${at} flags[${i}].evidence[${j}].notice`)));
    }
    for (const o of kb.organizations.values()) {
      const at = `organizations/${o.id}`;
      o.notices.forEach((n, i) => require(kb.notices, 'notices', n, `${at} notices[${i}]`));
      o.issued.forEach((n, i) => require(kb.notices, 'notices', n, `${at} issued[${i}]`));
      o.tasks.forEach((t, i) => require(kb.notices, 'notices', t.notice, `${at} tasks[${i}].notice`));
    }
    for (const g of kb.groups.values()) {
      const at = `groups/${g.id}`;
      if (g.organization) require(kb.organizations, 'organizations', g.organization, `${at} organization`);
      g.events.forEach((e, i) => require(kb.notices, 'notices', e.notice, `${at} events[${i}].notice`));
      g.memberships.forEach((m, i) => {
        require(kb.people, 'people', m.person_id, `${at} memberships[${i}].person_id`);
        if (m.organization_id) require(kb.organizations, 'organizations', m.organization_id, `${at} memberships[${i}].organization_id`);
        require(kb.groups, 'groups', m.group, `${at} memberships[${i}].group`);
        require(kb.notices, 'notices', m.notice, `${at} memberships[${i}].notice`);
      });
    }
    for (const c of kb.citations.values()) {
      const at = `citations/${c.id}`;
      if (c.notice) require(kb.notices, 'notices', c.notice, `${at} notice`);
      c.citedBy.forEach((e, i) => require(kb.notices, 'notices', e.notice, `${at} citedBy[${i}].notice`));
    }
  });
}

/** Notice ids in reading order, each once. */
export function inReadingOrder(kb: KnowledgeBase, ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort((a, b) => kb.noticeOrder.get(a)! - kb.noticeOrder.get(b)!);
}

/** What a notice's page lists beside its text. */
export interface NoticeEntities {
  people: Person[];
  organizations: Organization[];
  /** Documents this notice cites, in the order it first cites them. */
  cites: Citation[];
  /** Notices in the corpus that cite this one, in reading order, with their seed lines. */
  citedBy: { notice: string; lines: number[] }[];
}

export function noticeEntities(kb: KnowledgeBase, noticeId: string): NoticeEntities {
  const index = byNotice(kb);
  const firstLine = (c: Citation) => Math.min(...c.citedBy.filter((e) => e.notice === noticeId).map((e) => e.line));
  const cites = [...(index.cites.get(noticeId) ?? [])].sort((a, b) => firstLine(a) - firstLine(b) || (a.id < b.id ? -1 : 1));
  const lines = new Map<string, number[]>();
  for (const c of index.resolved.get(noticeId) ?? []) {
    for (const e of c.citedBy) lines.set(e.notice, [...(lines.get(e.notice) ?? []), e.line]);
  }
  return {
    people: index.people.get(noticeId) ?? [],
    organizations: index.organizations.get(noticeId) ?? [],
    cites,
    citedBy: inReadingOrder(kb, lines.keys()).map((notice) => ({ notice, lines: [...new Set(lines.get(notice))].sort((a, b) => a - b) })),
  };
}

interface NoticeIndex {
  /** Per notice: the people and organizations naming it, in their index order. */
  people: Map<string, Person[]>;
  organizations: Map<string, Organization[]>;
  /** Per notice: the citations it makes, and those that resolve to it. */
  cites: Map<string, Citation[]>;
  resolved: Map<string, Citation[]>;
}

const noticeIndexes = new WeakMap<KnowledgeBase, NoticeIndex>();

/**
 * Who and what each notice names, computed once per knowledge base: scanning every person and
 * citation for each notice page made the build quadratic in the number of notices.
 */
function byNotice(kb: KnowledgeBase): NoticeIndex {
  let index = noticeIndexes.get(kb);
  if (index) return index;
  const add = <T,>(map: Map<string, T[]>, id: string, item: T) => {
    const list = map.get(id);
    if (list) {
      if (list[list.length - 1] !== item) list.push(item);
    } else map.set(id, [item]);
  };
  index = { people: new Map(), organizations: new Map(), cites: new Map(), resolved: new Map() };
  for (const p of kb.peopleSorted) for (const id of p.notices) add(index.people, id, p);
  for (const o of kb.organizationsSorted) for (const id of o.notices) add(index.organizations, id, o);
  for (const c of kb.citations.values()) {
    for (const e of c.citedBy) add(index.cites, e.notice, c);
    if (c.notice) add(index.resolved, c.notice, c);
  }
  noticeIndexes.set(kb, index);
  return index;
}

/**
 * The people who most often serve in the same groups as a person: each with the groups they
 * share, most shared first (then by pinyin), at most `limit`, and only people who share at least
 * `min` groups — a person in one 指挥部 of 50 would otherwise list all 49, which its page says.
 */
export function oftenServesWith(kb: KnowledgeBase, personId: string, { limit = 8, min = 2 } = {}): { person: Person; groups: Group[] }[] {
  const shared = new Map<string, Group[]>();
  for (const group of kb.groupsSorted) {
    const members = new Set(group.memberships.map((m) => m.person_id));
    if (!members.has(personId)) continue;
    for (const id of members) if (id !== personId) shared.set(id, [...(shared.get(id) ?? []), group]);
  }
  const rank = new Map(kb.peopleSorted.map((p, i) => [p.id, i]));
  return [...shared]
    .filter(([, groups]) => groups.length >= min)
    .sort(([a, ga], [b, gb]) => gb.length - ga.length || rank.get(a)! - rank.get(b)!)
    .slice(0, limit)
    .map(([id, groups]) => ({ person: kb.people.get(id)!, groups }));
}

/** People with a post at an organization, by pinyin, each with the roles that say so. */
export function peopleAt(kb: KnowledgeBase, organizationId: string): { person: Person; roles: Role[] }[] {
  return kb.peopleSorted
    .map((person) => ({ person, roles: person.roles.filter((r) => r.organization === organizationId) }))
    .filter((x) => x.roles.length > 0);
}

/** Distinct role names in the order they first occur (组长 before 副组长 before 成员, as printed). */
export function roleOrder(memberships: readonly Membership[]): string[] {
  return [...new Set(memberships.map((m) => m.role))];
}

/** Memberships grouped by role, roles in printed order. */
export function byRole(memberships: readonly Membership[]): { role: string; memberships: Membership[] }[] {
  return roleOrder(memberships).map((role) => ({ role, memberships: memberships.filter((m) => m.role === role) }));
}

/**
 * Who was in the group on `date` (ISO): memberships that had started and not yet ended.
 * An end_date is the date of the notice that changed the group, so it is exclusive.
 */
export function membershipsOn(group: Group, date: string): Membership[] {
  // A later version that lists the same person in the same role continues that membership: the
  // person is in the group once, as the latest version up to `date` lists them (a group re-listed
  // every year would otherwise show everyone once per year, and its page grow quadratically).
  const on: Membership[] = [];
  for (const t of tenures(group.memberships)) {
    if (t.start_date > date || (t.latest.end_date !== undefined && date >= t.latest.end_date)) continue;
    on.push(t.memberships.findLast((m) => m.start_date <= date)!);
  }
  const order = printedOrder(group.memberships);
  return on.sort((a, b) => order.get(a)! - order.get(b)!);
}

/** Each membership's place in its group's list: a group page asks once per event, so made once per list. */
function printedOrder(memberships: readonly Membership[]): ReadonlyMap<Membership, number> {
  let order = orderCache.get(memberships);
  if (!order) orderCache.set(memberships, (order = new Map(memberships.map((m, i) => [m, i]))));
  return order;
}

const orderCache = new WeakMap<readonly Membership[], ReadonlyMap<Membership, number>>();

function tenureOf(chain: Membership[]): Tenure {
  return { memberships: chain, latest: chain[chain.length - 1]!, start_date: chain[0]!.start_date, notices: [...new Set(chain.map((m) => m.notice))] };
}

/** One person in one role over consecutive versions of a group: the memberships that list them so. */
export interface Tenure {
  /** The memberships, oldest first. */
  memberships: Membership[];
  /** The latest membership: its post, end_date and notice are the tenure's current ones. */
  latest: Membership;
  /** When the first version listing them took effect. */
  start_date: string;
  /** Notice ids of every version listing them, oldest first. */
  notices: string[];
}

/**
 * Memberships as tenures: a (person, role) that a later version repeats is one tenure, not one
 * row per version — one row per version would grow a group's page with its history. A person
 * dropped and later listed again has two tenures. In first-listed order.
 */
export function tenures(memberships: readonly Membership[]): Tenure[] {
  let known = tenureCache.get(memberships);
  if (!known) tenureCache.set(memberships, (known = computeTenures(memberships)));
  return known;
}

// A group page asks for its tenures once per event: computed once per memberships list.
const tenureCache = new WeakMap<readonly Membership[], Tenure[]>();

function computeTenures(memberships: readonly Membership[]): Tenure[] {
  const byKey = new Map<string, Membership[]>();
  for (const m of memberships) {
    const key = `${m.person_id}|${m.role}`;
    const list = byKey.get(key);
    if (list) list.push(m);
    else byKey.set(key, [m]);
  }
  const out: Tenure[] = [];
  for (const ms of byKey.values()) {
    const sorted = [...ms].sort((a, b) => (a.start_date < b.start_date ? -1 : a.start_date > b.start_date ? 1 : 0));
    // A membership with an end_date was dropped by the next version: a later listing is a new tenure.
    let chain: Membership[] = [];
    for (const m of sorted) {
      chain.push(m);
      if (m.end_date !== undefined) {
        out.push(tenureOf(chain));
        chain = [];
      }
    }
    if (chain.length > 0) out.push(tenureOf(chain));
  }
  return out;
}

/** Events in date order (then notice id, so same-day events keep one order). */
export function eventsInOrder(group: Group): Group['events'] {
  return [...group.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.notice < b.notice ? -1 : a.notice > b.notice ? 1 : 0));
}

/** How a cited document is named on the page: a 文号 as is, a title in 《》 as the gazette prints it. */
export function citationLabel(citation: Citation): string {
  return citation.kind === 'title' ? `《${citation.label}》` : citation.label;
}
