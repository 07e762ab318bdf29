// Highlights a search query on a notice page opened from /search/: `…/notices/2022/x/?hl=高凯英`.
// Matching is the search's own: inside [data-source-text], whitespace ignored, full/half-width and
// case folded, every bracket read as 〔〕 (search-api.js's fold, so 威政办字[2022]25号 marks
// 威政办字〔2022〕25号), every space-separated word marked. The first mark is scrolled into view.
// Every notice page loads this file (a script file, not an inline loader: the Content-Security-
// Policy allows no inline script); the search code it needs is fetched only with ?hl=.

const query = new URLSearchParams(location.search).get('hl');
if (query) {
  const { fold } = await import('./search-api.js');
  const words = query.split(/\s+/u).map(fold).filter(Boolean);
  for (const rootEl of document.querySelectorAll('[data-source-text]')) {
    // The element's text without whitespace, each character mapped to its text node and offset.
    const walker = document.createTreeWalker(rootEl, NodeFilter.SHOW_TEXT);
    const chars = [];
    let text = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const value = node.nodeValue ?? '';
      for (let i = 0; i < value.length; ) {
        const cp = value.codePointAt(i);
        const ch = String.fromCodePoint(cp);
        if (!/\s/u.test(ch)) {
          const f = fold(ch);
          for (let k = 0; k < f.length; k++) chars.push([node, i, i + ch.length]);
          text += f;
        }
        i += ch.length;
      }
    }
    const ranges = [];
    for (const w of words) {
      for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length)) {
        const [startNode, startOffset] = chars[at];
        const [endNode, , endOffset] = chars[at + w.length - 1];
        const range = document.createRange();
        range.setStart(startNode, startOffset);
        range.setEnd(endNode, endOffset);
        ranges.push(range);
      }
    }
    // Wrap each text node's part of each range in <mark>, last first so offsets stay valid.
    for (const range of ranges.reverse()) {
      const pieces = [];
      const it = document.createTreeWalker(range.commonAncestorContainer.nodeType === 3 ? range.commonAncestorContainer.parentNode : range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
      for (let node = it.nextNode(); node; node = it.nextNode()) {
        if (!range.intersectsNode(node)) continue;
        const from = node === range.startContainer ? range.startOffset : 0;
        const to = node === range.endContainer ? range.endOffset : node.nodeValue.length;
        if (to > from && node.nodeValue.slice(from, to).trim()) pieces.push([node, from, to]);
      }
      for (const [node, from, to] of pieces.reverse()) {
        const part = node.splitText(from);
        part.splitText(to - from);
        const mark = document.createElement('mark');
        mark.className = 'search-hl';
        part.replaceWith(mark);
        mark.append(part);
      }
    }
  }
  const first = document.querySelector('mark.search-hl');
  if (first && !location.hash) first.scrollIntoView({ block: 'center' });
}
