// What a shard of notice pages only reads of the knowledge base (lib/shard-records.ts), and the
// strict loader of its files (src/lib/data-file.ts). The notice pages such a shard renders are
// compared byte for byte with a whole build's in tests/site/shards.test.ts; here, each record's
// slice is written out by hand.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { recordsForShard } from '../../lib/shard-records.ts';
import { dataFile } from '../../src/lib/data-file.ts';
import type { Citation, Group, Organization, Person } from '../../schemas/entities.ts';

const later = { site: false, years: [2023, 2024] as const };
const site = { site: true, years: [2022, 2022] as const };

const person: Person = {
  id: 'zhang-san',
  name: '张三',
  roles: [
    { notice: '2022-weizheng-1', date: '2022-03-01', role: '组长', source: 'list', line: 10 },
    { notice: '2023-weizheng-4', date: '2023-05-02', group: 'fang-xun', role: '成员', source: 'list', line: 22 },
  ],
  notices: ['2022-weizheng-1', '2023-weizheng-4', '2025-weizheng-9'],
  flags: [
    { message: 'two posts', evidence: [{ notice: '2022-weizheng-1', line: 10 }] },
    { message: 'two names', evidence: [{ notice: '2022-weizheng-1', line: 11 }, { notice: '2024-weizheng-2', line: 7 }] },
  ],
};

describe('recordsForShard', () => {
  test('a shard of notice pages only: each person with the roles, notices and evidence of its years', () => {
    expect(recordsForShard('people', [person], later)).toEqual([
      {
        id: 'zhang-san',
        name: '张三',
        roles: [{ notice: '2023-weizheng-4', date: '2023-05-02', group: 'fang-xun', role: '成员', source: 'list', line: 22 }],
        notices: ['2023-weizheng-4'],
        flags: [{ message: 'two names', evidence: [{ notice: '2024-weizheng-2', line: 7 }] }],
      },
    ]);
  });

  test('every record stays, with its id and name, when nothing of it is in the shard’s years (a text may link to it)', () => {
    const organization: Organization = {
      id: 'xian-sifa-ju',
      name: '县司法局',
      aliases: ['县司法行政部门'],
      category: '县直部门',
      notices: ['2022-weizheng-1'],
      issued: ['2022-weizheng-1'],
      tasks: [{ notice: '2022-weizheng-1', line: 40, task: '牵头', lead: true }],
    };
    const group: Group = {
      id: 'fang-xun',
      name: '防汛抗旱指挥部',
      kind: '指挥部',
      organization: 'xian-sifa-ju',
      events: [{ notice: '2022-weizheng-1', date: '2022-03-01', action: '成立' }],
      memberships: [{ person_id: 'zhang-san', group: 'fang-xun', role: '组长', notice: '2022-weizheng-1', start_date: '2022-03-01', line: 10 }],
    };
    expect(recordsForShard('organizations', [organization], later)).toEqual([{ ...organization, notices: [], issued: [], tasks: [] }]);
    expect(recordsForShard('groups', [group], later)).toEqual([{ ...group, events: [], memberships: [] }]);
  });

  test('a citation resolving to a notice of the shard keeps every notice citing it; any other, those of its years', () => {
    const resolved: Citation = { id: 'doc-weizheng-2023-4', kind: 'docNo', label: '威政〔2023〕4号', notice: '2023-weizheng-4', citedBy: [{ notice: '2022-weizheng-1', line: 5 }, { notice: '2025-weizheng-9', line: 8 }] };
    const outside: Citation = { id: 'doc-jizheng-2021-3', kind: 'docNo', label: '冀政〔2021〕3号', citedBy: [{ notice: '2022-weizheng-1', line: 6 }, { notice: '2024-weizheng-2', line: 3 }] };
    const elsewhere: Citation = { id: 'doc-weizheng-2022-1', kind: 'docNo', label: '威政〔2022〕1号', notice: '2022-weizheng-1', citedBy: [{ notice: '2025-weizheng-9', line: 2 }] };
    expect(recordsForShard('citations', [resolved, outside, elsewhere], later)).toEqual([
      resolved,
      { ...outside, citedBy: [{ notice: '2024-weizheng-2', line: 3 }] },
      { ...elsewhere, citedBy: [] },
    ]);
  });

  test('the site’s shard (and a whole build) reads every record whole', () => {
    const records = [person];
    expect(recordsForShard('people', records, site)).toBe(records);
    expect(recordsForShard('people', records, { site: true })).toBe(records);
  });

  test('a malformed record is left for the schema to report, not thrown here', () => {
    expect(recordsForShard('people', [{ id: 'x', roles: 'none' }, null], later)).toEqual([{ id: 'x', roles: 'none', notices: undefined, flags: undefined }, null]);
  });
});

/** Loads `text` as content/data/<name> through dataFile, with a minimal loader context. */
async function load(text: string | undefined, select?: (records: unknown[]) => unknown[]) {
  const dir = mkdtempSync(join(tmpdir(), 'data-file-'));
  const path = join(dir, 'people.json');
  if (text !== undefined) writeFileSync(path, text);
  const stored: unknown[] = [];
  const logged: string[] = [];
  const log = (message: string) => logged.push(message);
  const context = {
    config: { root: pathToFileURL(`${dir}/`) },
    collection: 'people',
    logger: { error: log, warn: log, info: log, debug: () => {} },
    parseData: async ({ data }: { data: unknown }) => data,
    store: { clear: () => (stored.length = 0), set: ({ data }: { data: unknown }) => stored.push(data) },
  };
  await dataFile(path, select).load(context as never);
  return { stored, logged, path };
}

describe('dataFile', () => {
  test('stores the records the selection gives', async () => {
    const { stored } = await load('[{"id":"a","n":1},{"id":"b","n":2}]', (records) => records.slice(1));
    expect(stored).toEqual([{ id: 'b', n: 2 }]);
  });
  test('a missing file, invalid JSON or a value that is not an array stops the build, naming the file', async () => {
    await expect(load(undefined)).rejects.toThrow(/people\.json is missing: the ingest writes it \(npm run ingest\)$/);
    await expect(load('[{"id":"a"},')).rejects.toThrow(/people\.json is not valid JSON: /);
    await expect(load('{"id":"a"}')).rejects.toThrow(/people\.json must be a JSON array of records with an `id`$/);
  });
});
