// The review report of one gazette issue: what the reader recognized in each notice (header
// fields, sections, lists, tables rebuilt or kept as source lines), every place it was unsure of,
// and the corrections it applied. Written to content/review/<issue>.md on every ingest, from an
// mdast tree (never by joining strings), so an archivist reads it — and its diff — after adding
// or correcting an issue.
import type { List, ListItem, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown } from 'mdast-util-to-markdown';
import { correctionLines, type Correction } from '../../schemas/corrections.ts';
import type { GazetteConfig } from '../../schemas/gazette-config.ts';
import type { Gazette } from '../../schemas/notice.ts';
import type { BuiltNotice } from './built-notice.ts';
import { parseDocNo } from './docno.ts';
import { isRoleLabel } from './names.ts';
import { noticePath } from '../../lib/urls.ts';

export interface IssueReview {
  file: string;
  gazette?: Gazette;
  notices: BuiltNotice[];
  corrections: Correction[];
  correctionsFile: string;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const paragraph = (value: string): RootContent => ({ type: 'paragraph', children: [text(value)] });
const heading = (depth: 1 | 2 | 3, value: string): RootContent => ({ type: 'heading', depth, children: [text(value)] });
const list = (items: string[]): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: items.map((value): ListItem => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [text(value)] }] })),
});
const range = (r: [number, number] | null) => (r ? (r[0] === r[1] ? `第 ${r[0]} 行` : `第 ${r[0]}–${r[1]} 行`) : '—');

/** Places the reader was unsure of in one notice, each naming its seed line. */
export function unsure(n: BuiltNotice, config: GazetteConfig): string[] {
  const { notice, reading } = n;
  const notes: string[] = [];
  const at = reading.titleLines[0];
  if (reading.foundBy === 'title') notes.push(`第 ${at} 行：没有文号或日期行，按发文机关和标题认定这是一件新文件的开头；如不是，在校正文件中说明`);
  if (reading.foundBy === 'correction') notes.push(`第 ${notice.source.lines[0]} 行：按校正文件认定的文件开头`);
  if (!notice.docNo) notes.push(`第 ${at} 行：未印文号；页面地址由文种、日期和标题生成（${notice.id}）`);
  if (reading.dateFrom === 'signature') notes.push(`成文日期取自文末署名下的日期（${notice.date}），标题下未印日期`);
  if (reading.dateFrom === 'end') notes.push(`成文日期取自正文之后单独一行的日期（${notice.date}），标题下和署名下都未印日期`);
  if (reading.issuerLines && reading.issuerLines[1] > reading.issuerLines[0]) notes.push(`${range(reading.issuerLines)}：多行发文机关，按联合发文读作 ${notice.issuers.join('、')}`);
  const known = new Set(config.issuers.map((i) => i.name));
  for (const issuer of notice.issuers) if (!known.has(issuer)) notes.push(`${range(reading.issuerLines ?? reading.titleLines)}：发文机关“${issuer}”不在 gazette.yaml 的 issuers 中（新的发文机关，或识别有误）`);
  const prefix = notice.docNo ? parseDocNo(notice.docNo)?.prefix : undefined;
  const declared = new Set(config.issuers.flatMap((i) => i.docPrefixes));
  if (prefix && !declared.has(prefix)) notes.push(`${range(reading.headerLines)}：机关代字“${prefix}”不在 gazette.yaml 中`);
  for (const s of n.sections) {
    // Not printed above its content: the page shows a heading from the 附件 list, marked as the site's.
    if (s.listedTitle) notes.push(`${range(s.blocks[0]?.lines ?? null)}：附件上方未印标题，页面据附件列表补出“${s.listedTitle}”（标注为本站所加）`);
    for (const b of s.blocks) {
      if (b.kind === 'raw') notes.push(`${range(b.lines)}：表格按原文照录（${b.reason}）`);
      // A paragraph that opens with a role label (`副组长：李四王五 副县长`) is a list line the
      // reader could not read: names glued together or to a title, a surname it does not know.
      const label = b.kind === 'paragraph' ? /^([\u3400-\u9fff]{2,8})[：:]/.exec(b.text)?.[1] : undefined;
      if (label && isRoleLabel(label)) notes.push(`${range(b.lines)}：以“${label}：”开头，却未读作名单（名字连排或与职务连排？可用 names 校正）`);
    }
  }
  return notes;
}

function structure(n: BuiltNotice): string {
  const parts = n.sections.map((s) => (s.kind === 'cover' ? '正文' : s.kind === 'document' ? `印发的文件《${s.title ?? ''}》` : (s.title ?? s.listedTitle ?? '附件')));
  return parts.join(' ＋ ');
}

function lists(n: BuiltNotice): string {
  const found = n.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'personnel');
  if (found.length === 0) return '无';
  return found
    .map((b) => {
      const roles = new Map<string, number>();
      for (const m of b.members) roles.set(m.role, (roles.get(m.role) ?? 0) + 1);
      return `${range(b.lines)}：${b.members.length} 人（${[...roles].map(([r, k]) => `${r} ${k}`).join('、')}）`;
    })
    .join('；');
}

function tables(n: BuiltNotice): string {
  const blocks = n.sections.flatMap((s) => s.blocks);
  const rebuilt = blocks.filter((b) => b.kind === 'table').map((b) => `还原 ${range(b.lines)}（${b.rows.length - (b.headerAt?.length ?? 0)} 行${b.evidence ? `；依据：${b.evidence}` : ''}）`);
  const raw = blocks.filter((b) => b.kind === 'raw').map((b) => `照录 ${range(b.lines)}`);
  return [...rebuilt, ...raw].join('；') || '无';
}

function row(cells: string[]): TableRow {
  return { type: 'tableRow', children: cells.map((c) => ({ type: 'tableCell', children: [text(c)] })) };
}

function noticeTable(n: BuiltNotice): Table {
  const { notice, reading } = n;
  const rows: [string, string][] = [
    ['行', range(notice.source.lines)],
    ['页面', `/${noticePath(notice.id)}`],
    ['发文机关', `${notice.issuers.join('、')}（${range(reading.issuerLines ?? reading.titleLines)}）`],
    ['标题', `${notice.title}（${range(reading.titleLines)}）`],
    ['文号', notice.docNo ? `${notice.docNo}（${range(reading.headerLines)}）` : '未印'],
    ['成文日期', `${notice.date}（${{ header: '标题下', signature: '文末署名下', end: '正文之后' }[reading.dateFrom]}）`],
    ['文种', notice.type],
    ['主送机关', notice.recipients.join('、') || '无'],
    ['附件', notice.attachments.join('；') || '无'],
    ['结构', structure(n)],
    ['名单', lists(n)],
    ['表格', tables(n)],
  ];
  return { type: 'table', align: [null, null], children: [row(['项目', '识别结果']), ...rows.map(row)] };
}

/** The report of one issue, as Markdown. */
export function reviewReport(review: IssueReview, config: GazetteConfig): string {
  const { file, gazette, notices, corrections, correctionsFile } = review;
  const notes = notices.flatMap((n) => unsure(n, config).map((note) => `${n.notice.docNo ?? n.notice.title}：${note}`));
  const tree: Root = {
    type: 'root',
    children: [
      heading(1, `审阅报告：${file}`),
      paragraph(`${gazette ? `公报期号 ${gazette.year} 年第 ${gazette.number} 号，` : ''}识别出 ${notices.length} 件文件，应用校正 ${corrections.length} 条。逐件核对下表；识别有误之处写入 ${correctionsFile}（见 README“Correcting an issue”），不要改动原文文件。`),
      heading(2, '需要核对的地方'),
      notes.length > 0 ? list(notes) : paragraph('无。'),
      heading(2, `已应用的校正（${correctionsFile}）`),
      corrections.length > 0 ? list(corrections.map((c) => `${range(correctionLines(c))} ${c.kind}：${c.why}`)) : paragraph('无。'),
      heading(2, '各件文件'),
      ...notices.flatMap((n, k): RootContent[] => [heading(3, `${k + 1}. ${n.notice.docNo ?? '（未印文号）'} ${n.notice.title}`), noticeTable(n)]),
    ],
  };
  const banner = `<!-- GENERATED by scripts/ingest.ts from ${file}. Do not edit: corrections go in ${correctionsFile}. -->\n\n`;
  return banner + toMarkdown(tree, { extensions: [gfmTableToMarkdown()], bullet: '-' });
}
