// Does every notice page show the text its search index entry was built from? The index is built
// from the ingest's text while Astro renders (scripts/build.ts); the checks compare it with each
// page's own, folded as queries are (scripts/search/search-api.js `fold`).
import { fold } from '../search/search-api.js';

/**
 * Notice URLs whose page text, folded, is not the text the index was given for them — each with
 * where the two part — and a last line when the counts differ. Empty when all agree.
 */
export function differingTexts(pages: ReadonlyMap<string, string>, given: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [url, text] of given) {
    const page = pages.get(url);
    const folded = page === undefined ? undefined : fold(page);
    if (folded === text) continue;
    if (folded === undefined) out.push(`${url}: no such notice page`);
    else {
      let k = 0;
      while (k < text.length && folded[k] === text[k]) k++;
      out.push(`${url}: from character ${k}, the index has “${text.slice(k, k + 12)}”, the page “${folded.slice(k, k + 12)}”`);
    }
  }
  if (pages.size !== given.size) out.push(`${pages.size} notice page(s), ${given.size} indexed`);
  return out;
}
