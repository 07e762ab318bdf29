// /api/notices.json: the catalogue of all notices, in reading order, for scripts and tests.
// Pretty-printed with a trailing newline so the built file diffs cleanly between builds.
import type { APIRoute } from 'astro';
import { toRecord } from '../../lib/api.ts';
import { getNotices } from '../../lib/collection.ts';

export const GET: APIRoute = async () => {
  const base = import.meta.env.BASE_URL;
  const records = (await getNotices()).map((entry) => toRecord(entry.data, base));
  return new Response(`${JSON.stringify(records, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
