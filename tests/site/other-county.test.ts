// The gazette's identity is data: a small gazette of another county (兰陵县, 临沂市, 山东省) builds
// with the same code from its own seeds/gazette.yaml alone — tests/fixtures/other-county/seeds/:
// gazette.yaml and lanling-gazette-2023-01.txt, three notices in the PDF layout of the real seed.
// Everything expected below is read from those two files: the site is named after the other
// gazette, its notices, people, groups and organizations are there with the categories of its
// config, and no page says 威县.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { beforeAll, describe, expect, test } from 'vitest';
import { fixtures } from '../helpers.ts';
import { buildSite, unpredictedPages } from './build.ts';

const GAZETTE = '兰陵县人民政府公报';
let out: string;

const page = (url: string): Root => fromHtml(readFileSync(join(out, url, 'index.html'), 'utf8'));
const text = (tree: Root, selector: string) => toText(select(selector, tree)!).replace(/\s+/g, ' ').trim();
const texts = (tree: Root, selector: string) => selectAll(selector, tree).map((e) => toText(e).replace(/\s+/g, ' ').trim());
const json = <T>(path: string): T => JSON.parse(readFileSync(join(out, path), 'utf8')) as T;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

beforeAll(() => {
  ({ out } = buildSite(join(fixtures, 'other-county/seeds')));
}, 300_000);

describe('a gazette of another county, built from its gazette.yaml alone', () => {
  test('each page shows the text the index built beside Astro cuts its search excerpts from', () => {
    expect(unpredictedPages(join(fixtures, 'other-county/seeds'), out)).toEqual([]);
  });

  test('the site is named after it: title, heading, header, footer, feed', () => {
    const home = page('');
    expect(text(home, 'title')).toBe(GAZETTE);
    expect(text(home, 'h1')).toBe(GAZETTE);
    expect(text(home, '.site-name')).toBe(GAZETTE);
    expect(select('meta[name="description"]', home)!.properties.content).toBe(`《${GAZETTE}》各期文件目录与全文检索`);
    expect(text(home, '.site-footer p')).toBe(`本站根据《${GAZETTE}》文本整理，供查阅检索，内容以正式印发文件为准。`);
    expect(text(page('people'), 'title')).toBe(`人员 - ${GAZETTE}`);
    expect(text(page('issues/2023-1'), 'h1')).toBe(`《${GAZETTE}》2023 年第 1 号`);
    const feed = readFileSync(join(out, 'feed.xml'), 'utf8');
    expect(feed).toContain(`<title>${GAZETTE}</title>`);
    expect(feed).toContain(`《${GAZETTE}》刊登的文件，按成文日期从新到旧`);
    expect(feed).toContain('<name>兰陵县人民政府</name>');
    expect(feed.match(/<entry>/g)).toHaveLength(3);
  });

  test('its three notices, with their 文号, issuers and 主送机关', () => {
    const notices = json<{ id: string; docNo: string; title: string; issuer: string; type: string; recipients: string[]; url: string }[]>('api/notices.json');
    expect(notices.map((n) => [n.id, n.docNo, n.issuer, n.type, n.title, n.recipients])).toEqual([
      ['2023-lanzheng-1', '兰政字〔2023〕1号', '兰陵县人民政府', '通知', '关于成立兰陵县森林防火工作领导小组的通知', ['各镇人民政府', '县政府有关部门']],
      ['2023-lanzheng-2', '兰政字〔2023〕2号', '兰陵县人民政府', '批复', '关于同意县自然资源局开展土地整治项目的批复', ['县自然资源局']],
      ['2023-lanzhengban-1', '兰政办字〔2023〕1号', '兰陵县人民政府办公室', '通知', '关于做好春节期间安全生产工作的通知', ['各镇人民政府', '县政府有关部门', '临沂市生态环境局兰陵分局']],
    ]);
    expect(text(page('notices/2023/lanzheng-1'), 'h1')).toBe('关于成立兰陵县森林防火工作领导小组的通知');
    // The 404 page's example address is one of this gazette's notices.
    expect(toText(fromHtml(readFileSync(join(out, '404.html'), 'utf8')))).toContain('notices/2023/lanzheng-1/ 对应兰政字〔2023〕1号');
  });

  test('its people, with their roles in the 领导小组 and its office', () => {
    const people = json<{ id: string; name: string; roles: { role?: string; title?: string; organization?: string }[] }[]>('api/people.json');
    const roles = Object.fromEntries(people.map((p) => [p.name, p.roles.map((r) => [r.role, r.title ?? null, r.organization ?? null])]));
    expect(roles).toEqual({
      陈志强: [
        ['成员', '县应急管理局局长', 'xian-yingjiguanli-ju'],
        ['主任', null, 'xian-yingjiguanli-ju'],
      ],
      刘红梅: [['副组长', '县政府副县长', 'lanlingxian-renminzhengfu']],
      孙伟: [['联系人', null, null]],
      王建国: [['组长', '县长', 'lanlingxian-renminzhengfu']],
      赵丽: [['成员', '县自然资源局局长', 'xian-ziranziyuan-ju']],
    });
    expect(text(page('people/wang-jianguo'), 'h1')).toBe('王建国');
    const group = page('groups/lanlingxian-senlinfanghuo-gongzuo-lingdaoxiaozu');
    expect(text(group, 'h1')).toBe('兰陵县森林防火工作领导小组');
    for (const name of ['王建国', '刘红梅', '陈志强', '赵丽']) expect(toText(group)).toContain(name);
    expect(toText(page('groups/lanlingxian-senlinfanghuo-gongzuo-lingdaoxiaozu-bangongshi'))).toContain('县应急管理局');
  });

  test('its organizations, in the categories and the order of its config', () => {
    const organizations = json<{ id: string; name: string; category: string }[]>('api/organizations.json');
    expect(organizations.map((o) => [o.name, o.category])).toEqual([
      ['兰陵县人民政府', '县级领导机关'],
      ['兰陵县人民政府办公室', '县级领导机关'],
      ['县公安局', '县政府部门'],
      ['县应急管理局', '县政府部门'],
      ['县自然资源局', '县政府部门'],
      // A body of the city (临沂市) is another place's, never this county's.
      ['临沂市生态环境局兰陵分局', '上级及外地单位'],
    ]);
    const index = page('organizations');
    expect(texts(index, 'main h2')).toEqual(['县级领导机关', '县政府部门', '上级及外地单位']);
    const bureau = page('organizations/xian-ziranziyuan-ju');
    expect(text(bureau, 'h1')).toBe('县自然资源局');
    expect(text(bureau, '.breadcrumb')).toBe('机构 › 县政府部门');
    expect(text(page('organizations/linyishi-shengtaihuanjing-ju-lanling-fenju'), '.breadcrumb')).toBe('机构 › 上级及外地单位');
  });

  test('no page says 威县 or 威政: nothing of the other gazette leaks into this one', () => {
    const published = files(out).filter((f) => /\.(html|xml|json)$/.test(f) && !relative(out, f).startsWith('search/'));
    expect(published.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(20);
    const leaks = published.filter((f) => /威县|威政/.test(readFileSync(f, 'utf8'))).map((f) => relative(out, f));
    expect(leaks).toEqual([]);
  });
});
