// The URL scheme of notices, in one place: /notices/<year>/<slug>/ with id `<year>-<slug>`.
// A notice with a 文号 is named by it: 威政办字〔2022〕25号 → 2022-weizhengban-25 (the pinyin of
// its 机关代字 without a final 字, ü written v: 威旅字 → weilv). A notice without a 文号 is named
// by its 文种, date and a tag of its issuers, title and serial number (公告/通告 number theirs:
// （第 34 号）): 2022-tonggao-0408-123456. Never by its
// position in a file, so a URL stays when an issue is reprinted or reordered.
//
// Two 机关代字 can sound the same (威政字 and 威政; 冀 and 济). Ids are made unique across the
// whole corpus: the 机关代字 the gazette's config declares keep the plain pinyin, every other one
// in a group that sounds alike gets a 6-digit tag from its own characters. What still collides
// is a problem naming both places, never an overwrite.
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import type { GazetteConfig } from '../../schemas/gazette-config.ts';
import { prefixPinyin, prefixTag } from './docno.ts';
import type { NoticeHeader } from './parse-header.ts';
import type { Problem } from './types.ts';

/** The id a notice gets when no other 机关代字 of the corpus sounds like its own. */
export function plainNoticeId(header: Pick<NoticeHeader, 'docParts' | 'date' | 'type' | 'issuers' | 'title' | 'printed'>): string {
  if (header.docParts) {
    const { prefix, year, serial } = header.docParts;
    return `${year}-${prefixSlug(prefix)}-${serial}`;
  }
  const [year, month, day] = header.date.split('-');
  const type = pinyin(header.type, { toneType: 'none', type: 'array', v: true }).join('').replace(/[^a-z]/g, '');
  const tag = String(createHash('sha1').update(`${header.issuers.join('、')}\n${header.title}${header.printed.serial ? `\n${header.printed.serial}` : ''}`).digest().readUInt32BE(0) % 1_000_000).padStart(6, '0');
  return `${year}-${type}-${month}${day}-${tag}`;
}

/** 威政办字 → weizhengban. */
export function prefixSlug(prefix: string): string {
  return prefixPinyin(prefix.replace(/字$/, ''));
}

interface Named {
  id: string;
  prefix?: string;
  serial?: number;
  year?: number;
  /** Where the notice is, for a problem: file and line. */
  file: string;
  line: number;
}

/**
 * Final ids for a corpus: sound-alike 机关代字 told apart, then every id checked to be used once.
 * Returns the id of each notice, in order, and a problem for each id still taken twice.
 */
export function assignNoticeIds(notices: Named[], config: GazetteConfig): { ids: string[]; problems: Problem[] } {
  const declared = new Set(config.issuers.flatMap((i) => i.docPrefixes));
  const bySlug = new Map<string, Set<string>>();
  for (const n of notices) {
    if (!n.prefix) continue;
    const slug = prefixSlug(n.prefix);
    if (!bySlug.has(slug)) bySlug.set(slug, new Set());
    bySlug.get(slug)!.add(n.prefix);
  }
  const ids = notices.map((n) => {
    if (!n.prefix) return n.id;
    const slug = prefixSlug(n.prefix);
    const alike = bySlug.get(slug)!;
    if (alike.size === 1 || declared.has(n.prefix)) return n.id;
    return `${n.year}-${slug}${prefixTag(n.prefix)}-${n.serial}`;
  });
  const problems: Problem[] = [];
  const first = new Map<string, Named>();
  notices.forEach((n, k) => {
    const seen = first.get(ids[k]);
    if (!seen) {
      first.set(ids[k], n);
      return;
    }
    problems.push({
      file: n.file,
      line: n.line,
      message: `expected every notice to have its own page, but this one would get the id ${ids[k]} of the notice at ${seen.file}:${seen.line} — if both are one notice printed twice, remove one copy from a seed; otherwise they need different 文号, titles or dates`,
    });
  });
  return { ids, problems };
}
