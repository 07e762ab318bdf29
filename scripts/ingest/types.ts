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
  | {
      kind: 'table';
      caption?: string;
      /** Header rows, in printed order (a two-row header has two). */
      header: string[][];
      /** Data rows; a merged cell is '' in the rows it spans below its first. */
      rows: string[][];
      /** Indexes into `rows` where the header was printed again (a page break), kept as header rows. */
      headerAt?: number[];
      /** The seed lines of each row of `rows` (when the reader knows them). */
      rowLines?: [number, number][];
      /** Why this reading is the only one (column widths, readings tried), for the review. */
      evidence?: string;
      lines: [number, number];
    }
  /** Source lines kept verbatim because their structure could not be recovered with confidence;
   *  `groups` are those lines by printed row (the header, then each 序号), for the page. */
  | { kind: 'raw'; reason: string; source: SourceLine[]; groups?: SourceLine[][]; lines: [number, number] };

export type SectionKind = 'cover' | 'document' | 'attachment';

/** A notice body is its covering text, the document it issues, and its 附件. */
export interface Section {
  kind: SectionKind;
  /** Stable anchor id: `cover`, `document`, `attachment-1` … */
  id: string;
  /** Heading text as printed (document title, `附件 1：…`); absent for the covering text. */
  title?: string;
  /** A 附件's label and title from the 附件 list when none is printed above it (SectionSpan.listedTitle). */
  listedTitle?: string;
  blocks: Block[];
}
