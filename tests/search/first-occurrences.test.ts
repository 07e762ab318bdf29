// firstOccurrences (scripts/search/build.ts): where each name form first occurs in each notice's
// text, in one pass — the name facets and the organizations' cards read it. It must say what
// String#indexOf says, for forms that share a first character, overlap, nest, repeat, or hold a
// character outside the BMP.
import { expect, test } from 'vitest';
import { firstOccurrences } from '../../scripts/search/build.ts';

const texts = ['县司法局会同县司法行政部门，县司法局牵头。', '高凯英、张朝华参加。𠀋村委会、𠀋村', '', '司法司法局'];
const forms = ['县司法局', '县司法', '司法局', '司法', '县司法行政部门', '高凯英', '张朝华', '𠀋村', '𠀋村委会', '无此名', '司法局'];

test('each form’s first place in each text is the one indexOf gives, -1 where it is not', () => {
  const found = firstOccurrences(texts, forms);
  for (const form of forms) expect([...found.get(form)!], form).toEqual(texts.map((t) => t.indexOf(form)));
  // Spelled out for two of them, read from the texts above.
  expect([...found.get('司法局')!]).toEqual([1, -1, -1, 2]);
  expect([...found.get('𠀋村委会')!]).toEqual([-1, 10, -1, -1]);
});

test('an empty form is at 0 in every text, as indexOf says', () => {
  expect([...firstOccurrences(texts, ['']).get('')!]).toEqual([0, 0, 0, 0]);
});
