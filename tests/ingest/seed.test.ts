// The real seed, end to end through ingest: 14 notices with the right metadata, nothing lost,
// the same output every time, and content/ in the repository up to date with it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { IngestResult } from '../../scripts/ingest/run.ts';
import { ingestDir, root } from '../helpers.ts';

let result: IngestResult;
beforeAll(() => {
  result = ingestDir(join(root, 'seeds'));
});

describe('seeds/weixian-gazette-2022-02.txt', () => {
  test('ingests without a problem, so the no-loss check held for every notice', () => {
    expect(result.problems).toEqual([]);
  });

  test('has the 14 notices of 2022 年第 2 号 with their metadata, in printed order', () => {
    const rows = result.notices.map(({ notice: n }) => [n.order, n.docNo, n.date, n.issuer, n.type, n.title]);
    expect(rows).toEqual([
      [1, '威政字〔2022〕16号', '2022-04-08', '威县人民政府', '通知', '关于印发威县行政执法协调监督工作体系建设试点工作实施方案的通知'],
      [2, '威政字〔2022〕18号', '2022-04-18', '威县人民政府', '通知', '关于印发威县土地整治项目管理办法（试行）的通知'],
      [3, '威政字〔2022〕19号', '2022-04-14', '威县人民政府', '通知', '关于印发威县地下水超采综合治理2022年度实施方案的通知'],
      [4, '威政字〔2022〕24号', '2022-05-11', '威县人民政府', '通告', '关于禁止国三及以下排放标准柴油货车通行的通告'],
      [5, '威政办字〔2022〕21号', '2022-04-04', '威县人民政府办公室', '通知', '关于印发威县新农村建设工作方案的通知'],
      [6, '威政办字〔2022〕22号', '2022-04-13', '威县人民政府办公室', '通知', '关于印发威县加强和改进招标投标工作的实施办法的通知'],
      [7, '威政办字〔2022〕24号', '2022-04-26', '威县人民政府办公室', '通知', '关于调整威县防汛抗旱指挥部组成人员的通知'],
      [8, '威政办字〔2022〕25号', '2022-04-26', '威县人民政府办公室', '通知', '关于印发威县药品（疫苗）和医疗器械安全突发事件应急预案的通知'],
      [9, '威政办字〔2022〕27号', '2022-05-01', '威县人民政府办公室', '通知', '关于印发威县电动自行车综合管理实施方案的通知'],
      [10, '威政办字〔2022〕28号', '2022-05-06', '威县人民政府办公室', '通知', '关于调整威县全面推行农村公路“路长制”领导小组的通知'],
      [11, '威政办字〔2022〕30号', '2022-05-06', '威县人民政府办公室', '通知', '关于印发威县推进“政银保”合作融资工作实施方案的通知'],
      [12, '威政办字〔2022〕33号', '2022-05-12', '威县人民政府办公室', '通知', '关于印发威县梨和威县葡萄农产品地理标志使用管理细则的通知'],
      [13, '威政办字〔2022〕38号', '2022-05-25', '威县人民政府办公室', '通知', '印发关于做好支持市场主体增量提质工作推进方案的通知'],
      [14, '威政办字〔2022〕44号', '2022-06-21', '威县人民政府办公室', '通知', '关于印发威县自建房安全专项整治实施方案的通知'],
    ]);
    for (const { notice } of result.notices) expect(notice.gazette).toEqual({ year: 2022, number: 2 });
  });

  test('ids and file names come from the 文号, not from the position in the file', () => {
    expect(result.notices.map((n) => n.notice.id)).toContain('2022-weizhengban-25');
    expect([...result.files.keys()]).toContain('notices/2022/weizhengban-25.mdx');
    expect([...result.files.keys()]).toContain('notices/2022/weizheng-16.mdx');
  });

  test('reads recipients and 附件 titles', () => {
    const byDoc = new Map(result.notices.map((n) => [n.notice.docNo, n.notice]));
    expect(byDoc.get('威政办字〔2022〕24号')!.recipients).toEqual(['各乡、镇人民政府', '高新区管委会', '县防汛抗旱指挥部各成员单位']);
    expect(byDoc.get('威政字〔2022〕24号')!.recipients).toEqual([]);
    expect(byDoc.get('威政字〔2022〕19号')!.attachments).toEqual([
      '威县地下水超采综合治理行动领导小组成员名单',
      '2022年威县地下水超采综合治理措施计划安排表',
      '2022年威县取水井关停任务表',
    ]);
    expect(byDoc.get('威政字〔2022〕18号')!.attachments).toEqual([]);
  });

  test('source line ranges cover the notices back to back', () => {
    const ranges = result.notices.map((n) => n.notice.source.lines);
    expect(ranges[0][0]).toBe(1);
    for (let k = 1; k < ranges.length; k++) expect(ranges[k][0]).toBeGreaterThan(ranges[k - 1][1]);
  });

  test('is deterministic: a second run gives byte-identical files', () => {
    const again = ingestDir(join(root, 'seeds'));
    expect([...again.files]).toEqual([...result.files]);
  });

  test('content/ in the repository is up to date with the seeds (run `npm run ingest` if not)', () => {
    const dir = join(root, 'content');
    const onDisk = new Map<string, string>();
    for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (/\.(mdx|json|md)$/.test(f)) onDisk.set(f, readFileSync(join(dir, f), 'utf8'));
    }
    expect([...onDisk.keys()].sort()).toEqual([...result.files.keys()].sort());
    for (const [path, text] of result.files) expect(onDisk.get(path), `content/${path} is stale`).toBe(text);
  });
});
