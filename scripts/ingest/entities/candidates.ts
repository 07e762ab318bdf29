// Merges the data suggests but the reviewed alias table does not contain, for the lead to
// review (the build prints them). Two signals:
// 1. one person holds the same position at two organizations within 90 days
//    (胡晓宇 县市场监督管理局局长 / 县市场监管局局长 — had the table not merged them);
// 2. one name is an abbreviation of another: same opening 县, same unit ending, and the shorter
//    name's characters appear in order in the longer (县电视台 / 县广播电视台), or a generic
//    `县X行政部门` next to `县X局` (县司法行政部门 / 县司法局).
import type { Evidence } from './types.ts';
import type { Mention } from './mentions.ts';
import type { Place } from './place.ts';

export interface Candidate {
  names: string[];
  reason: string;
  evidence: Evidence[];
}

const DAY = 24 * 3600 * 1000;

export function findCandidates(mentions: Mention[], orgNames: string[], mentionsOf: (org: string) => Evidence[], genericUnits: { name: string; evidence: Evidence }[], place: Pick<Place, 'short' | 'whose'>): Candidate[] {
  const s = place.short;
  // Bodies of two places are never one body (县自然资源和规划局 / 兰陵县自然资源和规划局).
  const placeOf = (name: string) => {
    const whose = place.whose(name);
    return whose && !whose.own ? whose.place : '';
  };
  const POSITION = new RegExp(`(常务)?副?(局长|主任|部长|书记|${s}长|镇长|乡长|经理|总经理|大队长|站长|政委)$`);
  const out = new Map<string, Candidate>();
  const add = (a: string, b: string, reason: string, evidence: Evidence[]) => {
    const names = [a, b].sort();
    const key = names.join('|');
    if (!out.has(key)) out.set(key, { names, reason, evidence });
  };
  // Per person and position, the dates at each organization; only different organizations are
  // compared (a person has hundreds of mentions at 100 issues, but a handful of posts).
  const posts = new Map<string, Map<string, Mention[]>>(); // name|position → org → mentions by date
  for (const m of mentions) {
    if (!m.org || !m.title) continue;
    const position = POSITION.exec(m.title.split('、')[0])?.[0];
    if (!position) continue;
    const key = `${m.name}|${position}`;
    if (!posts.has(key)) posts.set(key, new Map());
    const byOrg = posts.get(key)!;
    if (!byOrg.has(m.org)) byOrg.set(m.org, []);
    byOrg.get(m.org)!.push(m);
  }
  for (const [key, byOrg] of posts) {
    const [name, position] = key.split('|');
    const orgs = [...byOrg.keys()].sort();
    for (const a of orgs) for (const b of orgs) {
      // A unit inside the other (县公安局 / 县公安局交警大队) is a sub-unit, not a second name.
      if (a >= b || a.startsWith(b) || b.startsWith(a) || placeOf(a) !== placeOf(b)) continue;
      const pair = closestWithin(byOrg.get(a)!, byOrg.get(b)!, 90 * DAY);
      if (pair) add(a, b, `${name} is ${position} of both within 90 days`, [{ notice: pair[0].notice, line: pair[0].line }, { notice: pair[1].notice, line: pair[1].line }]);
    }
  }
  for (const long of orgNames) for (const short of orgNames) {
    if (short.length >= long.length || short[0] !== long[0] || short.at(-1) !== long.at(-1) || short.length < 3 || placeOf(short) !== placeOf(long)) continue;
    // The longer name may add words (广播, 地方) but not another unit (县高新区财政金融局 is not 县财政局).
    const extra = [...long.slice(1, -1)].filter((c) => !short.includes(c)).join('');
    if (isSubsequence(short.slice(1, -1), long.slice(1, -1)) && short.slice(1, -1).length >= 2 && !/[局区县市部委]/.test(extra)) {
      add(short, long, `${short} reads as an abbreviation of ${long}`, [...mentionsOf(short).slice(0, 1), ...mentionsOf(long).slice(0, 1)]);
    }
  }
  for (const g of genericUnits) {
    const stem = new RegExp(`^${s}(.+?)行政部门$`).exec(g.name)?.[1];
    const unit = stem && orgNames.find((n) => n === `${s}${stem}局`);
    if (unit) add(g.name, unit, `${g.name} (a class of bodies) names the county's ${unit} in a task table`, [g.evidence, ...mentionsOf(unit).slice(0, 1)]);
  }
  return [...out.values()].sort((a, b) => a.names.join().localeCompare(b.names.join()));
}

/** The first pair (one from each list) whose dates are at most `span` apart, in date order. */
function closestWithin(as: Mention[], bs: Mention[], span: number): [Mention, Mention] | undefined {
  const byDate = (x: Mention, y: Mention) => x.date.localeCompare(y.date) || x.notice.localeCompare(y.notice) || x.line - y.line;
  const sa = [...as].sort(byDate);
  const sb = [...bs].sort(byDate);
  let j = 0;
  for (const a of sa) {
    const t = Date.parse(a.date);
    while (j < sb.length && Date.parse(sb[j].date) < t - span) j++;
    if (j < sb.length && Date.parse(sb[j].date) <= t + span) return [a, sb[j]];
  }
  return undefined;
}

function isSubsequence(short: string, long: string): boolean {
  let k = 0;
  for (const c of long) if (c === short[k]) k++;
  return k === short.length;
}
