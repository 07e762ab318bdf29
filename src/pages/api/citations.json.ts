// /api/citations.json: id, label, kind, notice (when in the corpus), url (its /references/ page), citedBy.
// Same order as the site's index page, so the file is stable between builds.
import type { APIRoute } from 'astro';
import { getKnowledgeBase } from '../../lib/collection.ts';
import { citationRecords, jsonResponse } from '../../lib/entity-api.ts';

export const GET: APIRoute = async () => jsonResponse(citationRecords(await getKnowledgeBase(), import.meta.env.BASE_URL));
