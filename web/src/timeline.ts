// #/ : events in date order, grouped by month, with a filter bar.
import { api, type EventSummary, type Meta } from './api.ts';
import { eventRow, field, type Route, select, type ViewContext } from './common.ts';
import { h, route } from './dom.ts';
import { fmtMonth, fmtNumber, modalityLabel, t, typeLabel } from './i18n.ts';

const PAGE = 200;
/** Query keys the timeline passes on to /api/events. */
const FILTER_KEYS = ['dyad', 'directed', 'country', 'actor', 'type', 'modality', 'outlet', 'from', 'to', 'q'] as const;

function monthKey(date: string | null): string {
  if (!date) return 'undated';
  return /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : date.slice(0, 4);
}

function monthHeading(key: string): string {
  if (key === 'undated') return t('timeline.undated');
  if (/^\d{4}$/.test(key)) return t('timeline.yearonly', { y: key });
  return fmtMonth(key, 'long');
}

/** A full date for a date input from a partial one (start or end of the period). */
function dayOf(partial: string | null, end: boolean): string {
  if (!partial) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(partial)) return partial;
  if (/^\d{4}-\d{2}$/.test(partial)) {
    if (!end) return `${partial}-01`;
    const [y, m] = partial.split('-').map(Number);
    return new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
  }
  if (/^\d{4}$/.test(partial)) return end ? `${partial}-12-31` : `${partial}-01-01`;
  return '';
}

function filterForm(meta: Meta, q: URLSearchParams): HTMLFormElement {
  const [dA, dB] = (q.get('dyad') ?? '').split(':');
  const countryA = dA && dB ? dA : (q.get('country') ?? '');
  const countryB = dA && dB ? dB : '';
  const countries: [string, string][] = [
    ['', t('filter.any')],
    ...meta.countries.map((c): [string, string] => [c.code, `${c.code} (${fmtNumber(c.n_events)})`]),
  ];
  const types: [string, string][] = [['', t('filter.any')], ...meta.types.map((x): [string, string] => [x, `${typeLabel(x)} (${x})`])];
  const modalities: [string, string][] = [['', t('filter.any')], ...meta.modalities.map((m): [string, string] => [m, modalityLabel(m)])];
  const outlets: [string, string][] = [['', t('filter.any')], ...meta.outlets.map((o): [string, string] => [o.name, o.name])];
  const outlet = q.get('outlet') ?? '';
  if (outlet && !meta.outlets.some((o) => o.name === outlet)) outlets.push([outlet, outlet]);

  const directed = h('input', { type: 'checkbox', name: 'directed' });
  directed.checked = q.get('directed') === 'true';
  const input = (name: string, type: string, value: string, placeholder = '') => {
    const el = h('input', { name, type, placeholder: placeholder || null, autocomplete: 'off' });
    el.value = value;
    return el;
  };

  const form = h(
    'form',
    { class: 'filters', 'aria-label': t('filter.title'), role: 'search' },
    field(t('filter.country'), select('country', countries, countryA)),
    field(t('filter.with'), select('with', countries, countryB)),
    field(t('filter.actor'), input('actor', 'text', q.get('actor') ?? '', t('filter.actor.placeholder'))),
    field(t('filter.type'), select('type', types, (q.get('type') ?? '').toUpperCase())),
    field(t('filter.modality'), select('modality', modalities, q.get('modality'))),
    field(t('filter.outlet'), select('outlet', outlets, outlet)),
    field(t('filter.from'), input('from', 'date', dayOf(q.get('from'), false))),
    field(t('filter.to'), input('to', 'date', dayOf(q.get('to'), true))),
    field(t('filter.text'), input('q', 'search', q.get('q') ?? '', t('filter.text.placeholder')), 'wide'),
    h(
      'div',
      { class: 'filter-actions' },
      h('label', { class: 'check' }, directed, ' ', t('filter.directed')),
      h('button', { type: 'submit', class: 'primary' }, t('filter.apply')),
      h('a', { class: 'button', href: '#/' }, t('filter.reset')),
    ),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const val = (k: string) => String(data.get(k) ?? '').trim();
    const out: Record<string, string> = {};
    const a = val('country');
    const b = val('with');
    if (a && b) {
      out.dyad = `${a}:${b}`;
      if (data.get('directed')) out.directed = 'true';
    } else if (a || b) out.country = a || b;
    for (const k of ['actor', 'type', 'modality', 'outlet', 'from', 'to', 'q']) if (val(k)) out[k] = val(k);
    const next = route([], out);
    if (location.hash === next) window.dispatchEvent(new HashChangeEvent('hashchange'));
    else location.hash = next;
  });
  return form;
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
  const params = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = r.query.get(k);
    if (v) params.set(k, v);
  }
  params.set('limit', String(PAGE));
  const [meta, page] = await Promise.all([api.meta(), api.events(params)]);
  const events = [...page.events];

  const list = h('div', { class: 'timeline' });
  const status = h('p', { class: 'result-count', role: 'status' });
  const more = h('button', { type: 'button', class: 'more' }, t('timeline.more'));
  const update = () => {
    if (events.length) renderGroups(list, events);
    else list.replaceChildren(h('p', { class: 'empty' }, t('timeline.empty')));
    status.textContent =
      t('timeline.count', { n: fmtNumber(page.total) }) +
      (events.length < page.total ? ` · ${t('timeline.shown', { n: fmtNumber(events.length) })}` : '');
    more.hidden = events.length >= page.total;
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    params.set('offset', String(events.length));
    try {
      const next = await api.events(params);
      if (!ctx.alive()) return;
      events.push(...next.events);
      update();
    } finally {
      more.disabled = false;
    }
  });
  update();
  ctx.mount(h('div', { class: 'page page-timeline' }, filterForm(meta, r.query), status, list, more));
}
