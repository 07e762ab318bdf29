// Bodies of other places are never this county's: a 批复 addressed to 兰陵县自然资源和规划局 is
// not listed on 县自然资源和规划局's page (the issue's bug: names were matched after dropping any
// county prefix), 邢台市教育局 is not 县教育局, 市市场监督管理局 stays the city's, and
// 河北省人民政府办公厅 is the province's. Each gets its own record in the `elsewhere` category,
// whose label — like every category label — comes from seeds/gazette.yaml.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { organizationSchemaFor } from '../../schemas/entities.ts';
import { parseGazetteConfig } from '../../schemas/gazette-config.ts';
import type { BuiltNotice } from '../../scripts/ingest/built-notice.ts';
import { extractEntities } from '../../scripts/ingest/extract-entities.ts';
import { loadAliasTable, OrgResolver, readAliasTable } from '../../scripts/ingest/entities/organizations.ts';
import { Place } from '../../scripts/ingest/entities/place.ts';
import { buildKnowledge } from '../../scripts/ingest/knowledge.ts';
import { seedConfig, syntheticNotice } from '../fixtures/entities/load.ts';
import { fixtures, ingestDir } from '../helpers.ts';

const ELSEWHERE = seedConfig.categories.elsewhere.label; // 上级和外地机构
const DEPARTMENTS = seedConfig.categories.departments.label; // 县直部门

type Blocks = BuiltNotice['sections'][number]['blocks'];
const paragraph = (line: number, text: string): Blocks[number] => ({ kind: 'paragraph', lines: [line, line], text });
const member = (role: string, name: string, title: string, line: number) => ({ role, name, title, lines: [line, line] as [number, number] });

/** A synthetic notice with its own issuers, 主送机关 and 文种. */
function notice(id: string, title: string, blocks: Blocks, over: Partial<BuiltNotice['notice']> = {}): BuiltNotice {
  const n = syntheticNotice(id, '2022-05-10', title, blocks);
  return { ...n, notice: { ...n.notice, ...over } };
}

// 威政字〔2022〕30号: a 批复 to another county's bureau. Its 主送机关 and text name 兰陵县自然资源和规划局;
// nothing in it names this county's 县自然资源和规划局.
const reply = notice(
  '2022-weizheng-30',
  '关于兰陵县自然资源和规划局借用土地的批复',
  [paragraph(10, '兰陵县自然资源和规划局：'), paragraph(11, '你局《关于借用土地的请示》收悉。经研究，同意兰陵县自然资源和规划局借用该地块。')],
  { issuer: '威县人民政府', issuers: ['威县人民政府'], type: '批复', recipients: ['兰陵县自然资源和规划局'] },
);
// 威政办字〔2022〕31号: this county's own bureau, a city bureau in a post and a 责任单位 list, and the
// city's market regulator printed with the parent's short form (市).
const own = notice('2022-weizhengban-31', '关于做好秋季开学工作的通知', [
  paragraph(20, '一、县自然资源和规划局做好校舍用地保障（牵头单位：县教育局；责任单位：邢台市教育局、县自然资源和规划局）。'),
  { kind: 'personnel', lines: [21, 22], members: [member('组长', '张三', '县教育局局长', 21), member('副组长', '李四', '邢台市教育局副局长', 22)] },
  paragraph(23, '二、食品安全情况报邢台市教育局和市市场监督管理局（责任单位：市市场监督管理局、县市场监督管理局）。'),
]);
// A notice of the province reprinted in the gazette: 河北省人民政府办公厅 is its issuer.
const province = notice('2022-jizhengbanzi-5', '关于加强防汛工作的通知', [paragraph(30, '各市（含定州、辛集市）人民政府，雄安新区管委会：')], {
  docNo: '冀政办字〔2022〕5号',
  issuer: '河北省人民政府办公厅',
  issuers: ['河北省人民政府办公厅'],
  recipients: ['各市（含定州、辛集市）人民政府', '雄安新区管委会'],
});

describe('bodies of other places', () => {
  const e = extractEntities([reply, own, province], seedConfig);
  const org = (name: string) => e.organizations.find((o) => o.name === name);

  it('兰陵县自然资源和规划局 (a 批复’s 主送机关 and text) is its own record, not 县自然资源和规划局', () => {
    expect(org('兰陵县自然资源和规划局')).toEqual({
      id: 'lanlingxian-ziranziyuan-he-guihua-ju',
      name: '兰陵县自然资源和规划局',
      aliases: [],
      category: ELSEWHERE,
      notices: ['2022-weizheng-30'],
      issued: [],
      tasks: [],
    });
    expect(org('县自然资源和规划局')).toMatchObject({ id: 'xian-ziranziyuan-he-guihua-ju', category: DEPARTMENTS, notices: ['2022-weizhengban-31'] });
  });

  it('邢台市教育局 is the city’s, in posts, task lists and text; 县教育局 keeps only its own', () => {
    expect(org('邢台市教育局')).toMatchObject({ id: 'xingtaishi-jiaoyu-ju', category: ELSEWHERE, notices: ['2022-weizhengban-31'] });
    expect(org('邢台市教育局')!.tasks).toEqual([{ notice: '2022-weizhengban-31', line: 20, task: '县自然资源和规划局做好校舍用地保障', lead: false }]);
    expect(org('县教育局')).toMatchObject({ id: 'xian-jiaoyu-ju', category: DEPARTMENTS });
    expect(org('县教育局')!.tasks.map((t) => t.lead)).toEqual([true]);
    const li = e.people.find((p) => p.name === '李四')!;
    expect(li.roles[0]).toMatchObject({ title: '邢台市教育局副局长', organization: 'xingtaishi-jiaoyu-ju' });
    expect(e.people.find((p) => p.name === '张三')!.roles[0].organization).toBe('xian-jiaoyu-ju');
  });

  it('市市场监督管理局 stays the city’s; 县市场监督管理局 is the county’s', () => {
    expect(org('市市场监督管理局')).toMatchObject({ id: 'shi-shichangjianduguanli-ju', category: ELSEWHERE });
    expect(org('县市场监督管理局')).toMatchObject({ id: 'xian-shichangjianduguanli-ju', category: DEPARTMENTS });
    expect(org('县市场监督管理局')!.tasks).toEqual([{ notice: '2022-weizhengban-31', line: 23, task: '食品安全情况报邢台市教育局和市市场监督管理局', lead: false }]);
  });

  it('河北省人民政府办公厅, an issuer, is the province’s and issued its notice', () => {
    expect(org('河北省人民政府办公厅')).toMatchObject({ id: 'hebeisheng-renminzhengfu-bangongting', category: ELSEWHERE, issued: ['2022-jizhengbanzi-5'] });
    // A class of bodies (各市…人民政府) is no record; 雄安新区管委会 is another place's (a 新区 is a place).
    expect(e.organizations.filter((o) => o.name.startsWith('各'))).toEqual([]);
    expect(org('雄安新区管委会')?.category).toBe(ELSEWHERE);
  });

  it('no candidate merge pairs bodies of two places', () => {
    const place = new Place(seedConfig);
    const whose = (n: string) => JSON.stringify(place.whose(n) ?? { own: true });
    for (const c of e.candidates) expect(whose(c.names[0]!), c.names.join()).toBe(whose(c.names[1]!));
  });

  it('the knowledge base lists and links each mention to its own body: this county’s page is untouched', () => {
    const kb = buildKnowledge([reply, own, province], seedConfig);
    const organizations = JSON.parse(kb.files.get('organizations.json')!) as { name: string; notices: string[] }[];
    for (const o of organizations) organizationSchemaFor(seedConfig).parse(o);
    expect(organizations.find((o) => o.name === '县自然资源和规划局')!.notices).toEqual(['2022-weizhengban-31']);
    expect(organizations.find((o) => o.name === '兰陵县自然资源和规划局')!.notices).toEqual(['2022-weizheng-30']);
    const linked = (text: string) => kb.linker.spans(text).map((s) => [text.slice(s.index, s.index + s.length), s.path]);
    expect(linked('同意兰陵县自然资源和规划局借用，请县自然资源和规划局配合。')).toEqual([
      ['兰陵县自然资源和规划局', 'organizations/lanlingxian-ziranziyuan-he-guihua-ju/'],
      ['县自然资源和规划局', 'organizations/xian-ziranziyuan-he-guihua-ju/'],
    ]);
    expect(linked('报邢台市教育局和市市场监督管理局，抄送县教育局')).toEqual([
      ['邢台市教育局', 'organizations/xingtaishi-jiaoyu-ju/'],
      ['市市场监督管理局', 'organizations/shi-shichangjianduguanli-ju/'],
      ['县教育局', 'organizations/xian-jiaoyu-ju/'],
    ]);
  });
});

describe('through the whole ingest (tests/fixtures/entities/seed-other-places: a 威县 issue)', () => {
  it('a 批复 to 兰陵县自然资源和规划局 is not on 县自然资源和规划局’s page; 邢台市教育局副局长 works for the city', () => {
    const { knowledge, problems } = ingestDir(join(fixtures, 'entities/seed-other-places'));
    expect(problems).toEqual([]);
    const organizations = JSON.parse(knowledge!.files.get('organizations.json')!) as { id: string; name: string; category: string; notices: string[] }[];
    expect(organizations.map((o) => [o.name, o.category, o.notices])).toEqual([
      ['威县人民政府', '县领导和县政府', ['2023-weizheng-21', '2023-weizhengban-30']],
      ['威县人民政府办公室', '县领导和县政府', ['2023-weizhengban-30']],
      ['县委', '县领导和县政府', ['2023-weizhengban-30']],
      ['县自然资源和规划局', DEPARTMENTS, ['2023-weizhengban-30']],
      ['兰陵县自然资源和规划局', ELSEWHERE, ['2023-weizheng-21']],
      ['邢台市教育局', ELSEWHERE, ['2023-weizhengban-30']],
    ]);
    const people = JSON.parse(knowledge!.files.get('people.json')!) as { name: string; roles: { title?: string; organization?: string }[] }[];
    expect(people.find((p) => p.name === '李文华')!.roles.map((r) => [r.title, r.organization])).toEqual([['邢台市教育局副局长', 'xingtaishi-jiaoyu-ju']]);
  });
});

describe('whose a body is', () => {
  const place = new Place(seedConfig);
  const whose = (name: string) => {
    const w = place.whose(name);
    return w === undefined ? undefined : w.own ? 'own' : w.place;
  };

  it('reads the place a name opens with; names of this place, and words that only end like a place, are not another’s', () => {
    expect(
      Object.fromEntries(
        ['兰陵县自然资源和规划局', '邢台市教育局', '河北省人民政府办公厅', '市市场监督管理局', '市民政局', '省政府', '信都区人民政府', '中共邢台市委组织部', '国务院办公厅', '魏县人民政府'].map((n) => [n, whose(n)]),
      ),
    ).toEqual({
      兰陵县自然资源和规划局: '兰陵县',
      邢台市教育局: '邢台市',
      河北省人民政府办公厅: '河北省',
      市市场监督管理局: '市',
      市民政局: '市',
      省政府: '省',
      信都区人民政府: '信都区',
      中共邢台市委组织部: '邢台市',
      国务院办公厅: '国务院',
      魏县人民政府: '魏县',
    });
    for (const n of ['县自然资源和规划局', '威县人民政府', '中共威县县委', '市生态环境局威县分局', '人民银行威县支行', '河北威县省级农业科技园区管理委员会', '国网威县供电分公司']) expect(whose(n), n).toBe('own');
    for (const n of ['市场监督管理局', '市民服务中心', '市政工程处', '城市管理综合行政执法局', '企业和市民服务中心', '高新区管委会', '社区办', '七级镇', '河北威州现代农业投资有限公司', '全县安全生产委员会']) expect(whose(n), n).toBeUndefined();
  });

  it('gives the category labels of the config, in its order', () => {
    expect(place.order).toEqual(['县领导和县政府', '县直部门', '乡镇', '上级和外地机构', '企业与其他']);
    expect(['县政协', '邢台市教育局', '七级镇', '县教育局', '项目办', '威县中洲水业有限公司'].map((n) => place.categoryOf(n))).toEqual(['县领导和县政府', ELSEWHERE, '乡镇', DEPARTMENTS, DEPARTMENTS, '企业与其他']);
  });

  it('a body printed right after another place’s name is that place’s in running text', () => {
    const orgs = new OrgResolver(loadAliasTable(seedConfig), seedConfig);
    orgs.body('兰陵县自然资源和规划局'); // a 主送机关: 兰陵县 is a place the text names
    expect(orgs.scan('请兰陵县住建局、县住建局和邢台市企业和市民服务中心配合').map((h) => [h.form, h.name, orgs.category.get(h.name)])).toEqual([
      ['兰陵县住建局', '兰陵县住建局', ELSEWHERE],
      ['县住建局', '县住房和城乡建设局', DEPARTMENTS],
      ['邢台市企业和市民服务中心', '邢台市企业和市民服务中心', ELSEWHERE],
    ]);
    // 市 that ends a word (城市) names no city: 城市社区办 is this county's 社区办.
    expect(orgs.scan('做好城市社区办和市社区办的衔接').map((h) => [h.form, h.name, orgs.category.get(h.name)])).toEqual([
      ['社区办', '社区办', DEPARTMENTS],
      ['市社区办', '市社区办', ELSEWHERE],
    ]);
  });
});

describe('the alias table and the config', () => {
  const relabelled = (text: string) => parseGazetteConfig(text, 'gazette.yaml').config!;
  const yaml = (departments: string) =>
    `gazette: {name: 威县人民政府公报, publisher: 威县人民政府}\nplace: {name: 威县, short: 县, parents: [邢台市, 河北省]}\nissuers: [{name: 威县人民政府, docPrefixes: [威政字]}]\ncategories:\n  leadership: {label: 县领导和县政府, names: [县委, 县政府]}\n  departments: {label: ${departments}}\n  townships: {label: 乡镇}\n  elsewhere: {label: 上级和外地机构}\n  other: {label: 企业与其他}\n`;

  it('every category of the table must be a label of the config: each wrong one is a problem at its line', () => {
    expect(readAliasTable(relabelled(yaml('县直部门'))).problems).toEqual([]);
    const { table, problems } = readAliasTable(relabelled(yaml('县政府部门')));
    expect(table).toBeUndefined();
    // Every 县直部门 entry is named, with the line it is on.
    const lines = readFileSync(new URL('../../data/organization-aliases.json', import.meta.url), 'utf8').split('\n');
    const departments = lines.filter((l) => l.includes('"category": "县直部门"')).length;
    expect(problems).toHaveLength(departments);
    expect(problems[0]).toEqual({
      file: 'data/organization-aliases.json',
      line: lines.findIndex((l) => l.includes('"name": "县委组织部"')) + 1,
      message: '县委组织部: expected a category label of gazette.yaml (县领导和县政府、县政府部门、乡镇、上级和外地机构、企业与其他), found “县直部门”',
    });
    expect(() => loadAliasTable(relabelled(yaml('县政府部门')))).toThrow(/^data\/organization-aliases\.json:\d+: 县委组织部: expected a category label/);
  });

  it('a table written for another place is not applied to this one', () => {
    const other = relabelled(yaml('县直部门').replace('{name: 威县, short: 县', '{name: 临西县, short: 县'));
    expect(loadAliasTable(other).organizations).toEqual([]);
  });
});
