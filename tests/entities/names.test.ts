// Nothing that is not a name ever becomes a person: not the words of the seed that have a
// name's shape (第四章, 各乡镇, 水务局), not table-cell fragments (房和, 县农, 村局), wherever
// they are printed — in a raw table in the leader column, in a 联络表 cell, in running text.
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../scripts/ingest/extract-entities.ts';
import { acceptName } from '../../scripts/ingest/entities/mentions.ts';
import { seedConfig, syntheticNotice } from '../fixtures/entities/load.ts';

const NON_NAMES = ['第四章', '各乡镇', '水务局', '常屯乡', '县长', '组长', '合计', '房和', '县农', '业农', '村局', '县直有', '建设', '持续推进', '方式', '时限', '高新区', '县委', '联系电话'];

describe('non-names', () => {
  it('are rejected by the name test', () => {
    for (const w of NON_NAMES) expect(acceptName(w), w).toBe(false);
    for (const n of ['高凯英', '韩超', '仝兆欣', '贾丽霞', '齐之群']) expect(acceptName(n), n).toBe(true);
  });

  it('never become people from raw tables, tables or text', () => {
    const raw = NON_NAMES.map((text, k) => ({ line: 100 + k, text, pageStart: false }));
    const notice = syntheticNotice('2022-weizhengban-9', '2022-05-01', '关于印发威县某工作方案的通知', [
      { kind: 'raw', reason: 'test', lines: [99, 140], source: [{ line: 99, text: '序号 目标任务 具体标准 牵头 县领导 牵头 部门', pageStart: false }, ...raw] },
      { kind: 'table', lines: [150, 152], header: [['序号', '单位', '主管领导', '联系电话', '联络人', '联系电话']], rows: [['1', '县财政局', '水务局 副局长', '1', '各乡镇 股长', '2'], ['2', '县城管局', '第四章', '3', '合计', '4']] },
      { kind: 'paragraph', lines: [160, 160], text: '由常务副县长任主任，主管副县长为副主任。（牵头县领导：各乡镇；牵头部门：县水务局；责任单位：县农业农村局）（联系人：水务局，电话）' },
    ]);
    expect(extractEntities([notice], seedConfig).people).toEqual([]);
  });
});
