// mdast-util-to-markdown's text handler with a shortcut: most of a gazette's text is Chinese with
// no character any escaping rule is about, and for such text to-markdown's `safe` — which tries
// every unsafe pattern on every text node, 70 % of writing the MDX — returns the text unchanged.
// The shortcut returns it without running them; any other text goes through `safe` exactly as
// before. tests/ingest/text-handler.test.ts checks the output is the default handler's.
import type { Parents, Text } from 'mdast';
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
