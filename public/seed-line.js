// The address of one line of a seed's numbered view, `/seeds/<name>/#L88`: the lines carry no
// ids (each would cost as many bytes as the markup of the line itself: issue 13), so this finds
// line 88 by counting — each list starts at its first line — marks it as `:target` would and
// scrolls to it. Loaded by the seed page as a file (no inline script: the CSP allows none).
const MARK = 'seed-line-target';

function show() {
  const match = /^#L(\d+)$/.exec(location.hash);
  document.querySelector(`.${MARK}`)?.classList.remove(MARK);
  if (!match) return;
  const n = Number(match[1]);
  for (const list of document.querySelectorAll('ol.seed-lines')) {
    const line = list.children[n - list.start];
    if (n >= list.start && line) {
      line.classList.add(MARK);
      line.scrollIntoView({ block: 'center' });
      return;
    }
  }
}

show();
addEventListener('hashchange', show);
