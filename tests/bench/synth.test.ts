// bench/synth.ts: N distinct gazette issues from the seed that ingest without problems.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, issueOf, synthIssue, tableLines } from '../../bench/synth.ts';
import { ingestDir } from '../helpers.ts';

describe('synthetic corpus', () => {
  let dir: string;
  let files: string[];
  let result: ReturnType<typeof ingestDir>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'synth-'));
    files = generateCorpus(3, join(dir, 'seeds'));
    result = ingestDir(join(dir, 'seeds'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one file per issue, named by its gazette issue', () => {
    expect(files.map((f) => basename(f))).toEqual(['weixian-gazette-2022-01.txt', 'weixian-gazette-2022-02.txt', 'weixian-gazette-2022-03.txt']);
    expect(readdirSync(join(dir, 'seeds')).sort()).toEqual(['gazette.yaml', ...files.map((f) => basename(f))]);
  });

  it('ingests with no problems: 3 issues × 14 notices, every 文号 distinct', () => {
    expect(result.problems).toEqual([]);
    expect(result.notices).toHaveLength(42);
    const docNos = result.notices.map((n) => n.notice.docNo);
    expect(new Set(docNos).size).toBe(42);
    const gazettes = new Set(result.notices.map((n) => `${n.notice.gazette.year}-${n.notice.gazette.number}`));
    expect([...gazettes].sort()).toEqual(['2022-1', '2022-2', '2022-3']);
    // Not byte-identical to one another apart from the issue line: the serials differ.
    expect(docNos).toContain('威政办字〔2022〕25号');
    expect(docNos).toContain('威政办字〔2022〕75号');
    expect(docNos).toContain('威政办字〔2022〕125号');
    // …and the text: later issues carry extra sentences of running text, at their own places.
    const lines = files.map((f) => readFileSync(f, 'utf8').split('\n').length);
    expect(lines[1]).toBeGreaterThan(lines[0]!);
    expect(readFileSync(files[1]!, 'utf8')).not.toBe(readFileSync(files[2]!, 'utf8').replaceAll('第 3 号', '第 2 号').replaceAll('第 3号', '第 2号'));
  });

  it('moves every year with the issue, and keeps dates real', () => {
    expect(issueOf(1, 2022)).toEqual({ year: 2022, number: 1 });
    expect(issueOf(7, 2022)).toEqual({ year: 2023, number: 1 });
    expect(issueOf(100, 2022)).toEqual({ year: 2038, number: 4 });
    const d = mkdtempSync(join(tmpdir(), 'synth-'));
    try {
      const eight = generateCorpus(8, d);
      const last = readFileSync(eight[7], 'utf8');
      expect(basename(eight[7])).toBe('weixian-gazette-2023-02.txt');
      expect(last).toContain('威政字〔2023〕66 号 2023 年 4 月 8 日');
      expect(last).toContain('《威县人民政府公报》2023 年第 2 号');
      expect(last).not.toMatch(/威政办?字〔2022〕|2022 年第/);
      const r = ingestDir(d);
      expect(r.problems).toEqual([]);
      expect(r.notices.filter((n) => n.notice.gazette.year === 2023).every((n) => n.notice.date.startsWith('2023-'))).toBe(true);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('keeps the same people across issues', () => {
    const people = JSON.parse(result.files.get('data/people.json')!) as { name: string; roles: { notice: string }[] }[];
    const gao = people.find((p) => p.name === '高凯英')!;
    expect(gao).toBeDefined();
    const noticeIssue = new Map(result.notices.map((n) => [n.notice.id, n.notice.gazette.number]));
    expect(new Set(gao.roles.map((r) => noticeIssue.get(r.notice)))).toEqual(new Set([1, 2, 3]));
    const single = ingestDir(join(import.meta.dirname, '../../seeds'));
    const names = (r: ReturnType<typeof ingestDir>) => new Set((JSON.parse(r.files.get('data/people.json')!) as { name: string }[]).map((p) => p.name));
    expect(names(result)).toEqual(names(single));
  });

  it("puts its extra lines outside tables: each table of an issue prints the seed's lines", () => {
    // A cell's lines are running text too, but a printed table has no foreign line in a cell.
    const seed = readFileSync(join(import.meta.dirname, '../../seeds/weixian-gazette-2022-02.txt'), 'utf8').replace(/\r\n?/g, '\n');
    const tables = (text: string) => {
      const lines = text.split('\n');
      const inside = tableLines(lines);
      return lines.filter((l, i) => inside.has(i) && l.trim() !== '');
    };
    // The seed's seven tables, where its review report places them (16号 附件 2 … 38号 附件).
    const inside = [...tableLines(seed.split('\n'))].map((i) => i + 1);
    const ranges = [[892, 1152], [1937, 1978], [1983, 2010], [2850, 3985], [6183, 6510], [7114, 7242], [8814, 8853]];
    expect(inside).toEqual(ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, k) => a + k)));
    for (let k = 2; k <= 13; k++) {
      const { year, number } = issueOf(k, 2022);
      const varied = synthIssue(seed, 2022, year, number, k);
      expect(varied.split('\n').length).toBeGreaterThan(seed.split('\n').length);
      expect(tables(varied)).toEqual(tables(synthIssue(seed, 2022, year, number)));
    }
  });

  it('is deterministic', () => {
    const d = mkdtempSync(join(tmpdir(), 'synth-'));
    try {
      const again = generateCorpus(3, d);
      for (let i = 0; i < 3; i++) expect(readFileSync(again[i])).toEqual(readFileSync(files[i]));
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
