// /feed.xml: Atom 1.0, one entry per notice, newest first (src/lib/feed.ts). `site` is always
// set by astro.config.mjs (SITE_BASE as a full URL, else SITE_URL, else https://example.invalid/).
import type { APIRoute } from 'astro';
import { getNotices, noticeSource } from '../lib/collection.ts';
import { atomFeed, openingText } from '../lib/feed.ts';
import { PUBLISHER, SITE_NAME } from '../lib/site.ts';

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('feed.xml needs the `site` option (see astro.config.mjs)');
  const entries = await getNotices();
  const body = atomFeed({
    notices: entries.map((entry) => entry.data),
    // From the MDX source (its file: the content layer keeps no bodies), as the page prints it:
    // the feed is rendered before any page exists to read it from.
    openings: new Map(entries.map((entry) => [entry.data.id, openingText(noticeSource(entry).body)])),
    site,
    base: import.meta.env.BASE_URL,
    title: SITE_NAME,
    subtitle: `《${SITE_NAME}》刊登的文件，按成文日期从新到旧`,
    author: PUBLISHER,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
