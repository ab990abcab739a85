// The kronik web UI: header with language switch, and views chosen by the hash route.
import './style.css';
import type { Route, ViewContext } from './common.ts';
import { errorBox, loading } from './common.ts';
import { h } from './dom.ts';
import { dyadView } from './dyad.ts';
import { documentView, eventView } from './event.ts';
import { type Key, type Lang, lang, setLang, t } from './i18n.ts';
import { mapView } from './map.ts';
import { networkView } from './network.ts';
import { apiView, codebookView } from './reference.ts';
import { searchView } from './search.ts';
import { timelineView } from './timeline.ts';

type View = (ctx: ViewContext, r: Route) => Promise<void>;

const VIEWS: Record<string, { view: View; nav?: Key }> = {
  '': { view: timelineView, nav: 'nav.timeline' },
  dyad: { view: dyadView, nav: 'nav.dyad' },
  network: { view: networkView, nav: 'nav.network' },
  map: { view: mapView, nav: 'nav.map' },
  search: { view: searchView, nav: 'nav.search' },
  codebook: { view: codebookView, nav: 'nav.codebook' },
  api: { view: apiView, nav: 'nav.api' },
  event: { view: eventView },
  document: { view: documentView },
};
const NAV: [string, Key][] = [
  ['#/', 'nav.timeline'],
  ['#/dyad', 'nav.dyad'],
  ['#/network', 'nav.network'],
  ['#/map', 'nav.map'],
  ['#/search', 'nav.search'],
  ['#/codebook', 'nav.codebook'],
  ['#/api', 'nav.api'],
];

const top = document.getElementById('top')!;
const main = document.getElementById('view')!;

function parseHash(): Route {
  const raw = location.hash.replace(/^#\/?/, '');
  const qAt = raw.indexOf('?');
  const pathPart = qAt >= 0 ? raw.slice(0, qAt) : raw;
  const query = new URLSearchParams(qAt >= 0 ? raw.slice(qAt + 1) : '');
  const path = pathPart
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  return { path, query };
}

function renderHeader(r: Route): void {
  const section = r.path[0] ?? '';
  const langButton = (l: Lang, label: string, title: string) =>
    h(
      'button',
      {
        type: 'button',
        class: 'lang',
        lang: l,
        title,
        'aria-pressed': String(lang() === l),
        'data-lang': l,
        onclick: () => {
          if (lang() === l) return;
          setLang(l);
          void render();
        },
      },
      label,
    );
  top.replaceChildren(
    h(
      'div',
      { class: 'top-inner' },
      h('a', { class: 'brand', href: '#/' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, 'k'), 'kronik'),
      h('span', { class: 'tagline' }, t('app.tagline')),
      h(
        'nav',
        { class: 'nav' },
        ...NAV.map(([href, key]) =>
          h(
            'a',
            { href, class: VIEWS[section]?.nav === key ? 'active' : null, 'aria-current': VIEWS[section]?.nav === key ? 'page' : null },
            t(key),
          ),
        ),
      ),
      h(
        'div',
        { class: 'langs', role: 'group', 'aria-label': t('lang.label') },
        langButton('id', 'ID', 'Bahasa Indonesia'),
        langButton('en', 'EN', 'English'),
      ),
    ),
  );
}

let seq = 0;
let leave: (() => void)[] = [];

async function render(): Promise<void> {
  const my = ++seq;
  for (const fn of leave) fn();
  leave = [];
  const r = parseHash();
  document.documentElement.lang = lang();
  renderHeader(r);
  const entry = VIEWS[r.path[0] ?? ''];
  const ctx: ViewContext = {
    alive: () => my === seq,
    mount(node) {
      if (my !== seq) return false;
      main.replaceChildren(node);
      return true;
    },
    onLeave(fn) {
      if (my === seq) leave.push(fn);
      else fn();
    },
  };
  if (!entry) {
    ctx.mount(
      h('div', { class: 'page' }, h('p', { class: 'empty' }, t('not.found')), h('a', { class: 'button', href: '#/' }, t('nav.timeline'))),
    );
    return;
  }
  main.replaceChildren(loading());
  main.setAttribute('aria-busy', 'true');
  try {
    await entry.view(ctx, r);
  } catch (e) {
    ctx.mount(h('div', { class: 'page' }, errorBox(e)));
  } finally {
    if (my === seq) main.removeAttribute('aria-busy');
  }
  document.title = `kronik · ${t(entry.nav ?? (r.path[0] === 'document' ? 'doc.title' : 'event.title'))}`;
}

window.addEventListener('hashchange', () => {
  // Every view opens at its top (an event page at its title, under the sticky header).
  void render().then(() => window.scrollTo(0, 0));
});
void render();
