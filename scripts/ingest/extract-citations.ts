// Citations: the 文号 and 《…》 titles each notice cites, resolved across the corpus.
//
// - A 文号 (in any printed variant) is a `docNo` citation with the normalized 文号 as label.
// - `《title》（文号）` is one citation, of the 文号; the pair teaches the corpus that the title
//   names that 文号, so a bare `《title》` elsewhere resolves to the same citation.
// - A title (or 文号) of a notice in the corpus resolves to that notice: the citation is the
//   notice's 文号 with `notice` set, and its `citedBy` is the notice's 被引用 list.
// - Anything else is a citation of its own (one page per citation), with every citing notice
//   and seed line in `citedBy`.
// - A notice never cites itself: its own 文号, its own title and the document it issues
//   (`《X》已经县政府同意，现印发给你们`) are skipped.
// - `（以下简称《条例》）` makes 《条例》 stand for the citation before it, in that notice only.
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import { CitationSchema } from '../../schemas/entities.ts';
import type { Citation } from '../../schemas/entities.ts';
import type { BuiltNotice } from './built-notice.ts';
import { blockText } from './built-notice.ts';
import { docNoSlug, findDocNos } from './docno.ts';
import type { SourceLine } from './types.ts';

export interface ExtractedCitations {
  /** Sorted by id; validated by CitationSchema. */
  citations: Citation[];
  /** Notice id → the ids of the citations it makes, in order of first appearance. */
  references: Map<string, string[]>;
  /** Citation id → every 《title》 text it was cited under (without 《》, whitespace removed),
   *  sorted; includes the titles printed next to a 文号. Aliases (《条例》) are not included:
   *  they only mean the citation inside the notice that defines them. */
  titles: Map<string, string[]>;
}

/** One citation as printed in a notice, before it is resolved across the corpus. */
interface Mention {
  line: number;
  /** Normalized 文号, when printed (alone or after a title). */
  docNo?: string;
  /** Title as printed, whitespace removed, without 《》. */
  title?: string;
  /** The title with the parenthesis printed right after it: 《…办法》（试行）. */
  extended?: string;
  /** Index (in the notice's mention list) of the mention a `以下简称《X》` alias stands for. */
  aliasOf?: number;
}

/** Longest title read between 《 and 》 before the 《 is taken as stray. */
const MAX_TITLE = 200;

/** Matching key of a title: no spaces, quote marks or book-title marks, one form of brackets and dashes. */
export function titleKey(title: string): string {
  return title
    .replace(/\s+/g, '')
    .replace(/[《》〈〉“”‘’"'「」『』]/g, '')
    .replace(/[(（]/g, '（')
    .replace(/[)）]/g, '）')
    .replace(/[-－—–‐―~～]+/g, '-')
    .replace(/[0-9０-９]/g, (c) => (c >= '０' ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c));
}

function compactTitle(text: string): string {
  // Spaces in a printed title are PDF padding, except between two ASCII words.
  return text.trim().replace(/\s+/g, (space, offset: number, whole: string) =>
    /[!-~]/.test(whole[offset - 1] ?? '') && /[!-~]/.test(whole[offset + space.length] ?? '') ? ' ' : '',
  );
}

/** The non-whitespace characters of some source lines, each with its seed line. */
class Ink {
  text = '';
  lines: number[] = [];
  constructor(source: SourceLine[]) {
    for (const l of source) {
      const ink = l.text.replace(/\s+/g, '');
      this.text += ink;
      for (let k = 0; k < ink.length; k++) this.lines.push(l.line);
    }
  }
  /** Seed line of the occurrence of `needle` (no whitespace) nearest to ink offset `near`. */
  lineOf(needle: string, near: number): number | undefined {
    let best = -1;
    for (let at = this.text.indexOf(needle); at >= 0; at = this.text.indexOf(needle, at + 1)) {
      if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) best = at;
    }
    return best < 0 ? undefined : this.lines[best];
  }
}

const inkOf = (text: string): string => text.replace(/\s+/g, '');

interface Span {
  index: number;
  end: number;
}

/** 《…》 spans at nesting depth 0; inner 《》 and 〈〉 are part of the title. */
function titleSpans(text: string): (Span & { inner: string })[] {
  const spans: (Span & { inner: string })[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '《') continue;
    let depth = 0;
    let end = -1;
    for (let k = i; k < text.length && k - i <= MAX_TITLE; k++) {
      if (text[k] === '《') depth++;
      else if (text[k] === '》' && --depth === 0) {
        end = k + 1;
        break;
      }
    }
    if (end < 0) continue; // stray 《: not a title
    const inner = compactTitle(text.slice(i + 1, end - 1));
    if (inner !== '') spans.push({ index: i, end, inner });
    i = end - 1;
  }
  return spans;
}

/** Mentions in one text, in order. `locate` gives the seed line of a span of the text. */
function scanText(text: string, locate: (index: number, printed: string) => number, mentions: Mention[], aliases: Map<string, number>): void {
  const titles = titleSpans(text);
  const docNos = findDocNos(text).map((d) => ({ ...d, end: d.index + d.length, used: false }));
  const inside = (s: Span) => titles.some((t) => s.index > t.index && s.index < t.end);
  const skip = new Set<number>();
  const found: { index: number; mention: Mention; aliasKey?: string; aliasTarget?: number }[] = [];
  titles.forEach((t, k) => {
    if (skip.has(k)) return;
    const mention: Mention = { line: locate(t.index, text.slice(t.index, t.end)), title: t.inner };
    const after = text.slice(t.end);
    const paren = /^\s*[（(]/.exec(after);
    if (paren) {
      const at = t.end + paren[0].length;
      const d = docNos.find((x) => !x.used && x.index >= at && text.slice(at, x.index).trim() === '');
      const alias = /^\s*以下简称\s*/.exec(text.slice(at));
      if (d) {
        d.used = true;
        mention.docNo = d.docNo;
      } else if (alias && titles[k + 1]?.index === at + alias[0].length) {
        // （以下简称《条例》）: the next title is an alias of this one, not a citation.
        skip.add(k + 1);
        found.push({ index: t.index, mention, aliasKey: titleKey(titles[k + 1].inner) });
        return;
      } else {
        const close = /^[^（()）《》]{1,20}[)）]/.exec(text.slice(at));
        if (close) mention.extended = `${t.inner}（${compactTitle(close[0].slice(0, -1))}）`;
      }
    }
    found.push({ index: t.index, mention });
  });
  for (const d of docNos) {
    if (d.used || inside(d)) continue;
    found.push({ index: d.index, mention: { line: locate(d.index, text.slice(d.index, d.end)), docNo: d.docNo } });
  }
  found.sort((a, b) => a.index - b.index);
  for (const f of found) {
    mentions.push(f.mention);
    if (f.aliasKey) aliases.set(f.aliasKey, mentions.length - 1);
  }
  // Aliases defined so far in this notice apply to later bare titles.
  for (let k = mentions.length - found.length; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.title && !m.docNo) {
      const target = aliases.get(titleKey(m.title));
      if (target !== undefined && target !== k) m.aliasOf = target;
    }
  }
}

/** Every mention in a notice, in reading order: title, then each section's title and blocks. */
function noticeMentions(built: BuiltNotice): Mention[] {
  const mentions: Mention[] = [];
  // Aliases defined so far in this notice: key of 《条例》 → index of the mention it stands for.
  const aliases = new Map<string, number>();
  // The ink of the notice and of a block's lines is made only when a mention is to be located:
  // most blocks cite nothing.
  let whole: Ink | undefined;
  const first = built.notice.source.lines[0];
  const scanWhole = (text: string) =>
    scanText(text, (index, printed) => (whole ??= new Ink(built.source)).lineOf(inkOf(printed), 0) ?? first, mentions, aliases);
  scanWhole(built.notice.title);
  for (const section of built.sections) {
    if (section.title) scanWhole(section.title);
    for (const block of section.blocks) {
      const [from, to] = block.lines;
      let ink: Ink | undefined;
      const text = blockText(block);
      scanText(text, (index, printed) => (ink ??= new Ink(built.source.filter((l) => l.line >= from && l.line <= to))).lineOf(inkOf(printed), inkOf(text.slice(0, index)).length) ?? from, mentions, aliases);
    }
  }
  return mentions;
}

/** `title-<pinyin initials>-<hash>`: stable for the same title key. */
function titleId(key: string, hashLength: number): string {
  const initials = pinyin(key.replace(/[^\u3400-\u9fff]/g, ''), { pattern: 'first', toneType: 'none', type: 'array', v: true })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .slice(0, 12);
  const hash = createHash('sha1').update(key).digest('hex').slice(0, hashLength);
  return initials ? `title-${initials}-${hash}` : `title-${hash}`;
}

/** Add `value` under `key`, remembering keys that are claimed by two different values. */
function claim(map: Map<string, string | null>, key: string, value: string): void {
  if (key === '') return;
  const had = map.get(key);
  if (had === undefined) map.set(key, value);
  else if (had !== value) map.set(key, null);
}

export function extractCitations(notices: BuiltNotice[]): ExtractedCitations {
  const mentions = notices.map(noticeMentions);

  // What the corpus knows: 文号 of its notices, and the titles that name a 文号.
  const byDocNo = new Map<string, string>();
  const titleToDocNo = new Map<string, string | null>();
  const ownKeys = new Map<string, Set<string>>();
  for (const { notice, sections } of notices) {
    if (notice.docNo) byDocNo.set(notice.docNo, notice.id);
    const keys = [notice.title, `${notice.issuer}${notice.title}`, ...sections.filter((s) => s.kind === 'document' && s.title).map((s) => s.title!)];
    const issued = /^(?:关于)?印发(.+)的通知$/.exec(notice.title)?.[1];
    if (issued) keys.push(issued);
    ownKeys.set(notice.id, new Set(keys.map(titleKey)));
    if (notice.docNo) for (const k of keys) claim(titleToDocNo, titleKey(k), notice.docNo);
  }
  for (const list of mentions) for (const m of list) if (m.title && m.docNo) claim(titleToDocNo, titleKey(m.title), m.docNo);

  const resolveTitle = (m: Mention): { docNo: string } | { key: string } => {
    for (const t of [m.title!, m.extended]) {
      const docNo = t === undefined ? undefined : titleToDocNo.get(titleKey(t));
      if (docNo) return { docNo };
    }
    return { key: titleKey(m.title!) };
  };

  // Resolve every mention to a 文号 or a title key; drop self-citations.
  interface Resolved {
    notice: number;
    line: number;
    docNo?: string;
    key?: string;
    title?: string;
    /** The title was printed here (not through an alias such as 《条例》). */
    printed: boolean;
  }
  const resolved: Resolved[] = [];
  notices.forEach(({ notice }, n) => {
    const own = ownKeys.get(notice.id)!;
    const list = mentions[n];
    const targetOf = (m: Mention): Mention => (m.aliasOf === undefined ? m : targetOf(list[m.aliasOf]));
    for (const m of list) {
      const target = targetOf(m);
      const isOwnTitle = (t?: string) => t !== undefined && own.has(titleKey(t));
      if (target.docNo === notice.docNo) continue;
      if (!target.docNo && (isOwnTitle(target.title) || isOwnTitle(target.extended))) continue;
      const r = target.docNo ? { docNo: target.docNo } : resolveTitle(target);
      if ('docNo' in r && r.docNo === notice.docNo) continue;
      resolved.push({ notice: n, line: m.line, ...r, title: target.title, printed: m === target });
    }
  });

  // Ids: 文号 slugs see every 机关代字 in the corpus, so two prefixes with one pinyin never collide.
  const allDocNos = [...new Set([...byDocNo.keys(), ...resolved.flatMap((r) => (r.docNo ? [r.docNo] : []))])].sort();
  const keys = [...new Set(resolved.flatMap((r) => (r.key ? [r.key] : [])))].sort();
  const idOfKey = new Map<string, string>();
  for (let length = 8; idOfKey.size < keys.length; length += 4) {
    idOfKey.clear();
    for (const k of keys) idOfKey.set(k, titleId(k, length));
    if (new Set(idOfKey.values()).size < keys.length) idOfKey.clear();
    if (length > 40) throw new Error('title ids collide');
  }
  const idOf = (r: Resolved) => (r.docNo ? `doc-${docNoSlug(r.docNo, allDocNos)}` : idOfKey.get(r.key!)!);

  const records = new Map<string, { citation: Citation; titles: Set<string>; seen: Set<string> }>();
  const references = new Map<string, string[]>(notices.map(({ notice }) => [notice.id, []]));
  for (const r of resolved) {
    const id = idOf(r);
    let rec = records.get(id);
    if (!rec) {
      const notice = r.docNo ? byDocNo.get(r.docNo) : undefined;
      rec = {
        citation: { id, kind: r.docNo ? 'docNo' : 'title', label: r.docNo ?? r.title!, ...(notice ? { notice } : {}), citedBy: [] },
        titles: new Set(),
        seen: new Set(),
      };
      records.set(id, rec);
    }
    if (r.title && r.printed) rec.titles.add(r.title);
    const citing = notices[r.notice].notice.id;
    const evidence = `${citing}:${r.line}`;
    if (!rec.seen.has(evidence)) {
      rec.seen.add(evidence);
      rec.citation.citedBy.push({ notice: citing, line: r.line });
    }
    const refs = references.get(citing)!;
    if (!refs.includes(id)) refs.push(id);
  }

  const order = new Map(notices.map(({ notice }, k) => [notice.id, k]));
  const citations = [...records.values()]
    .map(({ citation }) => {
      citation.citedBy.sort((a, b) => order.get(a.notice)! - order.get(b.notice)! || a.line - b.line);
      return CitationSchema.parse(citation);
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const titles = new Map([...records].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, rec]) => [id, [...rec.titles].sort()]));
  return { citations, references, titles };
}

export interface CitationForm {
  /** Text to link, exactly as it is printed after whitespace removal: `《河北省行政执法监督条例》`, `冀政办字〔2021〕84号`. */
  form: string;
  citation: string;
}

/**
 * Surface forms to link in the text, longest first (so 《…》（文号） links as the title, and a
 * short title inside a longer one does not win): each citation's 《title》 forms and its
 * normalized 文号. Printed 文号 variants (`威政办字 〔2022〕 25 号`) are not listed: find them at
 * link time with `findDocNos`, whose `docNo` is the normalized form to look up here.
 */
export function citationForms(citations: Citation[], titles: Map<string, string[]> = new Map()): CitationForm[] {
  const forms = new Map<string, string>();
  for (const c of citations) {
    const names = new Set(titles.get(c.id) ?? []);
    if (c.kind === 'title') names.add(c.label);
    else forms.set(c.label, c.id);
    for (const t of names) forms.set(`《${t}》`, c.id);
  }
  return [...forms]
    .map(([form, citation]) => ({ form, citation }))
    .sort((a, b) => b.form.length - a.form.length || (a.form < b.form ? -1 : a.form > b.form ? 1 : 0));
}
