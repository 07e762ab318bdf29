// Citations: real excerpts (fixtures), a synthetic two-notice corpus for in-corpus resolution,
// citations outside the corpus with every citing notice, and the whole seed.
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CitationSchema } from '../../schemas/entities.ts';
import type { Citation } from '../../schemas/entities.ts';
import type { BuiltNotice } from '../../scripts/ingest/built-notice.ts';
import { citationForms, extractCitations } from '../../scripts/ingest/extract-citations.ts';
import type { ExtractedCitations } from '../../scripts/ingest/extract-citations.ts';
import { expectedOutput } from '../ingest/fixtures.ts';
import { fixtures, ingestDir, newSeedsDir, root } from '../helpers.ts';

/** Ingest seed texts given as file name → text, as the build does. */
function ingestTexts(files: Record<string, string>): BuiltNotice[] {
  const dir = newSeedsDir('citations-');
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const result = ingestDir(dir);
    expect(result.problems).toEqual([]);
    return result.notices;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const plain = (x: ExtractedCitations) => ({ citations: x.citations, references: Object.fromEntries(x.references), titles: Object.fromEntries(x.titles) });
const byId = (x: ExtractedCitations, id: string): Citation => {
  const c = x.citations.find((c) => c.id === id);
  if (!c) throw new Error(`no citation ${id} in ${x.citations.map((c) => c.id).join(', ')}`);
  return c;
};
const byLabel = (x: ExtractedCitations, label: string): Citation => {
  const c = x.citations.find((c) => c.label === label);
  if (!c) throw new Error(`no citation labelled ${label}`);
  return c;
};

describe('fixtures: real excerpts of the seed (input.txt keeps the seed line numbers)', () => {
  const dir = join(fixtures, 'citations');
  for (const name of readdirSync(dir).sort()) {
    it(name, () => {
      const tmp = newSeedsDir('citations-');
      try {
        copyFileSync(join(dir, name, 'input.txt'), join(tmp, 'weixian-gazette-2022-02.txt'));
        const result = ingestDir(tmp);
        expect(result.problems).toEqual([]);
        const actual = plain(extractCitations(result.notices));
        expect(actual).toEqual(expectedOutput(join(dir, name), actual));
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    });
  }

  it('title-with-docno: 《title》（文号） is one citation of the 文号, the title kept aside', () => {
    const tmp = newSeedsDir('citations-');
    copyFileSync(join(dir, 'title-with-docno', 'input.txt'), join(tmp, 'weixian-gazette-2022-02.txt'));
    const x = extractCitations(ingestDir(tmp).notices);
    rmSync(tmp, { recursive: true, force: true });
    const xing = byId(x, 'doc-xingzhengzi-2022-5');
    expect(xing).toEqual({ id: 'doc-xingzhengzi-2022-5', kind: 'docNo', label: '邢政字〔2022〕5号', citedBy: [{ notice: '2022-weizheng-16', line: 31 }] });
    expect(x.titles.get(xing.id)).toEqual(['邢台市人民政府关于印发邢台市行政执法协调监督工作体系建设试点工作实施方案的通知']);
    expect(x.citations.filter((c) => c.label.includes('邢台市人民政府关于印发'))).toEqual([]);
    // The covering text's 《威县行政执法协调监督工作体系建设试点工作实施方案》 is the notice itself.
    expect(x.citations.filter((c) => c.label.startsWith('威县行政执法'))).toEqual([]);
  });
});

describe('a corpus of two notices: B cites A', () => {
  const A = [
    '威县人民政府',
    '关于印发威县甲事项管理办法的通知',
    '威政字〔2023〕3 号 2023 年 1 月 5 日',
    '各乡、镇人民政府：',
    '《威县甲事项管理办法》已经县政府同意，现印发给你们，请认真贯彻执行。',
    '威县甲事项管理办法',
    '第一条 为规范甲事项，根据《河北省行政执法监督条例》《河北省乙规定》（冀政办字〔2021〕84 号），制定本办法。',
    '第二条 本办法自印发之日起施行。',
  ];
  const B = [
    '威县人民政府办公室',
    '关于做好丙工作的通知',
    '威政办字〔2023〕7 号 2023 年 2 月 1 日',
    '各乡、镇人民政府：',
    '根据《威县人民政府关于印发威县甲事项管理办法的通知》（威政字 [ 2023 ] 3号）和《威县甲事项管理办法》，',
    '按照《河北省行政执法监督条例》（以下简称《条例》）和《河北省乙规定》要求，现就做好丙工作通知如下：',
    '一、认真执行《条例》和威政字（2023）第 3 号。',
  ];
  let notices: BuiltNotice[];
  let x: ExtractedCitations;
  beforeAll(() => {
    notices = ingestTexts({ 'weixian-gazette-2023-01.txt': [...A, ...B].join('\n') + '\n' });
    x = extractCitations(notices);
  });

  it('ingests both notices', () => {
    expect(notices.map((n) => [n.notice.id, n.notice.docNo])).toEqual([
      ['2023-weizheng-3', '威政字〔2023〕3号'],
      ['2023-weizhengban-7', '威政办字〔2023〕7号'],
    ]);
  });

  it('resolves A’s 文号 in a variant spelling, its title and its issued document title to A', () => {
    const a = byId(x, 'doc-weizhengzi-2023-3');
    expect(a).toEqual({
      id: 'doc-weizhengzi-2023-3',
      kind: 'docNo',
      label: '威政字〔2023〕3号',
      notice: '2023-weizheng-3',
      citedBy: [
        { notice: '2023-weizhengban-7', line: 13 },
        { notice: '2023-weizhengban-7', line: 15 },
      ],
    });
    expect(x.titles.get(a.id)).toEqual(['威县人民政府关于印发威县甲事项管理办法的通知', '威县甲事项管理办法']);
    expect(x.citations.filter((c) => c.kind === 'title' && c.label.includes('甲事项'))).toEqual([]);
  });

  it('does not let A cite itself (covering text 《…》 of the document it issues)', () => {
    expect(x.references.get('2023-weizheng-3')).toEqual(['title-hbsxzzfjdtl-03d5a180', 'doc-jizhengbanzi-2021-84']);
    expect(x.references.get('2023-weizhengban-7')).toEqual(['doc-weizhengzi-2023-3', 'title-hbsxzzfjdtl-03d5a180', 'doc-jizhengbanzi-2021-84']);
  });

  it('gives an outside document one page listing every citing notice, through aliases and title-only citations', () => {
    expect(byId(x, 'title-hbsxzzfjdtl-03d5a180')).toEqual({
      id: 'title-hbsxzzfjdtl-03d5a180',
      kind: 'title',
      label: '河北省行政执法监督条例',
      citedBy: [
        { notice: '2023-weizheng-3', line: 7 },
        { notice: '2023-weizhengban-7', line: 14 },
        { notice: '2023-weizhengban-7', line: 15 },
      ],
    });
    // 《河北省乙规定》 alone in B is the 冀政办字〔2021〕84号 that A printed next to it.
    expect(byId(x, 'doc-jizhengbanzi-2021-84')).toEqual({
      id: 'doc-jizhengbanzi-2021-84',
      kind: 'docNo',
      label: '冀政办字〔2021〕84号',
      citedBy: [
        { notice: '2023-weizheng-3', line: 7 },
        { notice: '2023-weizhengban-7', line: 14 },
      ],
    });
    expect(x.citations.map((c) => c.label)).not.toContain('条例');
  });

  it('lists the forms to link, longest first; aliases are not among them', () => {
    expect(citationForms(x.citations, x.titles)).toEqual([
      { form: '《威县人民政府关于印发威县甲事项管理办法的通知》', citation: 'doc-weizhengzi-2023-3' },
      { form: '《河北省行政执法监督条例》', citation: 'title-hbsxzzfjdtl-03d5a180' },
      { form: '冀政办字〔2021〕84号', citation: 'doc-jizhengbanzi-2021-84' },
      { form: '《威县甲事项管理办法》', citation: 'doc-weizhengzi-2023-3' },
      { form: '威政字〔2023〕3号', citation: 'doc-weizhengzi-2023-3' },
      { form: '《河北省乙规定》', citation: 'doc-jizhengbanzi-2021-84' },
    ]);
  });

  it('is the same whatever the order of the notices', () => {
    const reversed = extractCitations([...notices].reverse());
    expect(reversed.citations.map((c) => c.id)).toEqual(x.citations.map((c) => c.id));
    expect(reversed.citations.map((c) => c.citedBy.length)).toEqual(x.citations.map((c) => c.citedBy.length));
  });
});

describe('seeds/weixian-gazette-2022-02.txt', () => {
  let notices: BuiltNotice[];
  let x: ExtractedCitations;
  beforeAll(() => {
    notices = ingestDir(join(root, 'seeds')).notices;
    x = extractCitations(notices);
  });

  it('has 80 citations: 19 by 文号, 61 by title only, none of a notice in the corpus', () => {
    expect(x.citations).toHaveLength(80);
    expect(x.citations.filter((c) => c.kind === 'docNo')).toHaveLength(19);
    expect(x.citations.filter((c) => c.notice)).toHaveLength(0);
    expect(new Set(x.citations.map((c) => c.id)).size).toBe(80);
    expect(x.citations.map((c) => c.id)).toEqual([...x.citations.map((c) => c.id)].sort());
  });

  it('has 《河北省行政执法监督条例》 cited by 威政字〔2022〕16号 at its lines', () => {
    expect(byLabel(x, '河北省行政执法监督条例').citedBy).toEqual([
      { notice: '2022-weizheng-16', line: 146 },
      { notice: '2022-weizheng-16', line: 156 },
      { notice: '2022-weizheng-16', line: 277 },
    ]);
  });

  it('reads 文号 in paragraphs and in a table kept verbatim, and 《条例》 as its full title', () => {
    expect(byId(x, 'doc-nongshefa-2021-1').citedBy).toEqual([
      { notice: '2022-weizhengban-21', line: 2493 },
      { notice: '2022-weizhengban-21', line: 3390 },
    ]);
    expect(byLabel(x, '河北省电动自行车管理条例').citedBy.map((e) => e.line)).toEqual([6636, 6928, 7053]);
    expect(byId(x, 'doc-weizhengbanzi-2022-34').citedBy).toEqual([{ notice: '2022-weizhengban-44', line: 8994 }]);
  });

  it('never lets a notice cite itself or the document it issues', () => {
    const own = new Map(notices.map((n) => [n.notice.id, n]));
    for (const c of x.citations) {
      for (const e of c.citedBy) {
        const n = own.get(e.notice)!;
        expect(c.notice).not.toBe(e.notice);
        expect(c.label).not.toBe(n.notice.docNo);
        for (const s of n.sections) if (s.kind === 'document') expect(c.label.replace(/（试行）$/, '')).not.toBe(s.title!.replace(/（试行）$/, ''));
      }
    }
  });

  it('points every notice field at a notice, every citedBy at a notice line, and validates', () => {
    const spans = new Map(notices.map((n) => [n.notice.id, n.notice.source.lines]));
    for (const c of x.citations) {
      expect(CitationSchema.parse(c)).toEqual(c);
      if (c.notice) expect(spans.has(c.notice)).toBe(true);
      expect(c.citedBy.length).toBeGreaterThan(0);
      for (const e of c.citedBy) {
        const [first, last] = spans.get(e.notice)!;
        expect(e.line).toBeGreaterThanOrEqual(first);
        expect(e.line).toBeLessThanOrEqual(last);
      }
    }
    const ids = new Set(x.citations.map((c) => c.id));
    expect([...x.references.keys()]).toEqual(notices.map((n) => n.notice.id));
    for (const refs of x.references.values()) for (const id of refs) expect(ids.has(id)).toBe(true);
  });

  it('is deterministic', () => {
    expect(plain(extractCitations(notices))).toEqual(plain(x));
  });
});

describe('titles in running text', () => {
  it('keeps nested quotes in a title, splits 《A》《B》, ignores a stray 《', () => {
    const notices = ingestTexts({
      'weixian-gazette-2023-01.txt': [
        '威县人民政府办公室',
        '关于做好丁工作的通知',
        '威政办字〔2023〕9 号 2023 年 3 月 1 日',
        '各乡、镇人民政府：',
        '转发《河北省人民政府关于印发《河北省甲办法》的通知》（冀政字〔2021〕1 号），依据《乙法》《丙条例》',
        '执行；比较符号《 不是书名号。',
      ].join('\n') + '\n',
    });
    const x = extractCitations(notices);
    expect(x.citations.map((c) => [c.kind, c.label, c.citedBy.map((e) => e.line)])).toEqual([
      ['docNo', '冀政字〔2021〕1号', [5]],
      ['title', '丙条例', [5]],
      ['title', '乙法', [5]],
    ]);
    expect(x.titles.get('doc-jizhengzi-2021-1')).toEqual(['河北省人民政府关于印发《河北省甲办法》的通知']);
  });
});
