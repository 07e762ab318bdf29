// The search page's script (src/pages/search/index.astro), an external module so that the page's
// Content-Security-Policy needs no inline script. /search-api.js is written into dist/ after
// `astro build` (scripts/search/build.ts), so it is imported by its URL at run time, not bundled;
// the page's <head> preloads it and what its first query needs (scripts/search/preloads.ts).
//
// Results are shown as they arrive, in order, and nothing already shown moves: a result is
// appended only when those before it are; the facets and the part for other names appear once
// the first page of results is in, and the results column keeps a screen's height meanwhile
// (a slow phone's first result in ≤ 2 s with no layout shift; `npm run bench:search` measures it).
const root = document.getElementById('search');
const { search, FACETS } = await import(/* @vite-ignore */ root.dataset.api);
const input = document.getElementById('search-q');
const form = root.querySelector('form');
const summary = document.getElementById('search-summary');
const resultsBox = document.getElementById('search-results');
const list = document.getElementById('search-list');
const facetsBox = document.getElementById('search-facets');
const more = document.getElementById('search-more');
const clear = document.getElementById('search-clear');
const suggest = document.getElementById('search-suggest');
const aliases = document.getElementById('search-aliases');
const aliasesBody = document.getElementById('search-aliases-body');
const aliasesToggle = document.getElementById('search-aliases-toggle');
const aliasesMore = document.getElementById('search-aliases-more');
const KINDS = { notice: '文件', person: '人员', organization: '机构', group: '议事协调机构' };
const PAGE = 20;
// 2022-05-06 → 2022年5月6日, as every other page writes a date (src/lib/format.ts chineseDate).
const chineseDate = (iso) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : iso;
};
let shown = 0;
let current = [];
let aliasShown = 0;
let aliasCurrent = [];
let seq = 0;

function readUrl() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const { key } of FACETS) filters[key] = params.getAll(key);
  return { q: params.get('q') ?? '', filters };
}

function writeUrl(q, filters, replace) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  for (const { key } of FACETS) for (const v of filters[key] ?? []) params.append(key, v);
  const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
  if (url !== location.pathname + location.search) history[replace ? 'replaceState' : 'pushState'](null, '', url);
}

function selected() {
  const filters = {};
  for (const { key } of FACETS) filters[key] = [...facetsBox.querySelectorAll(`input[data-facet="${key}"]:checked`)].map((c) => c.value);
  return filters;
}

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  for (const c of children) if (c != null) node.append(c);
  return node;
}

function renderFacets(facets, filters) {
  const focused = document.activeElement?.closest?.('#search-facets') ? document.activeElement.id : null;
  facetsBox.replaceChildren();
  for (const { key, label } of FACETS) {
    const values = facets[key] ?? [];
    const chosen = new Set(filters[key] ?? []);
    // Keep chosen values visible even when the query leaves them no matches.
    for (const v of chosen) if (!values.some((x) => x.value === v)) values.push({ value: v, count: 0 });
    if (values.length === 0) continue;
    const fieldset = el('fieldset', { className: 'search-facet' }, el('legend', { textContent: label }));
    const ul = el('ul', { className: values.length > 8 ? 'search-facet-values long' : 'search-facet-values' });
    values.forEach(({ value, count }, i) => {
      const id = `facet-${key}-${i}`;
      const box = el('input', { type: 'checkbox', id, value, checked: chosen.has(value) });
      box.dataset.facet = key;
      ul.append(el('li', {}, box, el('label', { htmlFor: id }, el('span', { textContent: value }), el('span', { className: 'count', textContent: String(count), title: `${count} 件` }))));
    });
    fieldset.append(ul);
    facetsBox.append(fieldset);
  }
  clear.hidden = !FACETS.some(({ key }) => (filters[key] ?? []).length > 0);
  if (focused) document.getElementById(focused)?.focus();
}

function withHighlight(url, q) {
  if (!q) return url;
  const u = new URL(url, location.href);
  u.searchParams.set('hl', q);
  return u.pathname + u.search + u.hash;
}

/** Append results to `into` in order, each as soon as it and those before it are loaded. */
async function appendInOrder(into, items, q, mine) {
  const loaded = items.map((r) => r.load?.() ?? Promise.resolve(r));
  for (const [k, r] of items.entries()) {
    await loaded[k];
    if (mine !== seq) return false;
    into.append(renderItem(r, q));
  }
  return true;
}

function renderItem(r, q) {
  const a = el('a', { href: r.kind === 'notice' ? withHighlight(r.url, q) : r.url, className: 'search-title', textContent: r.title });
  const meta = el('p', { className: 'search-meta' }, el('span', { className: `search-kind kind-${r.kind}`, textContent: KINDS[r.kind] ?? r.kind }));
  // 文号, or a 公告's printed serial, or nothing; every 发文机关; date.
  if (r.kind === 'notice') meta.append(` ${[r.docNo ?? r.serial, (r.issuers ?? [r.issuer]).join('、'), r.date && chineseDate(r.date)].filter(Boolean).join(' · ')}`);
  if (r.roles || r.names) return el('li', { className: 'search-result search-entity' }, a, meta, ...card(r));
  const excerpt = el('p', { className: 'search-excerpt' });
  // The printed text around the match, its line breaks kept (white-space: pre-line).
  if (r.excerpt != null) excerpt.innerHTML = r.excerpt; // escaped by search-api.js; only <mark> is markup
  else r.loadExcerpt?.().then((x) => (excerpt.innerHTML = x));
  return el('li', { className: 'search-result' }, a, meta, excerpt);
}

// The entity the query names, at the top: a person's roles; an organization's names and notices.
function card(r) {
  if (r.names) {
    const others = r.names.filter((n) => n !== r.title);
    return [
      el('p', { className: 'search-card-names', textContent: `名称：${r.title}${others.length ? `；也写作 ${others.join('、')}` : ''}` }),
      el('p', { className: 'search-card-count', textContent: `${r.noticeCount} 件文件提及` }),
    ];
  }
  const table = el('table', { className: 'search-roles' }, el('caption', { textContent: r.roleCount > r.roles.length ? `职务（最近 ${r.roles.length} 项，共 ${r.roleCount} 项）` : `职务（${r.roleCount} 项）` }));
  table.append(el('thead', {}, el('tr', {}, ...['议事协调机构', '职务', '职位', '日期', '文件'].map((h) => el('th', { scope: 'col', textContent: h })))));
  const body = el('tbody');
  for (const role of r.roles) {
    const link = el('a', { href: role.notice.url, textContent: role.notice.docNo ?? role.notice.title, title: role.notice.title });
    body.append(el('tr', {}, el('td', { textContent: role.group ?? '' }), el('td', { textContent: role.role ?? '' }), el('td', { textContent: role.title ?? '' }), el('td', { textContent: chineseDate(role.date) }), el('td', {}, link)));
  }
  table.append(body);
  return [el('div', { className: 'search-roles-wrap' }, table)];
}

function renderSuggestions(results) {
  const list = results.suggestions ?? [];
  suggest.replaceChildren();
  suggest.hidden = list.length === 0;
  if (list.length === 0) return;
  suggest.append('您是不是要找：');
  list.forEach((x, i) => {
    if (i > 0) suggest.append('、');
    const a = el('a', { href: `?q=${encodeURIComponent(x.name)}`, textContent: x.name });
    a.dataset.q = x.name;
    suggest.append(a);
  });
}

// The notices naming the organization under its other names, by name, below the exact ones.
async function showMoreAliases() {
  const mine = seq;
  const next = aliasCurrent.slice(aliasShown, aliasShown + PAGE);
  aliasShown += next.length;
  await Promise.all(next.map((r) => r.load?.()));
  if (mine !== seq) return;
  aliases.hidden = aliasCurrent.length === 0;
  for (const r of next) {
    let group = aliasesBody.querySelector(`ol[data-alias="${CSS.escape(r.alias)}"]`);
    if (!group) {
      const count = aliasCounts.get(r.alias) ?? 0;
      group = el('ol', { className: 'search-list' });
      group.dataset.alias = r.alias;
      aliasesBody.append(el('h3', { className: 'search-alias-name', textContent: `也写作 ${r.alias}：${count} 件` }), group);
    }
    group.append(renderItem(r, r.alias));
  }
  aliasesMore.hidden = aliasShown >= aliasCurrent.length;
}
let aliasCounts = new Map();

// Results past the first PAGE come without their details; load a page of them, then show it.
async function showMore(q) {
  const mine = seq;
  const next = current.slice(shown, shown + PAGE);
  shown += next.length;
  if (!(await appendInOrder(list, next, q, mine))) return;
  more.hidden = shown >= current.length;
}

async function run({ q, filters }, { push = false, replace = false } = {}) {
  const mine = ++seq;
  input.value = q;
  if (push || replace) writeUrl(q.trim(), filters, replace);
  // Busy until this query's results and facets are all in (for assistive technology, and for
  // the browser tests, which read the results once it is false).
  resultsBox.setAttribute('aria-busy', 'true');
  summary.textContent = '正在检索…';
  let results;
  try {
    results = await search(q, { filters, excerpts: 0, prefetch: PAGE });
  } catch (error) {
    // A file that did not arrive (a dropped connection on a phone): say so, and let a retry work.
    if (mine !== seq) return;
    summary.textContent = `检索未能完成（${error?.message ?? error}），请检查网络后重试。`;
    root.classList.add('search-ready');
    resultsBox.setAttribute('aria-busy', 'false');
    return;
  }
  if (mine !== seq) return;
  current = results.filter((r) => r.match !== 'alias');
  aliasCurrent = results.filter((r) => r.match === 'alias');
  aliasCounts = new Map((results.alsoWritten ?? []).map((w) => [w.name, w.count]));
  shown = 0;
  aliasShown = 0;
  list.replaceChildren();
  aliasesBody.replaceChildren();
  aliases.hidden = true;
  more.hidden = true;
  renderSuggestions(results);
  const notices = current.filter((r) => r.kind === 'notice').length;
  const entities = current.length - notices;
  const active = FACETS.some(({ key }) => (filters[key] ?? []).length > 0);
  summary.textContent = q.trim()
    ? results.length
      ? `“${q.trim()}”：${notices} 件文件${entities ? `，${entities} 个人员或机构` : ''}${aliasCurrent.length ? `；另有 ${aliasCurrent.length} 件以该机构其他名称提及` : ''}`
      : `没有找到包含“${q.trim()}”的文件`
    : `${active ? '筛选出' : '共'} ${notices} 件文件`;
  await showMore(q.trim());
  if (mine !== seq) return;
  await showMoreAliases();
  const facets = await results.loadFacets();
  if (mine !== seq) return;
  renderFacets(facets, filters);
  root.classList.add('search-ready');
  resultsBox.setAttribute('aria-busy', 'false');
}

let typing;
form.addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(typing); // Enter runs the query now; the pending as-you-type run would redo it
  run({ q: input.value, filters: selected() }, { push: true });
});
input.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => run({ q: input.value, filters: selected() }, { replace: true }), 250);
});
facetsBox.addEventListener('change', () => run({ q: input.value, filters: selected() }, { push: true }));
clear.addEventListener('click', () => {
  run({ q: input.value, filters: {} }, { push: true });
  input.focus();
});
more.addEventListener('click', async () => {
  const first = list.children.length;
  await showMore(input.value.trim());
  list.children[first]?.querySelector('a')?.focus();
});
aliasesMore.addEventListener('click', () => showMoreAliases());
// Shown by default; one click hides the notices found under the other names (and shows them again).
aliasesToggle.addEventListener('click', () => {
  const open = aliasesToggle.getAttribute('aria-expanded') === 'true';
  aliasesToggle.setAttribute('aria-expanded', String(!open));
  aliasesToggle.textContent = open ? '显示' : '隐藏';
  aliasesBody.hidden = open;
  aliasesMore.hidden = open || aliasShown >= aliasCurrent.length;
});
suggest.addEventListener('click', (e) => {
  const a = e.target.closest?.('a[data-q]');
  if (!a || e.ctrlKey || e.metaKey || e.shiftKey) return;
  e.preventDefault();
  clearTimeout(typing);
  run({ q: a.dataset.q, filters: selected() }, { push: true });
});
addEventListener('popstate', () => run(readUrl()));

// Keyboard: ↓ from the box to the first result, ↑/↓ between results, Esc back to the box.
const links = () => [...list.querySelectorAll('a.search-title')];
input.addEventListener('keydown', (e) => {
  if (e.key === 'ArrowDown' && links().length) {
    e.preventDefault();
    links()[0].focus();
  }
});
list.addEventListener('keydown', (e) => {
  const all = links();
  const i = all.indexOf(document.activeElement);
  if (i < 0) return;
  if (e.key === 'ArrowDown' && i + 1 < all.length) {
    e.preventDefault();
    all[i + 1].focus();
  } else if (e.key === 'ArrowUp') {
    e.preventDefault();
    (i > 0 ? all[i - 1] : input).focus();
  } else if (e.key === 'Escape') {
    e.preventDefault();
    input.focus();
  }
});

await run(readUrl());
if (!input.value) input.focus();
