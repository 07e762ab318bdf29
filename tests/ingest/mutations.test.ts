// Mutations of the real seed: every change a new issue may bring to a notice's header — a
// deleted line, joined title lines, another issuer, another 机关代字, a Chinese-numeral date —
// must give that notice a page of its own or a problem on a line inside it. Never a merge, a
// drop or an overwrite with no problem; never a crash.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHeader } from '../../scripts/ingest/parse-header.ts';
import { splitIssue } from '../../scripts/ingest/split-issue.ts';
import { stripFurniture } from '../../scripts/ingest/strip-furniture.ts';
import { ingestDir, newSeedsDir, root } from '../helpers.ts';

const SEED = 'weixian-gazette-2022-02.txt';
const original = readFileSync(join(root, 'seeds', SEED), 'utf8').split('\n');
const base = ingestDir(join(root, 'seeds')).notices;

/** The seed's 14 notices: issuer line, title lines and 文号 line (1-based seed lines), read off the seed. */
const notices = base.map((n) => ({ id: n.notice.id, span: n.notice.source.lines, issuer: n.reading.issuerLines![0], title: n.reading.titleLines, header: n.reading.headerLines![0] }));

type Mutation = { name: string; apply: (lines: string[], n: (typeof notices)[number]) => void };

const setLine = (lines: string[], at: number, text: string) => {
  const pageStart = /^ /.test(lines[at - 1]) ? ' ' : '';
  lines[at - 1] = pageStart + text;
};

const MUTATIONS: Mutation[] = [
  { name: 'the 文号 line deleted', apply: (l, n) => setLine(l, n.header, '') },
  { name: 'the issuer line deleted', apply: (l, n) => setLine(l, n.issuer, '') },
  {
    name: 'the title lines joined into one',
    apply: (l, n) => {
      const text = Array.from({ length: n.title[1] - n.title[0] + 1 }, (_, k) => l[n.title[0] - 1 + k].trim()).join('');
      for (let k = n.title[0]; k <= n.title[1]; k++) setLine(l, k, k === n.title[0] ? text : '');
    },
  },
  { name: 'a 县委办公室 issuer', apply: (l, n) => setLine(l, n.issuer, '中共威县县委办公室') },
  { name: 'a 局 issuer', apply: (l, n) => setLine(l, n.issuer, '威县教育局') },
  { name: 'a joint issuer line', apply: (l, n) => setLine(l, n.issuer, '中共威县县委办公室 威县人民政府办公室') },
  { name: 'another 机关代字 (威教字)', apply: (l, n) => setLine(l, n.header, l[n.header - 1].trim().replace(/^威政(办)?字/, '威教字')) },
  { name: 'a 机关代字 with ü (威旅字)', apply: (l, n) => setLine(l, n.header, l[n.header - 1].trim().replace(/^威政(办)?字/, '威旅字')) },
  { name: 'a date in Chinese numerals', apply: (l, n) => setLine(l, n.header, l[n.header - 1].trim().replace(/2022 年 (\d+) 月 (\d+) 日$/, '二〇二二年四月八日')) },
  { name: 'a title that does not start with 关于', apply: (l, n) => setLine(l, n.title[0], `威县人民政府${l[n.title[0] - 1].trim()}`) },
];

/** Split and read headers only: the boundaries are what a mutation can break. */
function read(text: string) {
  const { lines } = stripFurniture(text.split('\n'));
  const { spans, problems } = splitIssue(`seeds/${SEED}`, lines);
  for (const span of spans) problems.push(...parseHeader(`seeds/${SEED}`, lines, span).problems);
  return { starts: spans.map((s) => lines[s.start].line), problems };
}

describe('mutations of the seed: a notice of its own, or a problem inside it — never a merge', () => {
  it('the unmutated seed reads as 14 notices without a problem', () => {
    expect(notices).toHaveLength(14);
    expect(read(original.join('\n')).problems).toEqual([]);
  });
  for (const mutation of MUTATIONS) {
    it(mutation.name, () => {
      const outcomes: string[] = [];
      for (const n of notices) {
        const lines = [...original];
        mutation.apply(lines, n);
        const { starts, problems } = read(lines.join('\n'));
        const inside = problems.filter((p) => p.line >= n.span[0] && p.line <= n.span[1]);
        const own = starts.length === 14 && starts.some((s) => s >= n.span[0] && s <= n.title[1]);
        outcomes.push(own ? 'own' : inside.length > 0 ? 'problem' : `MERGED (${starts.length} notices, problems at ${problems.map((p) => p.line).join(', ') || 'none'})`);
        // Problems never land outside the mutated notice.
        expect(problems.filter((p) => p.line < n.span[0] || p.line > n.span[1]), `${n.id}`).toEqual([]);
      }
      expect(outcomes.filter((o) => o.startsWith('MERGED')), outcomes.join('; ')).toEqual([]);
    });
  }
});

describe('mutations that make two notices claim one page', () => {
  it('威政〔2022〕16号 beside 威政字〔2022〕16号: two pages, the declared 机关代字 keeps its URL', () => {
    const dir = newSeedsDir();
    const lines = [...original];
    const second = notices[1];
    // The second notice becomes 威政〔2022〕16号: the same serial and a prefix without 字.
    setLine(lines, second.header, lines[second.header - 1].trim().replace(/^威政字〔2022〕\d+ 号/, '威政〔2022〕16 号'));
    writeFileSync(join(dir, SEED), lines.join('\n'));
    const { problems, notices: read } = ingestDir(dir);
    expect(problems).toEqual([]);
    const ids = read.map((n) => n.notice.id);
    expect(new Set(ids).size).toBe(14);
    expect(ids).toContain('2022-weizheng-16');
    expect(ids.find((id) => /^2022-weizheng\d{6}-16$/.test(id))).toBeDefined();
  });

  it('a 文号 printed twice is a problem naming both places, and nothing is overwritten', () => {
    const dir = newSeedsDir();
    const lines = [...original];
    setLine(lines, notices[1].header, lines[notices[0].header - 1].trim());
    writeFileSync(join(dir, SEED), lines.join('\n'));
    const { problems, files } = ingestDir(dir);
    expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      `${notices[1].span[0]}: expected each 文号 once, but 威政字〔2022〕16号 was already used by the notice at seeds/${SEED}:${notices[0].span[0]}`,
    ]);
    expect(files.size).toBe(0);
  });
});
