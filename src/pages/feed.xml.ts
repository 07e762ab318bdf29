// /feed.xml: Atom 1.0, one entry per notice, the newest FEED_ENTRIES, newest first (src/lib/feed.ts). `site` is always
// set by astro.config.mjs (SITE_BASE as a full URL, else SITE_URL, else https://example.invalid/).
import type { APIRoute } from 'astro';
import { getNotices } from '../lib/collection.ts';
import { atomFeed } from '../lib/feed.ts';
import { PUBLISHER, SITE_NAME } from '../lib/site.ts';
import { notRendered } from '../lib/shard.ts';

export const GET: APIRoute = async ({ site }) => {
  if (notRendered()) return new Response('');
  if (!site) throw new Error('feed.xml needs the `site` option (see astro.config.mjs)');
  const notices = await getNotices();
  const body = atomFeed({
    notices,
    // The ingest takes each opening from the MDX source as the page prints it (lib/opening.ts)
    // and keeps it in the catalogue: the feed is rendered before any page exists to read it from.
    openings: new Map(notices.map((notice) => [notice.id, notice.opening])),
    site,
    base: import.meta.env.BASE_URL,
    title: SITE_NAME,
    subtitle: `《${SITE_NAME}》刊登的文件，按成文日期从新到旧`,
    author: PUBLISHER,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
