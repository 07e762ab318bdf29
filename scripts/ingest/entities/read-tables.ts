// People in tables. A recovered table (27号 联络表) gives, per row, the 单位 and cells like
// `罗向军 副局长` under 主管领导 / 联络人. Raw blocks (task tables whose cells could not be
// put back into rows) are read only where a line is certainly a name: the whole line is a
// name in the 牵头领导 position, or `水务局 董明善` (a known unit and a name, 责任人).
import type { BuiltNotice } from '../built-notice.ts';
import { personNameOf } from '../recover-personnel.ts';
import type { SourceLine } from '../types.ts';
import { acceptName } from './mentions.ts';
import type { Mention } from './mentions.ts';
import type { OrgResolver } from './organizations.ts';

const PERSON_COLUMN = /主管领导|牵头领导|牵头.领导|联络人|联系人|负责人|责任人/;

export function readTables(built: BuiltNotice, orgs: OrgResolver): Mention[] {
  const base = { notice: built.notice.id, date: built.notice.date };
  const out: Mention[] = [];
  for (const block of built.sections.flatMap((s) => s.blocks)) {
    if (block.kind === 'table') {
      const header = block.header[0] ?? [];
      const unitCol = header.findIndex((h) => /单位/.test(h));
      const repeats = new Set(block.headerAt ?? []);
      block.rows.forEach((row, r) => {
        // A header printed again at a page break is not a row of people.
        if (repeats.has(r)) return;
        const org = unitCol >= 0 ? orgs.listItem(row[unitCol]) : undefined;
        // Rows are printed one line each after the header; the row's seed line is its first cell's.
        const line = block.rowLines?.[r][0] ?? lineOfCell(built.source, block.lines, row[unitCol >= 0 ? unitCol : 0], r);
        header.forEach((h, c) => {
          if (!PERSON_COLUMN.test(h)) return;
          const parts = (row[c] ?? '').trim().split(/\s+/);
          // Several people, one a line in the cell (`张朝华 尹俊兵`): each is a mention.
          if (parts.length > 1 && parts.every((p) => personNameOf(p) && acceptName(p))) {
            for (const p of parts) {
              const at = built.source.find((l) => l.line >= line && l.line <= (block.rowLines?.[r][1] ?? block.lines[1]) && l.text.replace(/\s+/g, '') === p)?.line ?? line;
              out.push({ ...base, name: p, line: at, source: 'table', role: h.replace(/\s+/g, ''), org });
            }
            return;
          }
          const [first, ...rest] = parts;
          const name = personNameOf(first) ?? (rest.length && personNameOf(`${first} ${rest[0]}`) ? `${first}${rest.shift()}` : null);
          // The name's own seed line: the first line from the row's on that prints it.
          const last = block.rowLines?.[r][1] ?? block.lines[1];
          const at = built.source.find((l) => l.line >= line && l.line <= last && l.text.replace(/\s+/g, '').includes(name ?? '\0'))?.line ?? line;
          if (name && acceptName(name)) out.push({ ...base, name, line: at, source: 'table', role: h.replace(/\s+/g, ''), title: rest.join(' ') || undefined, org });
        });
      });
    }
    if (block.kind === 'raw') out.push(...readRaw(block.source, base, orgs));
  }
  return out;
}

function lineOfCell(source: SourceLine[], range: [number, number], cell: string, row: number): number {
  const lines = source.filter((l) => l.line >= range[0] && l.line <= range[1]);
  return lines.find((l) => cell && l.text.includes(cell))?.line ?? lines[Math.min(row + 1, lines.length - 1)]?.line ?? range[0];
}

function readRaw(lines: SourceLine[], base: { notice: string; date: string }, orgs: OrgResolver): Mention[] {
  const out: Mention[] = [];
  const s = orgs.place.short;
  // The header names the leader column: 牵头领导 (19号) or 牵头 / 县领导 on two lines (21号).
  const head = lines.slice(0, 12).map((l) => l.text).join(' ');
  const split = new RegExp(`牵头\\s+${s}领导`);
  const leaderColumn = /牵头领导/.test(head) || split.test(head) ? (split.test(head) ? `牵头${s}领导` : '牵头领导') : undefined;
  const unitNext = new RegExp(`^${s}|^[\\u4e00-\\u9fff]{1,6}局`);
  lines.forEach((l, i) => {
    const text = l.text.trim();
    const pair = /^([\u4e00-\u9fff]{2,12}) ([\u4e00-\u9fff]{2,3})$/.exec(text);
    if (pair && orgs.resolve(pair[1]) && acceptName(pair[2])) {
      out.push({ ...base, name: pair[2], line: l.line, source: 'table', role: '责任人', org: orgs.resolve(pair[1]) });
      return;
    }
    if (!leaderColumn || !acceptName(text) || orgs.resolve(text)) return;
    // In the leader position: after the long 具体标准 / 治理措施 cell (or another leader), and
    // before the lead unit, printed as a whole name or as its first fragment (县农 / 业农 / 村局).
    const prev = lines[i - 1]?.text.trim() ?? '';
    const next = lines[i + 1]?.text.trim() ?? '';
    const afterCell = prev.length >= 8 || /[。；;，、]$/.test(prev) || (acceptName(prev) && prev.length <= 3);
    const beforeUnit = unitNext.test(next) || !!orgs.prefix(next) || acceptName(next);
    if (afterCell && beforeUnit) out.push({ ...base, name: text, line: l.line, source: 'table', role: leaderColumn });
  });
  return out;
}
