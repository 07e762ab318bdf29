// /api/memberships.json: Popolo memberships: person_id, organization_id, group, role, post, notice, start_date, end_date (optional keys only when set).
// Groups in the order of the 工作机构 index, each group's memberships in printed order.
import type { APIRoute } from 'astro';
import { getKnowledgeBase } from '../../lib/collection.ts';
import { membershipRecords, jsonResponse } from '../../lib/entity-api.ts';

export const GET: APIRoute = async () => jsonResponse(membershipRecords(await getKnowledgeBase()));
