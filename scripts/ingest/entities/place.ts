// The place a gazette belongs to, and whose a body is. Everything the entity rules know about the
// county — its name, how its texts name it in front of a body (县政府, 县公安局), the places above
// it, its leadership bodies and the labels of its organization categories — comes from the
// gazette's config (seeds/gazette.yaml), never from code. A body printed with ANOTHER place's name
// (兰陵县自然资源和规划局, 邢台市教育局, 河北省人民政府办公厅, 市市场监管局) is that place's: it
// is never resolved to this place's body of the same name, and gets its own record.
import type { GazetteConfig } from '../../../schemas/gazette-config.ts';
import { categoryOrder } from '../../../schemas/entities.ts';

/** Ends of a place name: 兰陵县, 邢台市, 河北省, 信都区, 恩施土家族苗族自治州. */
const PLACE_END = '(?:自治县|自治州|自治区|县|市|省|区)';
/** A place name at the start of a body's name, with what follows it (the body itself). */
const PLACE_AT_START = new RegExp(`^([\\u4e00-\\u9fff]{1,8}?${PLACE_END})([\\u4e00-\\u9fff]{2,})`);
/** Words ending like a place that are none: 城市, 超市, 开发区, 高新区, 社区, 全县, 本省, 节省 … */
const NOT_A_PLACE = new RegExp(
  `(?:${[
    '城市', '超市', '都市', '上市', '股市', '夜市', '集市', '门市', '菜市', '花市', '早市', '黑市', '闹市',
    '开发区', '高新区', '园区', '示范区', '社区', '城区', '景区', '保护区', '试验区', '工业区', '经济区', '产业区', '功能区',
    '片区', '辖区', '街区', '商区', '校区', '库区', '林区', '矿区', '灾区', '小区', '山区', '牧区', '老区',
    '节省', '反省',
  ].join('|')}|[全本该各我外两邻每一](?:县|市|省|区))$`,
);
/** A place name holds no enumeration or function words after its first character (企业和市民… is no place 企业和市). */
const FUNCTION_CHARS = /[和及与或的各有关相等对由向在为]/;
/** What follows a place's one-character short form when it is a word, not a place: 市场, 市民服务, 市政工程, 省级 (but 市民政局, 市政府, 市政法委 are the city's). */
const WORD_AFTER_SHORT = /^(?:场|民(?!政)|政(?!府|法)|容|区|级|直|内|值|县|外|长)/;
/** Bodies of the national level. */
const NATIONAL = /^(?:国务院|中共中央|中央|国家|全国)/;

export type Whose = { own: true } | { own: false; place: string };

export class Place {
  /** The place in full (威县) and its short form in front of a body (县). */
  readonly name: string;
  readonly short: string;
  /** The places above it (邢台市, 河北省) and their one-character short forms (市, 省). */
  readonly parents: readonly string[];
  readonly parentShorts: readonly string[];
  /** Bodies counted as the place's leadership (县委, 县政府, 威县人民政府 …). */
  readonly leadership: ReadonlySet<string>;
  readonly labels: { leadership: string; departments: string; townships: string; elsewhere: string; other: string };
  /** Category labels in the order the site lists them. */
  readonly order: readonly string[];
  /** The body that publishes the gazette: the place's government, holder of 县长 posts. */
  readonly publisher: string;
  /** Other places' names read from the text (whole body names: 主送机关, issuers, posts, lists). */
  private learned = new Set<string>();
  private learnedSorted: string[] = [];

  constructor(config: GazetteConfig) {
    this.name = config.place.name;
    this.short = config.place.short;
    this.parents = config.place.parents;
    this.parentShorts = [...new Set(config.place.parents.map((p) => p.slice(-1)))].filter((s) => s !== this.short);
    this.leadership = new Set(config.categories.leadership.names);
    const c = config.categories;
    this.labels = { leadership: c.leadership.label, departments: c.departments.label, townships: c.townships.label, elsewhere: c.elsewhere.label, other: c.other.label };
    this.order = categoryOrder(config);
    this.publisher = config.gazette.publisher;
    for (const p of this.parents) this.learned.add(p);
    this.sortLearned();
  }

  private sortLearned(): void {
    this.learnedSorted = [...this.learned].sort((a, b) => b.length - a.length || a.localeCompare(b));
  }

  /**
   * Whose a body is, from its name alone: this place's when it names this place (威县…, 县…,
   * 市生态环境局威县分局, 人民银行威县支行); another place's when it opens with another place's
   * name (兰陵县…, 邢台市…, 河北省…, a parent's short form: 市市场监管局, 省政府) or is national
   * (国务院…); undefined when it names no place (社区办, 七级镇, a company).
   */
  whose(name: string): Whose | undefined {
    const n = name.replace(/^(?:中国共产党|中共)/, '');
    if (n.includes(this.name) || n.startsWith(this.short)) return { own: true };
    const other = this.otherAtStart(n);
    return other ? { own: false, place: other } : undefined;
  }

  /** The other place whose name opens `n` (already without 中共), or undefined. */
  private otherAtStart(n: string): string | undefined {
    const known = this.learnedSorted.find((p) => n.startsWith(p) && n.length > p.length);
    if (known) return known;
    if (NATIONAL.test(n)) return NATIONAL.exec(n)![0];
    const m = PLACE_AT_START.exec(n);
    if (m && this.isPlaceName(m[1], m[2])) return m[1];
    for (const s of this.parentShorts) if (n.startsWith(s) && n.length > 2 && !WORD_AFTER_SHORT.test(n.slice(1))) return s;
    return undefined;
  }

  /** Is `p` (the opening of a body's name, before `rest`) another place's name? */
  private isPlaceName(p: string, rest: string): boolean {
    if (p === this.name || FUNCTION_CHARS.test(p.slice(1)) || NOT_A_PLACE.test(p)) return false;
    // One character and 市, 省 or 区 is a word (城市, 节省, 社区), not a place; only counties have
    // one-character names (魏县), and never before a word like 县级, 县直.
    if (p.length <= 2) return /县$/.test(p) && !WORD_AFTER_SHORT.test(rest);
    return true;
  }

  /** How many characters of `text` (a post, a list item) name another place: 邢台市 of 邢台市教育局副局长. */
  otherPlaceLength(text: string): number {
    const whose = this.whose(text);
    return whose && !whose.own && text.startsWith(whose.place) ? whose.place.length : 0;
  }

  /** Remember the place a body's whole name opens with (兰陵县 of 兰陵县自然资源和规划局). */
  learn(name: string): void {
    const whose = this.whose(name);
    if (whose && !whose.own && whose.place.length > 1 && !NATIONAL.test(whose.place) && !this.learned.has(whose.place)) {
      this.learned.add(whose.place);
      this.sortLearned();
    }
  }

  /**
   * Another place named right before a body form found in running text at `at`: for a form
   * opening with the short form (县自然资源和规划局), a learned place ending in it (兰陵县 + 县…);
   * for any other form (企业和市民服务中心), a learned place or a parent's short form (市, 省)
   * just before it. Returns where the other body starts, or undefined when the form is this place's.
   */
  otherBefore(text: string, at: number, form: string): number | undefined {
    // Only the characters a place name can span (the longest learned one, or 城市 + 市).
    const before = text.slice(Math.max(0, at - Math.max(3, this.learnedSorted[0]?.length ?? 0)), at);
    if (form.startsWith(this.short)) {
      const upTo = before + this.short;
      const p = this.learnedSorted.find((q) => q.endsWith(this.short) && q !== this.name && upTo.endsWith(q));
      return p ? at + this.short.length - p.length : undefined;
    }
    if (form.startsWith(this.name)) return undefined;
    const p = this.learnedSorted.find((q) => before.endsWith(q));
    if (p) return at - p.length;
    // 市 just before (报市企业和市民服务中心), unless it ends a word (城市社区办 is no city body).
    return this.parentShorts.some((s) => before.endsWith(s)) && !NOT_A_PLACE.test(before.slice(-3)) ? at - 1 : undefined;
  }

  /**
   * The place words an id may open with (see nameSlug): another place's name when the body is
   * that place's (兰陵县自然资源和规划局 → lanlingxian-…), this place's name and short form, and
   * the parents' short forms (市生态环境局威县分局 → shi-…).
   */
  slugHeads(name: string): string[] {
    const whose = this.whose(name);
    const heads = [this.name, this.short, ...this.parentShorts];
    return whose && !whose.own ? [whose.place, ...heads] : heads;
  }

  /** Category label of a body the alias table does not know, by the config's rules. */
  categoryOf(name: string): string {
    if (this.leadership.has(name)) return this.labels.leadership;
    const whose = this.whose(name);
    if (whose && !whose.own) return this.labels.elsewhere;
    if (/^[\u3400-\u9fff]{2,4}[镇乡]$/.test(name)) return this.labels.townships;
    if (/(公司|支行|银行|办事处)$/.test(name)) return this.labels.other;
    // 项目办, 招商选资服务中心: offices of this place printed without its name.
    return whose?.own || /(局|办|中心|部|站|队)$/.test(name) ? this.labels.departments : this.labels.other;
  }
}
