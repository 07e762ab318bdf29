// 文号: every printed variant → one canonical form and one URL slug; 文号 found in running text.
import { describe, expect, it } from 'vitest';
import { docNoSlug, findDocNos, normalizeDocNo, parseDocNo } from '../../scripts/ingest/docno.ts';

describe('normalizeDocNo and docNoSlug', () => {
  const variants: [string, string, string][] = [
    ['威政办字〔2022〕25号', '威政办字〔2022〕25号', 'weizhengbanzi-2022-25'],
    ['威政办字 〔 2022 〕 25 号', '威政办字〔2022〕25号', 'weizhengbanzi-2022-25'],
    ['威政办字[2022]25号', '威政办字〔2022〕25号', 'weizhengbanzi-2022-25'],
    ['威政办字［2022］25号', '威政办字〔2022〕25号', 'weizhengbanzi-2022-25'],
    ['威政办字（2022）25号', '威政办字〔2022〕25号', 'weizhengbanzi-2022-25'],
    ['威政办字(2022)25号', '威政办字〔2022〕25号', 'weizhengbanzi-2022-25'],
    ['威政办字【2022】25号', '威政办字〔2022〕25号', 'weizhengbanzi-2022-25'],
    ['威政办字〔２０２２〕２５号', '威政办字〔2022〕25号', 'weizhengbanzi-2022-25'],
    ['威政办字〔2022〕第25号', '威政办字〔2022〕25号', 'weizhengbanzi-2022-25'],
    ['威政办字〔2022〕025号', '威政办字〔2022〕25号', 'weizhengbanzi-2022-25'],
    [' 威 政 办 字 ( 2 0 2 2 ) 2 5 号 ', '威政办字〔2022〕25号', 'weizhengbanzi-2022-25'],
    ['威政字〔2022〕16 号', '威政字〔2022〕16号', 'weizhengzi-2022-16'],
    ['冀政办字〔2021〕84号', '冀政办字〔2021〕84号', 'jizhengbanzi-2021-84'],
    ['邢政字〔2022〕5号', '邢政字〔2022〕5号', 'xingzhengzi-2022-5'],
    ['国办发明电〔2022〕10号', '国办发明电〔2022〕10号', 'guobanfamingdian-2022-10'],
    ['司办通〔2021〕84号', '司办通〔2021〕84号', 'sibantong-2021-84'],
    ['邢气领组〔2022〕2号', '邢气领组〔2022〕2号', 'xingqilingzu-2022-2'],
    ['冀办〔2021〕15号', '冀办〔2021〕15号', 'jiban-2021-15'],
    ['冀自然资字〔2020〕118 号', '冀自然资字〔2020〕118号', 'jiziranzizi-2020-118'],
  ];
  for (const [printed, canonical, slug] of variants) {
    it(`${printed} → ${canonical} → ${slug}`, () => {
      expect(normalizeDocNo(printed)).toBe(canonical);
      expect(docNoSlug(printed)).toBe(slug);
      expect(docNoSlug(canonical)).toBe(slug);
    });
  }

  it('parses the 机关代字, year and serial', () => {
    expect(parseDocNo('国办发明电〔2022〕10号')).toEqual({ prefix: '国办发明电', year: 2022, serial: 10 });
    expect(parseDocNo('冀政办字（２０２１）８４号')).toEqual({ prefix: '冀政办字', year: 2021, serial: 84 });
  });

  it('rejects what is not exactly one 文号', () => {
    for (const text of ['', '〔2022〕25号', '威政办字〔22〕25号', '威政办字〔2022〕号', '威政办字2022年25号', '（2022年3月底前）', '根据威政办字〔2022〕25号文件', 'AGI2021-01-3272', '威政办字〔2022〕0号']) {
      expect(normalizeDocNo(text), text).toBeUndefined();
    }
    expect(() => docNoSlug('威县')).toThrow(/expected a 文号/);
  });

  it('keeps two 机关代字 with one pinyin apart when both are known, whatever the order', () => {
    const corpus = ['冀政办字〔2021〕84号', '济政办字〔2021〕3号', '威政办字〔2022〕25号'];
    const ji = docNoSlug('冀政办字〔2021〕84号', corpus);
    const jinan = docNoSlug('济政办字〔2021〕84号', [...corpus].reverse());
    expect(ji).toMatch(/^jizhengbanzi\d{6}-2021-84$/);
    expect(jinan).toMatch(/^jizhengbanzi\d{6}-2021-84$/);
    expect(ji).not.toBe(jinan);
    // Prefixes without a twin keep the plain pinyin; a bare prefix counts as known too.
    expect(docNoSlug('威政办字〔2022〕25号', corpus)).toBe('weizhengbanzi-2022-25');
    expect(docNoSlug('冀政办字〔2021〕84号', ['济政办字'])).toBe(ji);
    expect(docNoSlug('冀政办字〔2021〕84号', ['冀政办字〔2020〕1号'])).toBe('jizhengbanzi-2021-84');
  });
});

describe('findDocNos', () => {
  it('finds every 文号 in running text with its printed span', () => {
    const text = '根据《甲》（冀政办字〔2021〕84 号）、《乙》（邢政字［2022］5号）和冀办〔2021〕15号，按照司办通 (2021) 84号文件；（2022年3月底前）';
    const found = findDocNos(text);
    expect(found.map((d) => d.docNo)).toEqual(['冀政办字〔2021〕84号', '邢政字〔2022〕5号', '冀办〔2021〕15号', '司办通〔2021〕84号']);
    expect(found.map((d) => text.slice(d.index, d.index + d.length))).toEqual([
      '冀政办字〔2021〕84 号',
      '邢政字［2022］5号',
      '冀办〔2021〕15号',
      '司办通 (2021) 84号',
    ]);
  });

  it('stops the 机关代字 at a joining word or an issuer name before it', () => {
    const at = (text: string) => findDocNos(text).map((d) => [d.docNo, text.slice(d.index, d.index + d.length)]);
    expect(at('按照国办发明电〔2022〕10号执行')).toEqual([['国办发明电〔2022〕10号', '国办发明电〔2022〕10号']]);
    expect(at('邢台市人民政府 邢政字〔2022〕5号')).toEqual([['邢政字〔2022〕5号', '邢政字〔2022〕5号']]);
    expect(at('冀办〔2021〕15号冀政办字〔2021〕84号')).toEqual([
      ['冀办〔2021〕15号', '冀办〔2021〕15号'],
      ['冀政办字〔2021〕84号', '冀政办字〔2021〕84号'],
    ]);
  });

  it('reads a 文号 wrapped over lines, and a header line', () => {
    expect(findDocNos('《邢台市新农村建设工作方案》（邢政办字\n〔2021〕47 号）部署')).toMatchObject([{ docNo: '邢政办字〔2021〕47号', index: 15 }]);
    expect(findDocNos('威政字〔2022〕16 号 2022 年 4 月 8 日')).toEqual([{ docNo: '威政字〔2022〕16号', index: 0, length: 13 }]);
  });

  it('finds nothing in text without a 文号', () => {
    expect(findDocNos('（一）安排部署（2022年3月底前）；2022—2025年；AGI2021-01-3272；〔2022〕5号')).toEqual([]);
  });
});
