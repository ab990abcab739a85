// #/ : events grouped by month, newest first unless sorted the other way, loading more as the
// reader scrolls (cursor pages), with the filter bar and the downloads of exactly this list.
import { api, type EventSummary } from './api.ts';
import { eventRow, type Route, select, type ViewContext } from './common.ts';
import { h, route } from './dom.ts';
import { downloads, filterForm, filterParams } from './filters.ts';
import { fmtMonth, fmtNumber, t } from './i18n.ts';

/** Events a page (`?limit=` sets it, 1–1000). */
const PAGE = 100;

function monthKey(date: string | null): string {
  if (!date) return 'undated';
  return /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : date.slice(0, 4);
}

function monthHeading(key: string): string {
  if (key === 'undated') return t('timeline.undated');
  if (/^\d{4}$/.test(key)) return t('timeline.yearonly', { y: key });
  return fmtMonth(key, 'long');
}

function renderGroups(list: HTMLElement, events: EventSummary[]): void {
  const groups = new Map<string, EventSummary[]>();
  for (const ev of events) {
    const k = monthKey(ev.date);
    const g = groups.get(k) ?? [];
    g.push(ev);
    groups.set(k, g);
  }
  list.replaceChildren(
    ...[...groups].map(([key, evs]) =>
      h(
        'section',
        { class: 'month', 'data-month': key },
        h('h2', { class: 'month-title' }, monthHeading(key), h('span', { class: 'month-count' }, fmtNumber(evs.length))),
        h('ol', { class: 'events' }, ...evs.map(eventRow)),
      ),
    ),
  );
}

export async function timelineView(ctx: ViewContext, r: Route): Promise<void> {
  const sort = r.query.get('sort') === 'asc' ? 'asc' : 'desc';
  const filters = filterParams(r.query);
  const params = new URLSearchParams(filters);
  params.set('sort', sort);
  const asked = Number(r.query.get('limit'));
  params.set('limit', String(Number.isInteger(asked) && asked >= 1 && asked <= 1000 ? asked : PAGE));
  const [meta, page] = await Promise.all([api.meta(), api.events(params)]);
  const events = [...page.events];
  let cursor = page.next_cursor;

  const list = h('div', { class: 'timeline' });
  const status = h('p', { class: 'result-count', role: 'status' });
  const more = h('button', { type: 'button', class: 'more' }, t('timeline.more'));
  const sentinel = h('div', { class: 'sentinel', 'aria-hidden': 'true' });
  const update = () => {
    if (events.length) renderGroups(list, events);
    else list.replaceChildren(h('p', { class: 'empty' }, t('timeline.empty')));
    status.textContent =
      t('timeline.count', { n: fmtNumber(page.total) }) +
      (events.length < page.total ? ` · ${t('timeline.shown', { n: fmtNumber(events.length) })}` : '');
    more.hidden = !cursor;
  };
  let loadingMore = false;
  const loadMore = async () => {
    if (loadingMore || !cursor || !ctx.alive()) return;
    loadingMore = true;
    more.disabled = true;
    try {
      const next = await api.events(new URLSearchParams({ ...Object.fromEntries(params), cursor }));
      if (!ctx.alive()) return;
      events.push(...next.events);
      cursor = next.next_cursor;
      update();
    } finally {
      loadingMore = false;
      more.disabled = false;
    }
    // The observer reports only changes: when the end is still in reach, load the next page now.
    if (cursor && sentinel.getBoundingClientRect().top < window.innerHeight + 600) void loadMore();
  };
  more.addEventListener('click', () => void loadMore());
  // Load the next page when the end of the list comes near the screen.
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) void loadMore();
    },
    { rootMargin: '600px 0px' },
  );
  ctx.onLeave(() => observer.disconnect());

  const sortPick = select(
    'sort',
    [
      ['desc', t('timeline.sort.desc')],
      ['asc', t('timeline.sort.asc')],
    ],
    sort,
  );
  sortPick.addEventListener('change', () => {
    location.hash = route([], { ...Object.fromEntries(filters), sort: sortPick.value === 'asc' ? 'asc' : undefined });
  });
  update();
  const mounted = ctx.mount(
    h(
      'div',
      { class: 'page page-timeline' },
      filterForm(meta, r.query, [], { keep: { sort: sort === 'asc' ? 'asc' : undefined } }),
      h(
        'div',
        { class: 'list-bar' },
        status,
        h('label', { class: 'sort' }, h('span', { class: 'field-label' }, t('timeline.sort')), sortPick),
        downloads(filters),
      ),
      list,
      sentinel,
      more,
    ),
  );
  if (mounted) observer.observe(sentinel);
}
