// The knowledge-base pages in dist/ (people, organizations, groups, references), their JSON files
// and the blocks on notice pages — checked against the data the build read (DATA_DIR, else
// content/data/) — plus the pure helpers behind them, and real builds that must fail on a
// dangling reference or must work under a base path.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Citation, Group, Organization, Person } from '../../schemas/entities.ts';
import { checkLinks } from '../../scripts/check/links.ts';
import { buildKnowledgeBase, byRole, membershipsOn, tenures } from '../../src/lib/kb.ts';
import { compareByPinyin, initialOf, pinyinKey, sortByPinyin } from '../../lib/pinyin.ts';
import { bodyEntityLinks, MissingEntityError, requireEntity } from '../../src/lib/refs.ts';
import { groupUrl, noticeUrl, organizationUrl, personUrl, referenceUrl } from '../../lib/urls.ts';
import { root } from '../helpers.ts';
import { astroBuild, buildEnv, dist, failedAstroBuild } from './build.ts';

const dataDir = resolve(root, process.env.DATA_DIR ?? 'content/data');
const fixtureData = resolve(root, 'tests/fixtures/site-data');
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const page = (url: string): Root => fromHtml(readFileSync(join(dist, url, 'index.html'), 'utf8'));
const hrefs = (tree: Root | Element, selector = 'a[href]') => selectAll(selector, tree).map((a) => String(a.properties.href));
const text = (tree: Root | Element | undefined) => (tree ? toText(tree).replace(/\s+/g, ' ').trim() : '');

let people: Person[];
let organizations: Organization[];
let groups: Group[];
let citations: Citation[];
let notices: { id: string; docNo: string; url: string; date: string }[];

beforeAll(() => {
  if (!existsSync(join(dist, 'api/people.json'))) throw new Error('dist/ has no knowledge base: run `npm run build` before `npm test`');
  people = readJson(join(dataDir, 'people.json'));
  organizations = readJson(join(dataDir, 'organizations.json'));
  groups = readJson(join(dataDir, 'groups.json'));
  citations = readJson(join(dataDir, 'citations.json'));
  notices = readJson(join(dist, 'api/notices.json'));
  // The pages must have been built from this data, not some other DATA_DIR.
  expect(readJson<{ id: string }[]>(join(dist, 'api/people.json')).map((p) => p.id).sort()).toEqual(people.map((p) => p.id).sort());
});

describe('cross-references', () => {
  const entries = new Map([['gao-kaiying', { name: '高凯英' }]]);

  test('requireEntity returns the entry or names what is missing and where it was referenced', () => {
    expect(requireEntity(entries, 'people', 'gao-kaiying', 'x')).toEqual({ name: '高凯英' });
    expect(() => requireEntity(entries, 'people', 'gao-kaiyin', 'groups/fangxun-kanghan-zhihuibu memberships[0].person_id')).toThrow(
      new MissingEntityError('people', 'gao-kaiyin', 'groups/fangxun-kanghan-zhihuibu memberships[0].person_id'),
    );
    expect(() => requireEntity(entries, 'people', 'nobody', 'notices/2022-weizheng-16 roles[3]')).toThrow(
      'people/nobody referenced from notices/2022-weizheng-16 roles[3] does not exist',
    );
  });

  test('the knowledge base is checked as a whole: every dangling id is listed with its place', () => {
    const data = {
      notices: readJson<{ id: string }[]>(join(dist, 'api/notices.json')) as never[],
      people: readJson<Person[]>(join(fixtureData, 'people.json')),
      organizations: readJson<Organization[]>(join(fixtureData, 'organizations.json')),
      groups: readJson<Group[]>(join(fixtureData, 'groups.json')),
      citations: readJson<Citation[]>(join(fixtureData, 'citations.json')),
    };
    expect(() => buildKnowledgeBase(data)).not.toThrow();
    const broken = structuredClone(data);
    broken.people[0]!.roles[0]!.group = 'no-such-group';
    broken.groups[0]!.memberships[2]!.person_id = 'no-such-person';
    broken.citations[0]!.citedBy[0]!.notice = '2022-weizheng-99';
    expect(() => buildKnowledgeBase(broken)).toThrow(
      [
        '3 broken references in the knowledge base:',
        `  groups/no-such-group referenced from people/${broken.people[0]!.id} roles[0].group does not exist`,
        `  people/no-such-person referenced from groups/${broken.groups[0]!.id} memberships[2].person_id does not exist`,
        `  notices/2022-weizheng-99 referenced from citations/${broken.citations[0]!.id} citedBy[0].notice does not exist`,
      ].join('\n'),
    );
  });

  test('entity links in a notice body are found with their line', () => {
    const body = '各乡镇：\n\n- **组长**：[高凯英](../../../people/gao-kaiying/) 县委副书记\n根据[威政办字〔2022〕34号](../../../references/doc-weizhengbanzi-2022-34/)和[县司法局](../../../organizations/xian-sifa-ju/)';
    expect(bodyEntityLinks(body)).toEqual([
      { collection: 'people', id: 'gao-kaiying', line: 3 },
      { collection: 'citations', id: 'doc-weizhengbanzi-2022-34', line: 4 },
      { collection: 'organizations', id: 'xian-sifa-ju', line: 4 },
    ]);
  });

  test('a real build fails on a dangling reference, naming it and its place', () => {
    const work = mkdtempSync(join(tmpdir(), 'kb-broken-'));
    cpSync(fixtureData, join(work, 'data'), { recursive: true });
    const file = join(work, 'data/groups.json');
    const data = readJson<Group[]>(file);
    data[0]!.memberships[0]!.person_id = 'gao-kaiyin';
    writeFileSync(file, JSON.stringify(data));
    const env = buildEnv({ DATA_DIR: join(work, 'data'), OUT_DIR: join(work, 'dist'), ASTRO_CACHE_DIR: join(work, 'cache') });
    const output = failedAstroBuild(env);
    expect(output).toContain(`people/gao-kaiyin referenced from groups/${data[0]!.id} memberships[0].person_id does not exist`);
    expect(existsSync(join(work, 'dist/people/index.html'))).toBe(false);
  }, 120_000);

  test('a real build fails on a link to a missing entity in a notice body, naming the file and line', () => {
    const work = mkdtempSync(join(tmpdir(), 'kb-body-'));
    cpSync(join(root, 'content/notices'), join(work, 'notices'), { recursive: true });
    // The notices' catalogue goes with them (content/data/notices.json, written by the same ingest).
    cpSync(join(root, 'content/data/notices.json'), join(work, 'data/notices.json'));
    const file = join(work, 'notices/2022/weizheng-16.mdx');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('id="cover"')) + 2;
    lines.splice(at, 0, '  [某人](../../../people/nobody/)', '');
    writeFileSync(file, lines.join('\n'));
    const env = buildEnv({ CONTENT_DIR: work, DATA_DIR: dataDir, OUT_DIR: join(work, 'dist'), ASTRO_CACHE_DIR: join(work, 'cache') });
    const output = failedAstroBuild(env);
    expect(output).toMatch(new RegExp(`people/nobody referenced from notices/2022-weizheng-16 \\(.*weizheng-16\\.mdx:${at + 1}\\) does not exist`));
  }, 120_000);
});

describe('pinyin and group history helpers', () => {
  test('names sort by pinyin, homophones by the name itself; initials are A–Z', () => {
    expect(sortByPinyin(['张辉', '安清柱', '张慧', '高凯英', '翟飞昌'], (s) => s)).toEqual(['安清柱', '高凯英', '翟飞昌', '张慧', '张辉']);
    expect(pinyinKey('单雄')).toBe('shan xiong');
    expect(initialOf('翟飞昌')).toBe('Z');
    expect(compareByPinyin('威政办字〔2022〕5号', '威政办字〔2022〕25号')).toBeLessThan(0);
  });

  test('membership on a date: started, and not yet ended (end_date is exclusive)', () => {
    const m = (person_id: string, role: string, start_date: string, end_date?: string) => ({ person_id, group: 'g', role, notice: 'n', start_date, line: 1, ...(end_date ? { end_date } : {}) });
    const group: Group = {
      id: 'g',
      name: 'G',
      kind: '指挥部',
      events: [],
      memberships: [m('a', '指挥长', '2021-03-01'), m('b', '副指挥长', '2021-03-01', '2022-04-26'), m('c', '副指挥长', '2022-04-26'), m('d', '成员', '2021-03-01')],
    };
    expect(membershipsOn(group, '2021-02-28').map((x) => x.person_id)).toEqual([]);
    expect(membershipsOn(group, '2022-04-25').map((x) => x.person_id)).toEqual(['a', 'b', 'd']);
    expect(membershipsOn(group, '2022-04-26').map((x) => x.person_id)).toEqual(['a', 'c', 'd']);
    expect(byRole(group.memberships).map((r) => r.role)).toEqual(['指挥长', '副指挥长', '成员']);
  });

  test('a group re-listed by later versions shows each person in a role once, with one tenure', () => {
    const m = (person_id: string, notice: string, start_date: string, end_date?: string) => ({ person_id, group: 'g', role: '成员', notice, start_date, line: 1, ...(end_date ? { end_date } : {}) });
    // a is listed by all three versions; b by the first two, then dropped; c dropped and listed again.
    const memberships = [m('a', 'n1', '2021-01-01'), m('b', 'n1', '2021-01-01'), m('c', 'n1', '2021-01-01', '2022-01-01'), m('a', 'n2', '2022-01-01'), m('b', 'n2', '2022-01-01', '2023-01-01'), m('a', 'n3', '2023-01-01'), m('c', 'n3', '2023-01-01')];
    const group: Group = { id: 'g', name: 'G', kind: '领导小组', events: [], memberships };
    expect(membershipsOn(group, '2022-06-01').map((x) => `${x.person_id}:${x.notice}`)).toEqual(['a:n2', 'b:n2']);
    expect(membershipsOn(group, '2023-06-01').map((x) => `${x.person_id}:${x.notice}`)).toEqual(['a:n3', 'c:n3']);
    expect(tenures(memberships).map((t) => [t.latest.person_id, t.start_date, t.latest.end_date ?? '', t.notices.join(' ')])).toEqual([
      ['a', '2021-01-01', '', 'n1 n2 n3'],
      ['b', '2021-01-01', '2023-01-01', 'n1 n2'],
      ['c', '2021-01-01', '2022-01-01', 'n1'],
      ['c', '2023-01-01', '', 'n3'],
    ]);
  });
});

describe('index pages', () => {
  test('/people/ lists everyone by pinyin, in sections per initial, with working A–Z jump links', () => {
    const tree = page('/people/');
    const names = selectAll('.initial-section li > a', tree).map((a) => text(a));
    expect(names).toEqual(sortByPinyin(people, (p) => p.name).map((p) => p.name));
    for (const section of selectAll('.initial-section', tree)) {
      const letter = text(select('h2', section));
      for (const a of selectAll('li > a', section)) expect(initialOf(text(a)), text(a)).toBe(letter);
    }
    const jumps = hrefs(tree, 'nav.alphabet a');
    expect(jumps.length).toBeGreaterThan(1);
    const ids = new Set(selectAll('[id]', tree).map((e) => String(e.properties.id)));
    for (const href of jumps) expect(ids.has(href.slice(1)), href).toBe(true);
    expect(jumps).toEqual([...jumps].sort());
  });

  test('/organizations/ groups by category in the fixed order, by pinyin within', () => {
    const tree = page('/organizations/');
    const order = ['县领导和县政府', '县直部门', '乡镇', '企业与其他'];
    const sections = selectAll('main section', tree);
    const headings = sections.map((s) => text(select('h2', s)));
    expect(headings).toEqual(order.filter((c) => organizations.some((o) => o.category === c)));
    for (const s of sections) {
      const category = text(select('h2', s));
      const names = selectAll('li > a', s).map((a) => text(a));
      expect(names).toEqual(sortByPinyin(organizations.filter((o) => o.category === category), (o) => o.name).map((o) => o.name));
    }
  });

  test('/groups/ and /references/ list every group and citation; references split by in-corpus', () => {
    expect(hrefs(page('/groups/'), 'main li > a').sort()).toEqual(groups.map((g) => groupUrl(g.id)).sort());
    const refs = page('/references/');
    expect(hrefs(refs, 'main li > a').sort()).toEqual(citations.map((c) => referenceUrl(c.id)).sort());
    expect(hrefs(refs, '#in-corpus + ul a').sort()).toEqual(citations.filter((c) => c.notice).map((c) => referenceUrl(c.id)).sort());
  });

  test('the site header links to the four indexes', () => {
    expect(hrefs(page('/'), '.site-nav a')).toEqual(['/', '/browse/', '/people/', '/organizations/', '/groups/', '/references/', '/search/']);
  });
});

describe('entity pages', () => {
  test('a person page lists every role and links back to every notice naming them', () => {
    for (const p of people) {
      const tree = page(personUrl(p.id));
      expect(text(select('h1', tree))).toBe(p.name);
      // One row per role (the same 工作机构, group, role and 本职), in a table only when there are
      // roles (no empty section); each row links each notice stating it once; no file path.
      const rows = selectAll('table.roles tbody tr', tree);
      expect(rows).toHaveLength(new Set(p.roles.map((r) => JSON.stringify([r.organization, r.group, r.role, r.title]))).size);
      for (const tr of rows) {
        const linked = hrefs(select('td[data-label="文件"]', tr)!);
        expect(new Set(linked).size, p.id).toBe(linked.length);
      }
      const stated = rows.flatMap((tr) => hrefs(select('td[data-label="文件"]', tr)!));
      for (const r of p.roles) expect(stated, `${p.id} → ${r.notice}`).toContain(noticeUrl(r.notice));
      expect(text(select('main', tree)!)).not.toContain('seeds/');
      const links = new Set(hrefs(select('main', tree)!));
      for (const n of p.notices) expect(links.has(noticeUrl(n)), `${p.id} → ${n}`).toBe(true);
      for (const r of p.roles) if (r.group) expect(links.has(groupUrl(r.group)), `${p.id} → ${r.group}`).toBe(true);
      expect(selectAll('.kb-flags li', tree)).toHaveLength(p.flags.length);
    }
  });

  test('no entity page shows an empty section, a “0” count, or a file path', () => {
    const urls = [...people.map((p) => personUrl(p.id)), ...organizations.map((o) => organizationUrl(o.id)), ...groups.map((g) => groupUrl(g.id)), '/groups/', '/references/'];
    for (const url of urls) {
      const tree = page(url);
      expect(select('.kb-empty', tree), url).toBeUndefined();
      const main = text(select('main', tree)!);
      expect(main, url).not.toMatch(/（0）|\b0 (条|人|件)|seeds\//);
    }
  });

  test('a person page names the few who share the most groups with them, with counts', () => {
    // 高凯英 leads five groups; a person who shares at least two of them is listed with how many.
    const gao = people.find((p) => p.name === '高凯英')!;
    const mine = groups.filter((g) => g.memberships.some((m) => m.person_id === gao.id));
    const shared = new Map<string, number>();
    for (const g of mine) for (const id of new Set(g.memberships.map((m) => m.person_id))) if (id !== gao.id) shared.set(id, (shared.get(id) ?? 0) + 1);
    const expected = [...shared].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1]);
    const rows = selectAll('.peers > li', page(personUrl(gao.id)));
    expect(rows.length).toBe(Math.min(8, expected.length));
    const counts = rows.map((li) => Number(/(\d+) 个工作机构/.exec(text(li))![1]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBe(expected[0]![1]);
    // Each row's count is the number of shared groups it links to.
    for (const li of rows) expect(selectAll('.peer-groups a', li)).toHaveLength(Number(/(\d+) 个工作机构/.exec(text(li))![1]));
  });

  test('a role stated in several notices is one row: its first and last date, each notice once, how many times', () => {
    // seeds/weixian-gazette-2022-02.txt: 林毅 is 牵头县领导 of a task in 威政办字〔2022〕21号 (line 3460,
    // 2022年4月4日) and of seven in 威政办字〔2022〕38号 (lines 8457–8803, 2022年5月25日).
    const lin = people.find((p) => p.name === '林毅')!;
    const row = selectAll('table.roles tbody tr', page(personUrl(lin.id))).find((tr) => text(select('td[data-label="职务"]', tr)!) === '牵头县领导')!;
    expect(text(select('td[data-label="日期"]', row)!)).toBe('2022年4月4日 至 2022年5月25日');
    expect(text(select('td[data-label="文件"]', row)!)).toBe('威政办字〔2022〕21号、威政办字〔2022〕38号（7 处）');
    expect(hrefs(select('td[data-label="文件"]', row)!)).toEqual([noticeUrl('2022-weizhengban-21'), noticeUrl('2022-weizhengban-38')]);
  });

  test('a person’s role names the organization of the post: 县委副书记、政府县长 works for the county government', () => {
    const gao = people.find((p) => p.name === '高凯英')!;
    const rows = selectAll('table.roles tbody tr', page(personUrl(gao.id)));
    for (const tr of rows) expect(text(select('td[data-label="工作机构"]', tr)!)).toBe('威县人民政府');
  });

  test('flags are shown with links to their evidence', () => {
    const flagged = people.filter((p) => p.flags.length > 0);
    if (flagged.length === 0) return;
    const tree = page(personUrl(flagged[0]!.id));
    const flag = flagged[0]!.flags[0]!;
    const li = select('.kb-flags li', tree)!;
    expect(text(li)).toContain(flag.message);
    for (const e of flag.evidence) {
      expect(hrefs(li)).toContain(noticeUrl(e.notice));
      expect(hrefs(li)).toContain(`/seeds/weixian-gazette-2022-02/#L${e.line}`);
    }
  });

  test('an organization page shows its names, and a group page its members by role', () => {
    const withAliases = organizations.find((o) => o.aliases.length > 0)!;
    const org = page(organizationUrl(withAliases.id));
    expect(text(select('h1', org))).toBe(withAliases.name);
    for (const alias of withAliases.aliases) expect(text(select('.org-aliases', org))).toContain(alias);
    for (const n of withAliases.issued) expect(hrefs(org)).toContain(noticeUrl(n));
    for (const g of groups) {
      const tree = page(groupUrl(g.id));
      expect(text(select('h1', tree))).toBe(g.name);
      const current = g.memberships.filter((x) => !x.end_date);
      const members = select('section:has(> #members)', tree);
      // No members, no section (not “0 条任职”, not “无”).
      if (current.length === 0) expect(members, g.id).toBeUndefined();
      for (const m of current) expect(hrefs(members!)).toContain(personUrl(m.person_id));
      expect(select('.kb-empty', tree), g.id).toBeUndefined();
      // The list as of each event, only where it changed: no two consecutive lists alike, and
      // none at all with a single list (it is the list above); every event is accounted for.
      const asOf = selectAll('details.as-of', tree);
      const tables = asOf.map((d) => text(select('table', d)));
      for (let i = 1; i < tables.length; i++) expect(tables[i], `${g.id} as of ${i}`).not.toBe(tables[i - 1]);
      expect(asOf.length).not.toBe(1);
      if (asOf.length > 0) expect(asOf.reduce((n, d) => n + 1 + Number(/的 (\d+) 次/.exec(text(select('summary', d)))?.[1] ?? 0), 0), g.id).toBe(g.events.length);
    }
  });

  test('an organization page keeps every task it was given: a row per task and notice title, each notice and line linked', () => {
    const api = readJson<{ id: string; title: string; source: { file: string } }[]>(join(dist, 'api/notices.json'));
    const byId = new Map(api.map((n) => [n.id, n]));
    let checked = 0;
    for (const o of organizations) {
      const section = select('section:has(> #tasks)', page(organizationUrl(o.id)));
      if (o.tasks.length === 0) {
        expect(section, o.id).toBeUndefined();
        continue;
      }
      const links = hrefs(section!);
      for (const t of o.tasks) {
        expect(links, `${o.id} ${t.notice}`).toContain(noticeUrl(t.notice));
        expect(links, `${o.id} ${t.notice}:${t.line}`).toContain(`/seeds/${byId.get(t.notice)!.source.file.replace(/^.*\/|\.txt$/g, '')}/#L${t.line}`);
        checked++;
      }
      expect(selectAll('.kb-tasks > li', section!), o.id).toHaveLength(new Set(o.tasks.map((t) => JSON.stringify([t.lead, t.task, byId.get(t.notice)!.title]))).size);
    }
    expect(checked).toBeGreaterThan(0);
  });

  test('an organization page names each person holding a post there, with the notices saying so (the first and the latest, and how many, beyond three)', () => {
    for (const o of organizations) {
      const holders = people.filter((p) => p.roles.some((r) => r.organization === o.id));
      const section = select('section:has(> #staff)', page(organizationUrl(o.id)));
      if (holders.length === 0) continue;
      for (const p of holders) {
        const li = selectAll('.kb-index > li', section!).find((li) => hrefs(li)[0] === personUrl(p.id))!;
        const ids = [...new Set(p.roles.filter((r) => r.organization === o.id).map((r) => r.notice))];
        const linked = hrefs(li).slice(1);
        if (ids.length <= 3) expect(linked.sort(), `${o.id} ${p.id}`).toEqual(ids.map((id) => noticeUrl(id)).sort());
        else {
          expect(linked, `${o.id} ${p.id}`).toHaveLength(2);
          expect(text(li)).toContain(`等 ${ids.length} 件，最近`);
        }
      }
    }
  });

  test('a group listed again unchanged, then changed: two as-of lists, the unchanged listing counted in the first', () => {
    // The seed lists each group once; here the 地下水超采 group (威政字〔2022〕19号, 28 members) is
    // listed again as it was by 威政办字〔2022〕24号 and then without its last member by 44号.
    const work = mkdtempSync(join(tmpdir(), 'kb-asof-'));
    cpSync(dataDir, join(work, 'data'), { recursive: true });
    const file = join(work, 'data/groups.json');
    const data = readJson<Group[]>(file);
    const g = data.find((x) => x.id === 'weixian-dixiashuichaocaizonghezhilixingdong-lingdaoxiaozu')!;
    const v1 = g.memberships;
    expect(v1).toHaveLength(28);
    const v2 = v1.map((m) => ({ ...m, notice: '2022-weizhengban-24', start_date: '2022-04-26' }));
    v2.at(-1)!.end_date = '2022-06-21';
    const v3 = v1.slice(0, -1).map((m) => ({ ...m, notice: '2022-weizhengban-44', start_date: '2022-06-21' }));
    g.memberships = [...v1, ...v2, ...v3];
    g.events.push({ notice: '2022-weizhengban-24', date: '2022-04-26', action: '调整' }, { notice: '2022-weizhengban-44', date: '2022-06-21', action: '调整' });
    writeFileSync(file, JSON.stringify(data));
    const out = join(work, 'dist');
    astroBuild(buildEnv({ DATA_DIR: join(work, 'data'), OUT_DIR: out, ASTRO_CACHE_DIR: join(work, 'cache') }));
    const tree = fromHtml(readFileSync(join(out, 'groups', g.id, 'index.html'), 'utf8'));
    const asOf = selectAll('details.as-of', tree);
    expect(asOf.map((d) => text(select('summary', d)))).toEqual(['2022年4月14日 成立后（威政字〔2022〕19号，28 人），此后至2022年4月26日的 1 次调整名单未变', '2022年6月21日 调整后（威政办字〔2022〕44号，27 人）']);
    expect(asOf.map((d) => selectAll('tbody tr', d).length)).toEqual([28, 27]);
    expect(selectAll('.kb-events > li', tree)).toHaveLength(3);
  });

  test('a reference page links to its notice when in the corpus, and to every notice citing it', () => {
    for (const c of citations) {
      const tree = page(referenceUrl(c.id));
      const links = hrefs(select('main', tree)!);
      if (c.notice) expect(links).toContain(noticeUrl(c.notice));
      for (const e of c.citedBy) {
        expect(links).toContain(noticeUrl(e.notice));
        expect(text(select('section:has(> #cited-by)', tree)!)).toMatch(new RegExp(`第 (?:\\d+、)*${e.line}[、 ]`));
      }
    }
  });

  test('every link on the knowledge-base pages resolves to a file in dist/', () => {
    const { problems, links } = checkLinks(dist);
    expect(problems.filter((p) => /^\/(people|organizations|groups|references|notices)\//.test(p.page))).toEqual([]);
    expect(links).toBeGreaterThan(people.length);
  });
});

describe('notice pages', () => {
  test('name their people, organizations and references outside the source text, ignored by Pagefind', () => {
    for (const n of notices) {
      const tree = page(n.url);
      for (const block of selectAll('.kb-block', tree)) {
        expect(block.properties.dataPagefindIgnore).toBeDefined();
        expect(selectAll('[data-source-text] .kb-block', tree)).toEqual([]);
      }
      const named = select('section:has(> #notice-entities)', tree);
      const expected = people.filter((p) => p.notices.includes(n.id)).map((p) => personUrl(p.id));
      expect(named ? hrefs(named).filter((h) => h.startsWith('/people/')) : [], n.id).toEqual(sortByPinyin(people.filter((p) => p.notices.includes(n.id)), (p) => p.name).map((p) => personUrl(p.id)));
      expect(expected.length === 0 || named !== undefined).toBe(true);
      const refs = select('section:has(> #notice-references)', tree);
      for (const c of citations) {
        if (c.citedBy.some((e) => e.notice === n.id)) expect(hrefs(refs!), `${n.id} cites ${c.id}`).toContain(c.notice ? noticeUrl(c.notice) : referenceUrl(c.id));
        if (c.notice === n.id) for (const e of c.citedBy) expect(hrefs(refs!), `${n.id} cited by ${e.notice}`).toContain(noticeUrl(e.notice));
      }
    }
  });
});

describe('open data', () => {
  const keys = (records: object[]) => [...new Set(records.map((r) => Object.keys(r).join(',')))];

  test('people, organizations, memberships and citations have the documented fields in a fixed order', () => {
    const api = (name: string) => readJson<Record<string, unknown>[]>(join(dist, `api/${name}.json`));
    expect(keys(api('people'))).toEqual(['id,name,url,roles']);
    expect(api('people').map((p) => p.id)).toEqual(sortByPinyin(people, (p) => p.name).map((p) => p.id));
    expect(api('people').find((p) => p.id === people[0]!.id)).toMatchObject({ url: personUrl(people[0]!.id) });
    // Each role once, with every statement of it: the records give back each person's roles.
    for (const p of people) {
      const record = api('people').find((r) => r.id === p.id) as { roles: { group?: string; role?: string; title?: string; organization?: string; source: string; from: string; to: string; statements: { notice: string; line: number }[] }[] };
      const date = new Map(notices.map((n) => [n.id, n.date]));
      const back = record.roles.flatMap(({ statements, from, to, ...r }) => statements.map((s) => ({ notice: s.notice, date: date.get(s.notice), ...r, line: s.line, from, to })));
      expect(back.map(({ from, to, ...r }) => r).sort((a, b) => a.date!.localeCompare(b.date!) || a.notice.localeCompare(b.notice) || a.line - b.line), p.id).toEqual([...p.roles].sort((a, b) => a.date.localeCompare(b.date) || a.notice.localeCompare(b.notice) || a.line - b.line).map((r) => ({ notice: r.notice, date: r.date, group: r.group, role: r.role, title: r.title, organization: r.organization, source: r.source, line: r.line })));
      for (const b of back) expect(b.from <= b.date! && b.date! <= b.to, p.id).toBe(true);
      expect(new Set(record.roles.map((r) => JSON.stringify([r.group, r.role, r.title, r.organization, r.source]))).size).toBe(record.roles.length);
    }
    expect(keys(api('organizations'))).toEqual(['id,name,aliases,url,category']);
    for (const k of keys(api('memberships'))) expect(k).toMatch(/^person_id,(organization_id,)?group,role,(post,)?notice,notices,start_date(,end_date)?$/);
    // The seed lists each group once: one record per listing. Every listing is in a record.
    expect(api('memberships')).toHaveLength(groups.reduce((n, g) => n + g.memberships.length, 0));
    for (const g of groups) {
      for (const m of g.memberships) {
        expect(api('memberships').filter((r) => r.group === g.id && r.person_id === m.person_id && r.role === m.role && r.post === m.post && r.organization_id === m.organization_id && (r.notices as string[]).includes(m.notice) && (r.start_date as string) <= m.start_date), `${g.id} ${m.person_id}`).toHaveLength(1);
      }
    }
    for (const k of keys(api('citations'))) expect(k).toMatch(/^id,label,kind,(notice,)?url,citedBy$/);
    expect(api('citations').map((c) => c.url).sort()).toEqual(citations.map((c) => referenceUrl(c.id)).sort());
    // One record per line, unindented, with a trailing newline: each line between the brackets is
    // exactly one record of the array, in order.
    for (const name of ['notices', 'people', 'organizations', 'memberships', 'citations']) {
      const text = readFileSync(join(dist, `api/${name}.json`), 'utf8');
      const records = JSON.parse(text) as unknown[];
      const lines = text.split('\n');
      expect([lines[0], lines.at(-2), lines.at(-1)], name).toEqual(['[', ']', '']);
      expect(lines.slice(1, -2).map((line, i) => JSON.parse(i < records.length - 1 ? line.replace(/,$/, '') : line)), name).toEqual(records);
    }
  });
});

describe('under a base path', () => {
  test('SITE_BASE=/gazette/: every knowledge-base link and url carries the base', () => {
    const work = mkdtempSync(join(tmpdir(), 'kb-base-'));
    const out = join(work, 'dist');
    const env = buildEnv({ SITE_BASE: '/gazette/', DATA_DIR: dataDir, OUT_DIR: out, ASTRO_CACHE_DIR: join(work, 'cache') });
    astroBuild(env);
    const problems = checkLinks(out, '/gazette/').problems.filter((p) => !p.link.includes('/pagefind/'));
    expect(problems).toEqual([]);
    const p = people[0]!;
    const tree = fromHtml(readFileSync(join(out, 'people', p.id, 'index.html'), 'utf8'));
    for (const href of hrefs(tree).filter((h) => h.startsWith('/'))) expect(href).toMatch(/^\/gazette\//);
    expect(readJson<{ url: string }[]>(join(out, 'api/people.json'))[0]!.url).toMatch(/^\/gazette\/people\//);
    expect(readJson<{ url: string }[]>(join(out, 'api/organizations.json'))[0]!.url).toMatch(/^\/gazette\/organizations\//);
  }, 120_000);
});
