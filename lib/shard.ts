// Which part of the site one Astro build renders. A gazette too large for one Astro process is
// built in shards (scripts/shards.ts): each renders the notice pages of a range of years, and
// one of them also every other page (indexes, entity pages, feed, open data, seeds). Their
// outputs are joined into one dist/. The build passes the shard to Astro in BUILD_SHARD; unset
// means the whole site in one build.
//
//   BUILD_SHARD=site,years=2022-2030   the site's pages and the notices of 2022–2030
//   BUILD_SHARD=years=2031-2040        the notices of 2031–2040 only

/** What one Astro build renders. */
export interface Shard {
  /** Every page that is not a notice page. */
  site: boolean;
  /** The notice pages of these years (first and last, inclusive); undefined: every year. */
  years?: readonly [number, number];
}

/** The whole site in one build. */
export const WHOLE_SITE: Shard = { site: true };

/** BUILD_SHARD → Shard; unset or empty is the whole site. A malformed value stops the build. */
export function parseShard(value: string | undefined): Shard {
  if (!value) return WHOLE_SITE;
  let site = false;
  let years: [number, number] | undefined;
  for (const part of value.split(',')) {
    const range = /^years=(\d{4})-(\d{4})$/.exec(part);
    if (part === 'site') site = true;
    else if (range && Number(range[1]) <= Number(range[2])) years = [Number(range[1]), Number(range[2])];
    else throw new Error(`BUILD_SHARD=${JSON.stringify(value)}: expected “site”, “years=YYYY-YYYY” or both, comma-separated (scripts/shards.ts sets it)`);
  }
  if (!years) throw new Error(`BUILD_SHARD=${JSON.stringify(value)}: a shard renders a range of years (years=YYYY-YYYY)`);
  return { site, years };
}

/** Shard → BUILD_SHARD. */
export function formatShard(shard: Shard): string {
  return [...(shard.site ? ['site'] : []), ...(shard.years ? [`years=${shard.years[0]}-${shard.years[1]}`] : [])].join(',');
}

/** Whether the shard renders the notice pages of `year`. */
export function hasYear(shard: Shard, year: number): boolean {
  return !shard.years || (year >= shard.years[0] && year <= shard.years[1]);
}

/**
 * The glob (relative to content/notices/, whose folders are years) of the MDX files the shard
 * renders: only those are compiled, which is what bounds a shard's memory.
 */
export function noticeGlob(shard: Shard): string {
  if (!shard.years) return '**/*.mdx';
  const [first, last] = shard.years;
  const years = Array.from({ length: last - first + 1 }, (_, k) => first + k);
  return years.length === 1 ? `${first}/**/*.mdx` : `{${years.join(',')}}/**/*.mdx`;
}
