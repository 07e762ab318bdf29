// Header variants: however the PDF printed the 文号, the notice gets the one normalized 文号,
// id and URL.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ingestDir, newSeedsDir } from '../helpers.ts';

test.each([
  ['威政办字〔2023〕7 号 2023 年 3 月 5 日'],
  ['威政办字[2023]7号 2023年3月5日'],
  ['威政办字（２０２３）７号　２０２３年３月５日'],
  ['威 政 办 字 〔 2023 〕 7 号 2023 年 3 月 5 日'],
])('%s', (line) => {
  const dir = newSeedsDir();
  writeFileSync(join(dir, 'weixian-gazette-2023-01.txt'), ` 威县人民政府办公室\n\n关于某事项的通知\n\n${line}\n\n各乡、镇人民政府：\n\n正文。\n`);
  const { problems, notices } = ingestDir(dir);
  expect(problems).toEqual([]);
  expect(notices.map((n) => [n.notice.docNo, n.notice.id, n.notice.date])).toEqual([['威政办字〔2023〕7号', '2023-weizhengban-7', '2023-03-05']]);
});
