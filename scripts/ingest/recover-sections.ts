// Step 5a: cut a notice body into its covering text, the document it issues (…印发X的通知 → X)
// and its 附件. Each section is a line range plus the title lines it starts with; the blocks
// inside are recovered afterwards, section by section, so no structure spans two sections.
import { compact } from './split-issue.ts';
import type { SectionKind, SourceLine } from './types.ts';

export interface SectionSpan {
  kind: SectionKind;
  id: string;
  /** Title as printed, from its title lines (marker and title for a 附件). */
  title?: string;
  /**
   * A 附件 printed without its title above it (the PDF's reading order put 附件：+ title below a
   * table, or the list names it and its content follows at once): its label and title from the
   * 附件 list, `附件：标题` or `附件 2：标题`, for a heading the site marks as its own (not printed there).
   */
  listedTitle?: string;
  /** Lines that carry the title, then the body lines: [titleStart, bodyStart) and [bodyStart, end). */
  titleStart: number;
  bodyStart: number;
  end: number;
}

/** A 附件 marker on its own line: `附件 1:`, `附件：`. */
const ATTACHMENT_MARKER = /^附件\s*(\d*)\s*[：:]$/;
/** The 附件 list at the end of a text: `附件：1.威县…` or `附件：威县…`. */
const ATTACHMENT_LIST = /^附件\s*[：:]\s*\S/;

export interface Sections {
  sections: SectionSpan[];
  /** 附件 titles, from the 附件 list (or the attachment headings when there is no list). */
  attachments: string[];
  /** Where the 附件 list is, so it can be rendered as a list: [start, end). */
  attachmentList?: [number, number];
}

export function recoverSections(lines: SourceLine[], start: number, end: number, noticeTitle: string): Sections {
  const markers: number[] = [];
  for (let i = start; i < end; i++) if (ATTACHMENT_MARKER.test(compact(lines[i].text))) markers.push(i);
  const listStart = findAttachmentList(lines, start, markers[0] ?? end);
  const listEnd = listStart === undefined ? undefined : attachmentListEnd(lines, listStart, markers[0] ?? end);
  const attachments = listStart === undefined ? [] : parseAttachmentList(lines.slice(listStart, listEnd).map((l) => compact(l.text)).join(''));

  // Where the attachments begin: the first marker, or (no marker before the content) right after the list.
  const firstAttachment = listEnd !== undefined && listEnd < (markers[0] ?? end) ? listEnd : markers[0] ?? end;
  const sections: SectionSpan[] = [];
  // The document a notice issues, forwards or publishes (印发/转发/批转/发布/公布 X 的通知, 关于公布
  // 《X》的决定): printed after the covering text under its own title.
  const issued = /(?:印发|转发|批转|发布|公布)(.+)的(?:通知|决定|命令)$/.exec(noticeTitle)?.[1]?.replace(/^《(.+)》$/, '$1');
  const doc = issued ? findTitle(lines, start + 1, listStart ?? firstAttachment, issued) : undefined;
  sections.push({ kind: 'cover', id: 'cover', titleStart: start, bodyStart: start, end: doc?.start ?? listStart ?? firstAttachment });
  if (doc) {
    sections.push({ kind: 'document', id: 'document', title: doc.title, titleStart: doc.start, bodyStart: doc.end, end: listStart ?? firstAttachment });
  }
  if (listStart !== undefined) {
    // The 附件 list belongs to the text above it; it is rendered inside that section.
    sections[sections.length - 1].end = listEnd!;
  }
  const attachmentStarts = firstAttachment < (markers[0] ?? end) ? [firstAttachment, ...markers] : markers;
  attachmentStarts.forEach((at, k) => {
    const sectionEnd = attachmentStarts[k + 1] ?? end;
    const isMarker = markers.includes(at);
    const expected = attachments[k];
    const titled = isMarker ? (expected && findTitle(lines, at + 1, sectionEnd, expected, true)) || looseTitle(lines, at + 1, sectionEnd) : undefined;
    const titleEnd = titled?.end ?? (isMarker ? at + 1 : at);
    const printed = lines.slice(at, titleEnd).map((l) => l.text.trim());
    const previous = sections[sections.length - 1];
    // A bare `附件：` + title printed after its own content (the PDF's reading order put the
    // label below a table) is not a new attachment: keep its lines in the section above.
    if (attachments.length > 0 && k >= attachments.length && sectionEnd - at <= 3 && previous.kind === 'attachment') {
      previous.end = sectionEnd;
      return;
    }
    const title = printed.length > 0 ? `${printed[0]} ${printed.slice(1).join('')}`.trim() : undefined;
    sections.push({
      kind: 'attachment',
      id: `attachment-${k + 1}`,
      title,
      ...(title === undefined && expected ? { listedTitle: `附件${attachments.length > 1 ? ` ${k + 1}` : ''}：${expected}` } : {}),
      titleStart: at,
      bodyStart: titleEnd,
      end: sectionEnd,
    });
  });
  return {
    sections,
    attachments: attachments.length > 0 ? attachments : sections.filter((s) => s.kind === 'attachment' && s.title).map((s) => compact(s.title!).replace(/^附件\d*[：:]/, '')),
    attachmentList: listStart === undefined ? undefined : [listStart, listEnd!],
  };
}

function findAttachmentList(lines: SourceLine[], start: number, end: number): number | undefined {
  for (let i = end - 1; i >= start; i--) if (ATTACHMENT_LIST.test(compact(lines[i].text))) return i;
  return undefined;
}

/** The list runs while its lines continue a title or start the next `N.` entry. */
function attachmentListEnd(lines: SourceLine[], from: number, end: number): number {
  let i = from + 1;
  while (i < end) {
    const text = compact(lines[i].text);
    if (/[。；：:，]/.test(text) || text.length > 24) break;
    const previous = compact(lines[i - 1].text);
    // A continuation follows a line cut short of its title; a new entry starts with `N.`.
    if (!/^\d+[.．、]/.test(text) && /^\d+[.．、]/.test(text) === false && previous.length < 10) break;
    i++;
    if (!/^\d+[.．、]/.test(compact(lines[i]?.text ?? '')) && lines.slice(from, i).map((l) => compact(l.text)).join('').match(/^附件[：:][^\d]/) && i - from >= 2) break;
  }
  return i;
}

/**
 * `附件：1.A2.B` → [A, B]. Entries are found by counting (1., then 2., …), not by splitting on
 * every `N.`, because titles hold numbers too: `2.2022年威县…`.
 */
export function parseAttachmentList(text: string): string[] {
  const body = text.replace(/^附件\s*[：:]/, '');
  if (!/^1[.．、]/.test(body)) return [body];
  const entries: string[] = [];
  let rest = body.replace(/^1[.．、]/, '');
  for (let n = 2; ; n++) {
    const next = new RegExp(`(?<!\\d)${n}[.．、]`).exec(rest);
    if (!next || next.index === 0) break;
    entries.push(rest.slice(0, next.index));
    rest = rest.slice(next.index + next[0].length);
  }
  entries.push(rest);
  return entries;
}

/**
 * A 附件 title that differs from the 附件 list (the list may add a year): one short line with
 * no sentence punctuation that names a kind of attachment.
 */
function looseTitle(lines: SourceLine[], at: number, end: number): { start: number; end: number } | undefined {
  const text = at < end ? compact(lines[at].text) : '';
  return text.length <= 40 && !/[。，；：:]/.test(text) && /(?:表|名单|规定|职责|目标|方案|办法|细则|标准|清单)$/.test(text)
    ? { start: at, end: at + 1 }
    : undefined;
}

/** Lines from `from` whose text, joined, is `title` (a title may wrap over several lines). */
function findTitle(lines: SourceLine[], from: number, end: number, title: string, atStart = false): { start: number; end: number; title: string } | undefined {
  const want = compact(title);
  for (let i = from; i < end; i++) {
    let joined = '';
    for (let j = i; j < end && j < i + 4; j++) {
      joined += compact(lines[j].text);
      if (joined === want) return { start: i, end: j + 1, title: lines.slice(i, j + 1).map((l) => l.text.trim()).join('') };
      if (!want.startsWith(joined)) break;
    }
    if (atStart) break;
  }
  return undefined;
}
