// Ids for the knowledge base: pinyin slugs that stay readable and never depend on order.
// A person is `gao-kaiying` (surname, then the given name as one word); an organization or
// group is its name in pinyin words: `xian-sifa-ju`, `xian-zhufang-he-chengxiang-jianshe-ju`.
import { pinyin } from 'pinyin-pro';

// Readings pinyin-pro gets wrong in this county's place and person names (什 in 第什营 is shí).
const READINGS: [string, string[]][] = [['第什营', ['di', 'shi', 'ying']]];
const COMPOUND_SURNAME = /^(欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐)/;
// Unit endings kept as one word at the end of an organization or group id.
const UNIT_END = /(领导小组|总指挥部|指挥部|委员会|管委会|办公室|办公厅|办事处|分公司|公司|分局|支行|大队|中队|中心|局|部|办|委|镇|乡|社|站|台|院|组|联|厅)$/;

function syllables(text: string, surname = false): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest) {
    const fixed = READINGS.find(([w]) => rest.startsWith(w));
    if (fixed) {
      out.push(...fixed[1]);
      rest = rest.slice(fixed[0].length);
      continue;
    }
    const next = rest.search(new RegExp(READINGS.map(([w]) => w).join('|') || '$^'));
    const chunk = next > 0 ? rest.slice(0, next) : rest;
    out.push(...pinyin(chunk, { toneType: 'none', type: 'array', surname: surname ? 'head' : 'off', nonZh: 'removed' }));
    rest = rest.slice(chunk.length);
  }
  return out.map((s) => s.toLowerCase().replace(/ü|v/g, 'v').replace(/[^a-z0-9]/g, '')).filter(Boolean);
}

/** 高凯英 → gao-kaiying; 欧阳明 → ouyang-ming. */
export function personSlug(name: string): string {
  const surname = COMPOUND_SURNAME.test(name) ? 2 : 1;
  const s = syllables(name, true);
  return `${s.slice(0, surname).join('')}-${s.slice(surname).join('')}`;
}

/**
 * 县司法局 → xian-sifa-ju: a leading place word (one of `heads`: the place's name or short form,
 * another place's name — see Place.slugHeads), the middle as one word per part (split at 和,
 * quotes, unit words and the `inner` place names: 市生态环境局威县分局 → shi-shengtaihuanjing-ju-weixian-fenju),
 * and the unit ending as the last word. Parts are not cut into guessed two-syllable words: ids
 * are permanent URLs, and a wrong cut (shuichao-caizong for 水超采综) would be worse than a long word.
 */
export function nameSlug(name: string, heads: readonly string[] = [], inner: readonly string[] = []): string {
  const words: string[] = [];
  let middle = name.replace(/[^\u3400-\u9fffA-Za-z0-9“”"]/g, '');
  const head = [...heads].sort((a, b) => b.length - a.length).find((h) => h && middle.startsWith(h));
  if (head) {
    words.push(syllables(head).join(''));
    middle = middle.slice(head.length);
  }
  const tail = UNIT_END.exec(middle);
  const end = tail && tail.index > 0 ? tail[0] : '';
  middle = middle.slice(0, middle.length - end.length);
  // Split at 和, quotes and the unit words inside a name (县公安局|交警|大队, …领导小组|办公室).
  const places = inner.filter(Boolean).map(escapeRegExp);
  const split = new RegExp(`(和|领导小组|总指挥部|指挥部|委员会|工作|公司|${places.map((p) => `${p}|`).join('')}局|区|^委)|[“”"]`);
  for (const part of middle.split(split).filter(Boolean)) {
    words.push(syllables(part).join(''));
  }
  if (end) words.push(syllables(end).join(''));
  return words.filter(Boolean).join('-');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A slug not yet in `taken`: the base, or base-2, base-3 … for a real collision. */
export function uniqueSlug(base: string, taken: Set<string>): string {
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
  taken.add(id);
  return id;
}
