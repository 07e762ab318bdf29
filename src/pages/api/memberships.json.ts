// /api/memberships.json: Popolo memberships: person_id, organization_id, group, role, post, notice, start_date, end_date (optional keys only when set).
// Groups in the order of the 工作机构 index, each group's memberships in printed order.
import type { APIRoute } from 'astro';
import { getKnowledgeBase } from '../../lib/collection.ts';
import { membershipRecords, jsonResponse } from '../../lib/entity-api.ts';
import { notRendered } from '../../lib/shard.ts';

const render: APIRoute = async () => jsonResponse(membershipRecords(await getKnowledgeBase()));

// A shard of notice pages only writes no open data (src/lib/shard.ts).
export const GET: APIRoute = (context) => (notRendered() ? new Response('') : render(context));
