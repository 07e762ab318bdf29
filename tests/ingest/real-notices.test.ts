// Real notices of other governments (tests/fixtures/real/), laid out as gazette issues with the
// PDF's damage (tests/helpers/gazette-layout.ts), through the whole ingest. Every expectation in
// tests/fixtures/real/notices/*/expected.json was written by reading the notice, never taken
// from program output. These tests describe what reading ANY gazette issue that follows
// 《党政机关公文处理工作条例》 and GB/T 9704-2012 must give; they fail where the ingest cannot yet.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { matchPersonnel } from '../../scripts/ingest/recover-personnel.ts';
import { matchTable } from '../../scripts/ingest/recover-tables.ts';
import { ingest, type IngestResult } from '../../scripts/ingest/run.ts';
import { layoutIssue } from '../helpers/gazette-layout.ts';

const real = join(import.meta.dirname, '../fixtures/real');

interface Expected {
  source: string;
  issuers: string[];
  title: string;
  docNo: string | null;
  date: string;
  type: string;
  personnel: { name: string; role: string }[];
}
interface Issue {
  gazette: string;
  year: number;
  number: number;
  config: unknown;
  notices: string[];
}

const issues = readdirSync(join(real, 'issues'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ id: f.replace(/\.json$/, ''), issue: JSON.parse(readFileSync(join(real, 'issues', f), 'utf8')) as Issue }));
const notice = (id: string) => readFileSync(join(real, 'notices', id, 'notice.txt'), 'utf8');
const expected = (id: string) => JSON.parse(readFileSync(join(real, 'notices', id, 'expected.json'), 'utf8')) as Expected;
const squeeze = (s: string) => s.replace(/\s+/g, '');

const temp: string[] = [];
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

/** The issue as a seeds folder of its own: gazette.yaml and one laid-out issue. */
function seedsFor(id: string, issue: Issue): { dir: string; file: string; text: string } {
  const dir = mkdtempSync(join(tmpdir(), `real-${id}-`));
  temp.push(dir);
  writeFileSync(join(dir, 'gazette.yaml'), stringify(issue.config));
  const prefix = id.split('-')[0];
  const file = `${prefix}-gazette-${issue.year}-${String(issue.number).padStart(2, '0')}.txt`;
  const text = layoutIssue({ gazette: issue.gazette, year: issue.year, number: issue.number, notices: issue.notices.map(notice), seed: issue.number * 7919 + issue.year });
  writeFileSync(join(dir, file), text);
  return { dir, file, text };
}

type Run = { result?: IngestResult; error?: unknown; file: string; text: string };
const runs = new Map<string, Run>();
function run(id: string, issue: Issue): Run {
  if (!runs.has(id)) {
    const { dir, file, text } = seedsFor(id, issue);
    try {
      runs.set(id, { result: ingest(dir, [matchPersonnel, matchTable]), file, text });
    } catch (error) {
      runs.set(id, { error, file, text });
    }
  }
  return runs.get(id)!;
}
function resultOf(id: string, issue: Issue): IngestResult {
  const r = run(id, issue);
  if (r.error) throw new Error(`ingest threw on ${r.file}: ${(r.error as Error).stack ?? r.error}`);
  return r.result!;
}

for (const { id, issue } of issues) {
  describe(`${id} (${issue.gazette} ${issue.year} 年第 ${issue.number} 号)`, () => {
    test('ingests without a problem', () => {
      const { problems } = resultOf(id, issue);
      expect(problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([]);
    });

    test(`has ${issue.notices.length} notice(s), one per notice printed, in order`, () => {
      const { notices } = resultOf(id, issue);
      expect(notices.map((n) => squeeze(n.notice.title))).toEqual(issue.notices.map((n) => squeeze(expected(n).title)));
    });

    issue.notices.forEach((noticeId, k) => {
      const want = expected(noticeId);
      test(`${noticeId}: 发文机关, title, 文号, 成文日期 and 文种 as read by a person`, () => {
        const got = resultOf(id, issue).notices[k]?.notice as (Record<string, unknown> & { issuers?: unknown }) | undefined;
        expect(got, `notice ${k + 1} of ${issue.notices.length}`).toBeDefined();
        expect({
          issuers: got!.issuers,
          title: squeeze(String(got!.title)),
          docNo: got!.docNo,
          date: got!.date,
          type: got!.type,
        }).toEqual({
          issuers: want.issuers,
          title: squeeze(want.title),
          docNo: want.docNo ?? undefined,
          date: want.date,
          type: want.type,
        });
      });
    });
  });
}

describe('personnel lists across all real notices', () => {
  test('at least 95 % of the people (name + role) are recovered', () => {
    const misses: string[] = [];
    let total = 0;
    for (const { id, issue } of issues) {
      const r = run(id, issue);
      issue.notices.forEach((noticeId, k) => {
        const got = r.result?.notices[k]?.notice.personnel ?? [];
        const have = new Set(got.map((m) => `${squeeze(m.role)}|${squeeze(m.name)}`));
        for (const p of expected(noticeId).personnel) {
          total++;
          if (!have.has(`${p.role}|${p.name}`)) misses.push(`${noticeId}: ${p.role} ${p.name}`);
        }
      });
    }
    if (misses.length > 0) console.log(`personnel missed (${misses.length} of ${total}):\n${misses.join('\n')}`);
    expect(total).toBeGreaterThan(100);
    expect((total - misses.length) / total).toBeGreaterThanOrEqual(0.95);
  });
});
