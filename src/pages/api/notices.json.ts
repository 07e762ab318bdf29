// /api/notices.json: the catalogue of all notices, in reading order, for scripts and tests.
// One record per line (src/lib/entity-api.ts jsonLines), so the built file diffs cleanly between builds.
import type { APIRoute } from 'astro';
import { toRecord } from '../../../lib/notice-record.ts';
import { getNotices } from '../../lib/collection.ts';
import { jsonResponse } from '../../lib/entity-api.ts';
import { notRendered } from '../../lib/shard.ts';

const render: APIRoute = async () => {
  const base = import.meta.env.BASE_URL;
  const records = (await getNotices()).map((notice) => toRecord(notice, base));
  return jsonResponse(records);
};

// A shard of notice pages only writes no open data (src/lib/shard.ts).
export const GET: APIRoute = (context) => (notRendered() ? new Response('') : render(context));
