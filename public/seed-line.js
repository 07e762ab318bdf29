// The numbered view of a seed, /seeds/<name>/, built in the browser from the one copy of its text
// the site serves, /seeds/<name>.txt.gz (issue 13: the page no longer repeats every line). The
// page declares each run of lines as an empty `<ol class="seed-lines" start="N" data-lines="N-M">`
// (src/pages/seeds/[name].astro); this fills them, then marks and scrolls to the address:
// `#L<first>-L<last>` is a list's id (marked by :target), `#L88` one line, found by counting —
// lines carry no ids. Loaded by the seed page as a file (no inline script: the CSP allows none).
const MARK = 'seed-line-target';
const root = document.querySelector('[data-seed-src]');
const status = document.getElementById('seed-status');

function say(message) {
  status.textContent = message;
  status.hidden = !message;
}

/** The seed's bytes: stored gzip-compressed; a host that sends .gz files with `Content-Encoding: gzip` has the browser decompress them already, so only bytes that still start with gzip's magic number (1f 8b — no UTF-8 text does) are decompressed here. */
async function seedBytes(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
}

/**
 * Lines exactly as the ingest numbers them (scripts/ingest/read-seed.ts), so that the numbers
 * shown are the `source.lines` every notice cites: UTF-8 (the only encoding a seed can be in — the
 * build refuses others — and the archive stores the bytes unchanged), a BOM dropped, CRLF, CR and
 * LF each one break, no line after a final break.
 */
function splitLines(bytes) {
  const lines = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes).split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

async function fill() {
  say('正在载入原文……');
  const lines = splitLines(await seedBytes(root.dataset.seedSrc));
  // The page was built from this file: another count means another file (a stale copy), whose
  // numbers would not be the ones the notices cite — said, not shown.
  const declared = Number(root.dataset.seedLines);
  if (lines.length !== declared) throw new Error(`the file has ${lines.length} lines, the page was built for ${declared}`);
  for (const list of root.querySelectorAll('ol.seed-lines[data-lines]')) {
    const [first, last] = list.dataset.lines.split('-').map(Number);
    const items = document.createDocumentFragment();
    for (let n = first; n <= last; n++) {
      const li = document.createElement('li');
      li.textContent = lines[n - 1];
      items.append(li);
    }
    list.replaceChildren(items);
  }
  say('');
}

function show() {
  document.querySelector(`.${MARK}`)?.classList.remove(MARK);
  const range = /^#L\d+-L\d+$/.test(location.hash) && document.getElementById(location.hash.slice(1));
  // The browser scrolled to the span while the lists above it were empty: again, now they are full.
  if (range) return range.scrollIntoView();
  const match = /^#L(\d+)$/.exec(location.hash);
  if (!match) return;
  const n = Number(match[1]);
  for (const list of root.querySelectorAll('ol.seed-lines')) {
    const line = list.children[n - list.start];
    if (n >= list.start && line) {
      line.classList.add(MARK);
      line.scrollIntoView({ block: 'center' });
      return;
    }
  }
}

fill().then(
  () => {
    show();
    addEventListener('hashchange', show);
  },
  (error) => say(`原文未能载入（${error.message}），行号视图无法显示。请用上方的链接下载纯文本阅读。`),
);
