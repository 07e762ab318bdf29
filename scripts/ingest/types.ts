// Shared shapes of the ingest pipeline: seed → SourceLine[] → NoticeSource → Section/Block → MDX.
// Every piece of recovered text keeps the seed line numbers it came from, so any problem
// (a parse failure, a lost character) can be reported as file:line.

/** One non-blank seed line after page furniture is removed. */
export interface SourceLine {
  /** 1-based line number in the seed file. */
  line: number;
  /** The line's text without the page-start space and without trailing whitespace. */
  text: string;
  /** The PDF marked a new page with a leading space on this line. */
  pageStart: boolean;
}

/** A problem found in the input: reported as `file:line: message`. */
export interface Problem {
  file: string;
  line: number;
  message: string;
}

/** A member of a personnel list: `组 长：高凯英 县委副书记、政府县长`. */
export interface Member {
  /** Role in the group (组长, 副组长, 成员, 指挥长, 召集人 …), spaces removed, folded to simplified
   *  characters (組長 → 组长); inherited from the last role label. */
  role: string;
  /** Person's name as printed, padding spaces removed (`韩 超` → `韩超`; `張高麗` stays). */
  name: string;
  /** Post / title as printed (`县委副书记、政府县长`), whitespace normalized; may be empty. */
  title: string;
  /** Seed lines this member (name, title) was read from; a label alone on its line stands above. */
  lines: [number, number];
  /** The role label as printed before this member, spaces removed (`组长：`, `組長:`); on the
   *  member's line, or alone on the line above it (`成员：` with the names below). Absent when the
   *  member inherited its role from an earlier label. Lets the text be rendered without loss. */
  label?: string;
  /** The member as printed after its label, whitespace normalized, when that is not
   *  `name title`: a bracketed title (`张三（县长）`), a separator (`吴国伟、`), a title before the
   *  name. Rendered instead of `name title`, so no printed character is lost. */
  text?: string;
}

export type Block =
  | { kind: 'heading'; depth: number; marker: string; text: string; lines: [number, number] }
  | { kind: 'paragraph'; text: string; lines: [number, number] }
  | { kind: 'personnel'; members: Member[]; lines: [number, number] }
  | { kind: 'table'; caption?: string; header: string[][]; rows: string[][]; lines: [number, number] }
  /** Source lines kept verbatim because their structure could not be recovered with confidence. */
  | { kind: 'raw'; reason: string; source: SourceLine[]; lines: [number, number] };

export type SectionKind = 'cover' | 'document' | 'attachment';

/** A notice body is its covering text, the document it issues, and its 附件. */
export interface Section {
  kind: SectionKind;
  /** Stable anchor id: `cover`, `document`, `attachment-1` … */
  id: string;
  /** Heading text as printed (document title, `附件 1：…`); absent for the covering text. */
  title?: string;
  blocks: Block[];
}
