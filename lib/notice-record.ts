// Shape of one record in /api/notices.json. Keys are written out explicitly, in a fixed
// order, so the file is stable across builds and independent of frontmatter key order.
import type { Notice } from '../schemas/notice.ts';
import { noticeUrl } from './urls.ts';

export interface NoticeRecord {
  id: string;
  /** Absent when the notice prints no 文号. */
  docNo?: string;
  /** A 公告/通告's serial as printed, `（第34号）`; absent when none is printed. */
  serial?: string;
  title: string;
  issuer: string;
  issuers: string[];
  date: string;
  type: string;
  gazette: { year: number; number: number };
  order: number;
  url: string;
  recipients: string[];
  attachments: string[];
  /** Seed file and lines; `page`, the printed gazette page the notice starts on, when known. */
  source: { file: string; lines: [number, number]; page?: number };
  personnel: { role: string; name: string; title: string }[];
}

export function toRecord(notice: Notice, base = '/'): NoticeRecord {
  return {
    id: notice.id,
    docNo: notice.docNo,
    serial: notice.printed.serial,
    title: notice.title,
    issuer: notice.issuer,
    issuers: [...notice.issuers],
    date: notice.date,
    type: notice.type,
    gazette: { year: notice.gazette.year, number: notice.gazette.number },
    order: notice.order,
    url: noticeUrl(notice.id, base),
    recipients: [...notice.recipients],
    attachments: [...notice.attachments],
    source: { file: notice.source.file, lines: [notice.source.lines[0], notice.source.lines[1]], ...(notice.source.page ? { page: notice.source.page } : {}) },
    personnel: notice.personnel.map((p) => ({ role: p.role, name: p.name, title: p.title })),
  };
}
