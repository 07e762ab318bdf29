// mdast-util-to-markdown's text and link handlers, each with a shortcut. Most of a gazette's text
// is Chinese with no character any escaping rule is about, and for such text to-markdown's `safe`
// — which tries every unsafe pattern on every text node, 70 % of writing the MDX — returns the
// text unchanged; so does it for the site's own paths as link destinations. The shortcuts return
// them without running the patterns; any other text or link goes through `safe` exactly as
// before. tests/ingest/text-handler.test.ts checks the output is the default handlers'.
import type { Link, Parents, Text } from 'mdast';
import { defaultHandlers } from 'mdast-util-to-markdown';
import type { Info, State } from 'mdast-util-to-markdown';

/** Per set of unsafe patterns (one per toMarkdown call's extensions): a test for any of their characters. */
const testers = new WeakMap<State['unsafe'], RegExp>();

/**
 * A test for the characters `safe` could change in a text: every unsafe pattern's character (in
 * or out of scope — a superset is enough), and the backslash, which `safe` escapes on its own.
 */
function unsafeCharacters(state: State): RegExp {
  let tester = testers.get(state.unsafe);
  if (!tester) {
    const characters = new Set(['\\', ...state.unsafe.map((pattern) => pattern.character)]);
    const escaped = [...characters].map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join('');
    tester = new RegExp(`[${escaped}]`, 'u');
    testers.set(state.unsafe, tester);
  }
  return tester;
}

/** The `text` handler: to-markdown's own (`state.safe` with the neighbouring nodes), unless no character of the text could be escaped. */
export function text(node: Text, parent: Parents | undefined, state: State, info: Info): string {
  if (!unsafeCharacters(state).test(node.value)) return node.value;
  const siblings = parent ? parent.children : [];
  const index = state.indexStack[state.indexStack.length - 1]!;
  return state.safe(node.value, { ...info, afterNode: siblings[index + 1], beforeNode: siblings[index - 1] });
}

/**
 * A destination `safe` returns unchanged: no escaping rule is about these characters except at a
 * line break (`#`, `-`, `.`, `_`, `~` starting a line), and a destination has none; no `:` either,
 * so it cannot be an autolink. The site's own paths (`../../../people/han-chao/`) are such.
 */
const RAW_DESTINATION = /^[A-Za-z0-9/._~%#-]+$/;

/**
 * The `link` handler: to-markdown's own, but for a link to such a destination, with no title and
 * not at a line's start (where its own may add `""` so that the link cannot read as a
 * definition), it writes the label as its own does and the destination as it is, without trying
 * every unsafe pattern on it (a third of writing the MDX's links). Any other link goes to its own.
 */
export function link(node: Link, parent: Parents | undefined, state: State, info: Info): string {
  if (node.title || !RAW_DESTINATION.test(node.url) || /[\r\n]$/.test(info.before)) return defaultHandlers.link(node, parent, state, info);
  const tracker = state.createTracker(info);
  const exit = state.enter('link');
  const exitLabel = state.enter('label');
  let value = tracker.move('[');
  value += tracker.move(state.containerPhrasing(node, { before: value, after: '](', ...tracker.current() }));
  exitLabel();
  value += tracker.move(`](${node.url})`);
  exit();
  return value;
}
link.peek = defaultHandlers.link.peek;
