// The reviewed alias table and the rules that read organizations out of posts and task lists.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameSlug, personSlug } from '../../scripts/ingest/entities/ids.ts';
import { loadAliasTable, OrgResolver } from '../../scripts/ingest/entities/organizations.ts';
import { seedConfig } from '../fixtures/entities/load.ts';

const table = loadAliasTable(seedConfig);
const resolver = () => new OrgResolver(table, seedConfig);
const slug = (name: string) => {
  const { place } = resolver();
  return nameSlug(name, place.slugHeads(name), [place.name]);
};

describe('alias table', () => {
  it('resolves every alias to its one canonical name', () => {
    const orgs = resolver();
    for (const [alias, canonical] of [
      ['县卫健局', '县卫生健康局'], ['县交通局', '县交通运输局'], ['县住建局', '县住房和城乡建设局'], ['县住房城乡建设局', '县住房和城乡建设局'],
      ['县市场监管局', '县市场监督管理局'], ['县文旅局', '县文广体旅局'], ['县城管局', '县城市管理综合行政执法局'], ['县农业局', '县农业农村局'],
      ['县政府办', '威县人民政府办公室'], ['县网信办', '县委网信办'], ['县武装部', '县人武部'], ['县供电公司', '国网威县供电分公司'],
    ]) expect(orgs.resolve(alias), alias).toBe(canonical);
  });

  it('lists each form once, every merged alias among the aliases, and evidence that names a merged form', () => {
    const seed = readFileSync(join(import.meta.dirname, '../../seeds/weixian-gazette-2022-02.txt'), 'utf8').split('\n');
    const forms = table.organizations.flatMap((o) => [o.name, ...o.aliases]);
    expect(new Set(forms).size).toBe(forms.length);
    for (const o of table.organizations) {
      for (const m of o.merges) {
        for (const a of m.aliases) expect(o.aliases, `${o.name}: ${a}`).toContain(a);
        expect(m.sources.length).toBeGreaterThan(0);
        for (const s of m.sources) {
          // The cited line (or the paragraph it opens) prints the canonical name or a merged alias.
          const near = seed.slice(s.line - 1, s.line + 12).join('').replace(/\s+/g, '');
          expect([o.name, ...m.aliases].some((f) => near.includes(f) || near.includes(f.replace(/^县/, ''))), `${o.name} ${s.notice}:${s.line}`).toBe(true);
        }
      }
    }
  });
});

describe('organizations in posts and lists', () => {
  it('reads the organization of each post in a title', () => {
    const orgs = resolver();
    expect(orgs.postOrgs('县司法局局长')).toEqual(['县司法局']);
    expect(orgs.postOrgs('县委组织部常务副部长')).toEqual(['县委组织部']);
    expect(orgs.postOrgs('县城管局四级调研员')).toEqual(['县城市管理综合行政执法局']);
    expect(orgs.postOrgs('中国铁塔股份有限公司邢台市分公司威县办事处副经理')).toEqual(['中国铁塔股份有限公司邢台市分公司威县办事处']);
    expect(orgs.postOrgs('县政府副县长、公安局局长')).toEqual(['威县人民政府', '县公安局']);
    expect(orgs.postOrgs('县委常委、常务副县长、县城区防汛抗旱指挥部指挥长')).toEqual(['县委', '威县人民政府']);
    expect(orgs.postOrgs('县乡村振兴局长')).toEqual(['县乡村振兴局']);
    expect(orgs.postOrgs('县商务局副局长（主持全面工作）')).toEqual(['县商务局']);
  });

  it('gives the post a person holds as the first post that is not a party post (县委副书记、政府县长 heads the government)', () => {
    const orgs = resolver();
    expect(orgs.postOrg('县委副书记、政府县长')).toBe('威县人民政府');
    expect(orgs.postOrg('县政府县长')).toBe('威县人民政府');
    expect(orgs.postOrg('县委常委、政府常务副县长')).toBe('威县人民政府');
    expect(orgs.postOrg('县政府副县长、公安局局长')).toBe('威县人民政府');
    expect(orgs.postOrg('县委常委、常务副县长、县城区防汛抗旱指挥部指挥长')).toBe('威县人民政府');
    // Party posts only: the first; a single post: its own body.
    expect(orgs.postOrg('县委组织部常务副部长')).toBe('县委组织部');
    expect(orgs.postOrg('县司法局局长')).toBe('县司法局');
    expect(orgs.postOrg('')).toBeUndefined();
  });

  it('keeps classes of bodies out of 责任单位 and registers an unknown unit as printed', () => {
    const orgs = resolver();
    for (const item of ['各乡镇', '各乡镇政府', '相关乡镇政府', '县直各有关部门', '县市场主体发展领导小组成员单位', '县有关部门']) expect(orgs.listItem(item), item).toBeUndefined();
    expect(orgs.listItem('县商务局按职责分工负责')).toBe('县商务局');
    expect(orgs.listItem('项目办等相关职能部门')).toBe('项目办');
  });

  it('does not read the city bureau 市市场监管局 as the county one', () => {
    expect(resolver().scan('报市市场监管局，并告知县市场监管局').map((h) => h.form)).toEqual(['县市场监管局']);
  });
});

describe('ids', () => {
  it('are readable pinyin slugs', () => {
    expect(personSlug('高凯英')).toBe('gao-kaiying');
    expect(personSlug('单超')).toBe('shan-chao');
    expect(slug('县司法局')).toBe('xian-sifa-ju');
    expect(slug('县住房和城乡建设局')).toBe('xian-zhufang-he-chengxiangjianshe-ju');
    expect(slug('第什营镇')).toBe('dishiying-zhen');
    expect(slug('威县防汛抗旱指挥部')).toBe('weixian-fangxunkanghan-zhihuibu');
    expect(slug('市生态环境局威县分局')).toBe('shi-shengtaihuanjing-ju-weixian-fenju');
  });
});
