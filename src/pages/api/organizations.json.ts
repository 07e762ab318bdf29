// /api/organizations.json: id, name, aliases, url, category.
// Same order as the site's index page, so the file is stable between builds.
import type { APIRoute } from 'astro';
import { getKnowledgeBase } from '../../lib/collection.ts';
import { organizationRecords, jsonResponse } from '../../lib/entity-api.ts';

export const GET: APIRoute = async () => jsonResponse(organizationRecords(await getKnowledgeBase(), import.meta.env.BASE_URL));
