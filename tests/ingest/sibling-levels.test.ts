// Siblings of one numbering sequence are read alike (scripts/ingest/sibling-levels.ts).
import { describe, expect, it } from 'vitest';
import { levelSiblings, markerNumber } from '../../scripts/ingest/sibling-levels.ts';
import type { Block } from '../../scripts/ingest/types.ts';

const h = (depth: number, marker: string, text: string, line: number): Block => ({ kind: 'heading', depth, marker, text, lines: [line, line] });
const p = (text: string, line: number): Block => ({ kind: 'paragraph', text, lines: [line, line] });

describe('markerNumber', () => {
  it('reads Chinese and Arabic item numbers', () => {
    expect(['（一）', '（十）', '（十一）', '（十二）', '二十一、', '3、', '（12）', '4.'].map(markerNumber)).toEqual([1, 10, 11, 12, 21, 3, 12, 4]);
  });
});

describe('levelSiblings', () => {
  it('makes a sibling read as a paragraph a heading when most of its sequence are headings', () => {
    const blocks = [
      h(3, '（一）', '（一）县财政局', 1), p('负责保障工作经费。', 1),
      p('（二）县委宣传部负责宣传贯彻《条例》的重要意义。将《条例》分解研读，为群众解惑答疑。', 3),
      h(3, '（三）', '（三）县供电公司', 5), p('负责充电设施用电报装服务。', 5),
    ];
    expect(levelSiblings(blocks)).toEqual([
      h(3, '（一）', '（一）县财政局', 1), p('负责保障工作经费。', 1),
      h(3, '（二）', '（二）县委宣传部负责宣传贯彻《条例》的重要意义。', 3), p('将《条例》分解研读，为群众解惑答疑。', 3),
      h(3, '（三）', '（三）县供电公司', 5), p('负责充电设施用电报装服务。', 5),
    ]);
  });

  it('makes a lone heading among paragraph items a paragraph again, its rest joined back', () => {
    const blocks = [
      p('1、按照全面覆盖、就近办理原则，在各中队设立登记服务站点，方便群众办理。', 1),
      p('2、分级分批对工作人员进行业务培训，保证能够熟练使用登记系统。', 2),
      h(4, '3、', '3、统一建设系统运行平台。', 3), p('在保证信息安全的前提下，探索市场化运作方式。', 3),
    ];
    expect(levelSiblings(blocks)).toEqual([
      p('1、按照全面覆盖、就近办理原则，在各中队设立登记服务站点，方便群众办理。', 1),
      p('2、分级分批对工作人员进行业务培训，保证能够熟练使用登记系统。', 2),
      p('3、统一建设系统运行平台。在保证信息安全的前提下，探索市场化运作方式。', 3),
    ]);
  });

  it('leaves sequences that are already alike, and numbers that do not follow one another, as they are', () => {
    const blocks = [h(2, '一、', '一、总体要求', 1), p('（一）指导思想很长的一段话，说明了工作的总体思路和方法。', 2), h(2, '二、', '二、工作任务', 3), p('（三）不是接着（一）的编号。', 4)];
    expect(levelSiblings(blocks)).toEqual(blocks);
  });
});
