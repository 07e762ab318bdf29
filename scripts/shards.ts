// A gazette too large for one Astro process is built in shards: separate Astro builds, each
// rendering the notice pages of a range of years (its MDX only is compiled, which bounds its
// memory), the first also every other page (lib/shard.ts). Their outputs are joined here into
// one dist/, and the joined site goes through the same checks as a site built whole
// (scripts/postbuild.ts), plus the sitemap and feed check the whole build makes inside Astro.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { hasYear, WHOLE_SITE, type Shard } from '../lib/shard.ts';
import { noticeYear } from '../schemas/catalogue.ts';
import { noticeLimit } from '../lib/notice-limit.ts';

/**
 * Notices a shard renders at most, unless SHARD_NOTICES says otherwise: about 180 issues of 14.
 * Each shard pays Astro's start, the catalogue, the knowledge base and its own bundle: at 300
 * issues three shards of 1,400 notices took 141 s of Astro and two of 2,100 took 105 s, the largest
 * 2.3 and 2.6 GB (the bare stack's one build 2.8 GB; one build of all 4,200 notices 3.5 GB).
 */
export const DEFAULT_SHARD_NOTICES = 2500;

/** SHARD_NOTICES → the most notices one Astro build renders; unset or empty: the default. */
export function maxShardNotices(value: string | undefined): number {
  return noticeLimit('SHARD_NOTICES', value, DEFAULT_SHARD_NOTICES, 'one Astro build renders');
}

/** Consecutive years in groups of at most `cap` notices (a larger year is a group of its own). */
function groupYears(years: readonly (readonly [year: number, count: number])[], cap: number): { first: number; last: number; count: number }[] {
  const groups: { first: number; last: number; count: number }[] = [];
  for (const [year, count] of years) {
    const open = groups.at(-1);
    if (open && open.count + count <= cap) Object.assign(open, { last: year, count: open.count + count });
    else groups.push({ first: year, last: year, count });
  }
  return groups;
}

/**
 * The shards for these notices: consecutive years (a year is the unit, never split), as few
 * shards as `max` notices a shard allows, and of those plans the one whose largest shard is
 * smallest — two shards of 2,100 rather than 2,500 and 1,700: a shard's time and memory follow
 * its notices. The first also renders the site's pages. One shard when everything fits: then the
 * build is the whole site, as without shards.
 */
export function planShards(notices: readonly { id: string }[], max: number): Shard[] {
  const perYear = new Map<number, number>();
  for (const n of notices) {
    const year = noticeYear(n.id);
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
  }
  if (notices.length <= max) return [WHOLE_SITE];
  const years = [...perYear].sort((a, b) => a[0] - b[0]);
  const fewest = groupYears(years, max).length;
  // The smallest cap that needs no more shards than `max` does (fewer shards never come of a
  // smaller cap, so the search halves the range).
  let [low, high] = [Math.ceil(notices.length / fewest), max];
  while (low < high) {
    const cap = Math.floor((low + high) / 2);
    if (groupYears(years, cap).length <= fewest) high = cap;
    else low = cap + 1;
  }
  return groupYears(years, high).map((g, i) => ({ site: i === 0, years: [g.first, g.last] as const }));
}

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1));
}

/** What joining the shards' outputs did: files taken from each shard, and the problems. */
export interface JoinReport {
  /** Files moved in from the shards after the first (notice pages and their assets). */
  moved: number;
  /** Files the other shards wrote that the site shard has too (its pages), left out. */
  shared: number;
  problems: string[];
}

/** A notice page's year, from `notices/<year>/…`; undefined for any other file. */
function pageYear(path: string): number | undefined {
  const m = /^notices[\\/](\d{4})[\\/]/.exec(path);
  return m ? Number(m[1]) : undefined;
}

/**
 * Joins the shards' outputs into `outDir`: the site shard's output as it is, then from each other
 * shard its notice pages (those of its years — another shard's would be a planning error) and the
 * assets they use (`_astro/`: the same name must hold the same bytes). Every other file such a
 * shard wrote (the routes Astro renders in every build) must exist in the site shard's output too:
 * nothing any shard made is dropped unseen. Problems are returned, not thrown, so all are listed.
 */
export function joinShards(parts: readonly { shard: Shard; dir: string }[], outDir: string): JoinReport {
  const [site, ...rest] = parts;
  if (!site?.shard.site) throw new Error('joinShards: the first shard must be the one with the site pages');
  rmSync(outDir, { recursive: true, force: true });
  renameSync(site.dir, outDir);
  const report: JoinReport = { moved: 0, shared: 0, problems: [] };
  for (const { shard, dir } of rest) {
    const label = `shard ${shard.years?.join('–')}`;
    for (const path of filesUnder(dir)) {
      const from = join(dir, path);
      const to = join(outDir, path);
      const year = pageYear(path);
      if (year !== undefined) {
        if (!hasYear(shard, year)) report.problems.push(`${label} wrote ${path}, a page of another shard's year`);
        else if (existsSync(to)) report.problems.push(`${label} and another shard both wrote ${path}`);
        else {
          mkdirSync(dirname(to), { recursive: true });
          renameSync(from, to);
          report.moved++;
        }
      } else if (path.startsWith(`_astro${sep}`)) {
        if (!existsSync(to)) {
          mkdirSync(dirname(to), { recursive: true });
          renameSync(from, to);
          report.moved++;
        } else if (!readFileSync(to).equals(readFileSync(from))) report.problems.push(`${label} wrote ${path} with other bytes than the site shard`);
        else report.shared++;
      } else if (!existsSync(to)) report.problems.push(`${label} wrote ${path}, which the site shard did not: it would be lost`);
      else report.shared++;
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return report;
}
