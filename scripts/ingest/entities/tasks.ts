// Tasks organizations lead (牵头) or share (责任): `（牵头单位：县水务局；责任单位：县发改局、…）`,
// `牵头部门：县市场监管局`, `由县市场监管局牵头，县卫生健康局、县公安局等部门组成`,
// `县住房和城乡建设局牵头统筹…`. The task is the nearest heading (or the paragraph's own
// numbered opening), shortened; in a task table, the row's task cell (a merged one carried
// down) for the units in its 牵头 / 责任 columns; in a raw one, the numbered cell above the unit.
import type { Task } from '../../../schemas/entities.ts';
import type { BuiltNotice } from '../built-notice.ts';
import { lineOf } from './read-notice.ts';
import type { OrgResolver } from './organizations.ts';

const LIST = /(牵头单位|牵头部门|责任单位|责任部门)\s*[：:]\s*([^；;）)]+)/g;
const LED_BY = /由([^，。；、由]{2,24}?)牵头/g;
const MARKER = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])\s*/;

export interface OrgTask extends Task {
  org: string;
}

/** `（七）提高基础设施…水平巩固…` → its first clause without the marker, at most 30 characters. */
export function shortTask(text: string): string {
  const clause = text.replace(MARKER, '').split(/[，。；：:,（(]/)[0].trim();
  return clause.length > 30 ? `${clause.slice(0, 30)}…` : clause;
}

export function readTasks(built: BuiltNotice, orgs: OrgResolver): OrgTask[] {
  const notice = built.notice.id;
  const out: OrgTask[] = [];
  const add = (org: string | undefined, task: string, line: number, lead: boolean) => {
    if (org && task) out.push({ org, notice, line, task, lead });
  };
  for (const section of built.sections) {
    let heading = section.title ? shortTask(section.title.replace(/^附件\s*\d*\s*[：:]\s*/, '')) : '';
    for (const block of section.blocks) {
      if (block.kind === 'heading') heading = shortTask(block.text);
      if (block.kind === 'paragraph' || block.kind === 'heading') {
        const text = block.text;
        const task = MARKER.test(text) && block.kind === 'paragraph' ? shortTask(text) : heading;
        for (const m of text.matchAll(LIST)) {
          const lead = m[1].startsWith('牵头');
          const items = m[2].replace(/各乡、镇/g, '各乡镇').split(/[、，,]/);
          for (const item of items) add(orgs.listItem(item), task, lineOf(built.source, block.lines, item.trim().slice(0, 6)), lead);
        }
        for (const m of text.matchAll(LED_BY)) add(orgs.prefix(m[1])?.[0], task, lineOf(built.source, block.lines, m[1]), true);
        // `1.县住房和城乡建设局牵头统筹…`: a numbered duty that starts with the unit.
        const own = /^\d+[.．、]\s*(.+?)牵头/.exec(text);
        if (own && orgs.prefix(own[1])?.[1] === own[1].length) add(orgs.prefix(own[1])![0], shortTask(text.slice(text.indexOf('牵头') + 2)), block.lines[0], true);
      }
      if (block.kind === 'table') out.push(...tableTasks(block, built, orgs));
      if (block.kind === 'raw') {
        // A line that is exactly a unit name (`县司法局`) in a task table: the unit shares the
        // task whose numbered cell (`18.推广应用行政执` + `法监督平台`) precedes it.
        let task = '';
        block.source.forEach((l, i) => {
          const numbered = /^\d+[.．]\s*(\S.*)$/.exec(l.text);
          if (numbered) {
            let t = numbered[1];
            for (let k = i + 1; k < block.source.length && block.source[k].text.length <= 10 && !/^\d/.test(block.source[k].text); k++) t += block.source[k].text;
            task = shortTask(t);
          }
          const org = orgs.resolve(l.text.trim());
          if (org && task) add(org, task, l.line, false);
        });
      }
    }
  }
  return out;
}

const TASK_COLUMNS = [/具体措施/, /工作任务|目标任务|重点任务/, /任务|措施|事项/];
const UNIT_COLUMN = /(牵头|责任)(单位|部门)/;

/** A rebuilt task table: each unit of a row's 牵头 / 责任 cells, with the row's task. */
function tableTasks(block: Extract<BuiltNotice['sections'][number]['blocks'][number], { kind: 'table' }>, built: BuiltNotice, orgs: OrgResolver): OrgTask[] {
  const head = block.header.at(-1) ?? [];
  const taskCol = TASK_COLUMNS.map((re) => head.findIndex((h) => re.test(h))).find((c) => c >= 0) ?? -1;
  const units = head.map((h, c) => ({ c, m: UNIT_COLUMN.exec(h) })).filter((u) => u.m);
  if (taskCol < 0 || units.length === 0) return [];
  const repeats = new Set(block.headerAt ?? []);
  const out: OrgTask[] = [];
  let task = '';
  block.rows.forEach((row, r) => {
    if (repeats.has(r)) return;
    // A merged task cell is empty in the rows below its first: the task goes on.
    if (row[taskCol]) task = shortTask(row[taskCol]);
    // The unit's line: within its row when the reader knows the row's lines.
    const range = block.rowLines?.[r] ?? block.lines;
    for (const { c, m } of units) {
      for (const item of (row[c] ?? '').replace(/各乡、镇/g, '各乡镇').split(/[、，,；;]/)) {
        const org = orgs.resolve(item.trim());
        if (org && task) out.push({ org, notice: built.notice.id, line: lineOf(built.source, range, item.trim().slice(0, 2)), task, lead: m![1] === '牵头' });
      }
    }
  });
  return out;
}
