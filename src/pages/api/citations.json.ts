// /api/citations.json: id, label, kind, notice (when in the corpus), url (its /references/ page), citedBy.
// Same order as the site's index page, so the file is stable between builds.
import type { APIRoute } from 'astro';
import { getKnowledgeBase } from '../../lib/collection.ts';
import { citationRecords, jsonResponse } from '../../lib/entity-api.ts';
import { notRendered } from '../../lib/shard.ts';

const render: APIRoute = async () => jsonResponse(citationRecords(await getKnowledgeBase(), import.meta.env.BASE_URL));

// A shard of notice pages only writes no open data (src/lib/shard.ts).
export const GET: APIRoute = (context) => (notRendered() ? new Response('') : render(context));
