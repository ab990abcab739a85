// The filter bar shared by the timeline and the map (the same parameters as GET /api/events), and
// the download links of a filtered list. On a phone the bar folds away behind its summary.
import { EXPORT_FORMATS, exportUrl, type Meta } from './api.ts';
import { field, select } from './common.ts';
import { h, route } from './dom.ts';
import { fmtNumber, modalityLabel, quadLabel, t, typeLabel } from './i18n.ts';

/** Query keys the views pass on to the API. */
export const FILTER_KEYS = [
  'dyad',
  'directed',
  'country',
  'actor',
  'type',
  'modality',
  'outlet',
  'place',
  'quad',
  'language',
  'from',
  'to',
  'q',
] as const;

/** The API filters of a route's query. */
export function filterParams(query: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = query.get(k);
    if (v) params.set(k, v);
  }
  return params;
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

export const NARROW = '(max-width: 820px)';

/**
 * The filter form. Submitting goes to `view` with the chosen filters (and `keep`, e.g. the sort).
 * `aggregate`: the status is one status counted, occurred by default.
 */
export function filterForm(
  meta: Meta,
  q: URLSearchParams,
  view: string[],
  opts: { keep?: Record<string, string | undefined>; aggregate?: boolean } = {},
): HTMLElement {
  const [dA, dB] = (q.get('dyad') ?? '').split(':');
  const countryA = dA && dB ? dA : (q.get('country') ?? '');
  const countryB = dA && dB ? dB : '';
  const any = (label = t('filter.any')): [string, string] => ['', label];
  const countries: [string, string][] = [
    any(),
    ...meta.countries.map((c): [string, string] => [c.code, `${c.code} (${fmtNumber(c.n_events)})`]),
  ];
  const types: [string, string][] = [any(), ...meta.types.map((x): [string, string] => [x, `${typeLabel(x)} (${x})`])];
  const modalities: [string, string][] = [
    any(opts.aggregate ? modalityLabel('occurred') : t('filter.any')),
    ...meta.modalities.filter((m) => !opts.aggregate || m !== 'occurred').map((m): [string, string] => [m, modalityLabel(m)]),
  ];
  const outlets: [string, string][] = [any(), ...meta.outlets.map((o): [string, string] => [o.name, o.name])];
  const outlet = q.get('outlet') ?? '';
  if (outlet && !meta.outlets.some((o) => o.name === outlet)) outlets.push([outlet, outlet]);
  const quads: [string, string][] = [any(), ...[1, 2, 3, 4].map((n): [string, string] => [String(n), quadLabel(n)])];
  const languages: [string, string][] = [any(), ...meta.languages.map((l): [string, string] => [l.code, l.code])];

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
    field(opts.aggregate ? t('filter.status.counted') : t('filter.modality'), select('modality', modalities, q.get('modality'))),
    field(t('filter.quad'), select('quad', quads, q.get('quad'))),
    field(t('filter.outlet'), select('outlet', outlets, outlet)),
    field(t('filter.language'), select('language', languages, q.get('language'))),
    field(t('filter.place'), input('place', 'text', q.get('place') ?? '', t('filter.place.placeholder'))),
    field(t('filter.from'), input('from', 'date', dayOf(q.get('from'), false))),
    field(t('filter.to'), input('to', 'date', dayOf(q.get('to'), true))),
    field(t('filter.text'), input('q', 'search', q.get('q') ?? '', t('filter.text.placeholder'))),
    h(
      'div',
      { class: 'filter-actions' },
      h('label', { class: 'check' }, directed, ' ', t('filter.directed')),
      h('button', { type: 'submit', class: 'primary' }, t('filter.apply')),
      h('a', { class: 'button', href: route(view) }, t('filter.reset')),
    ),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const val = (k: string) => String(data.get(k) ?? '').trim();
    const out: Record<string, string | undefined> = { ...opts.keep };
    const a = val('country');
    const b = val('with');
    if (a && b) {
      out.dyad = `${a}:${b}`;
      if (data.get('directed')) out.directed = 'true';
    } else if (a || b) out.country = a || b;
    for (const k of ['actor', 'type', 'modality', 'quad', 'outlet', 'language', 'place', 'from', 'to', 'q']) if (val(k)) out[k] = val(k);
    const next = route(view, out);
    if (location.hash === next) window.dispatchEvent(new HashChangeEvent('hashchange'));
    else location.hash = next;
  });
  const active = FILTER_KEYS.filter((k) => q.get(k)).length;
  const panel = h(
    'details',
    { class: 'filter-panel' },
    h('summary', null, t('filter.title'), active ? h('span', { class: 'filter-count' }, t('filter.active', { n: active })) : null),
    form,
  );
  panel.open = !window.matchMedia(NARROW).matches;
  return panel;
}

/** Download links for exactly the events of `filters`, in the four export formats. */
export function downloads(filters: URLSearchParams): HTMLElement {
  const names: Record<(typeof EXPORT_FORMATS)[number], string> = { csv: 'CSV', jsonl: 'JSONL', gdelt: 'GDELT TSV', plover: 'PLOVER JSON' };
  return h(
    'div',
    { class: 'downloads', role: 'group', 'aria-label': t('download.title') },
    h('span', { class: 'downloads-label' }, t('download.title')),
    ...EXPORT_FORMATS.map((f) =>
      h(
        'a',
        {
          class: 'button download',
          href: exportUrl(filters, f),
          download: '',
          'data-format': f,
          title: f === 'gdelt' && !filters.get('modality') ? t('download.gdelt.note') : null,
        },
        names[f],
      ),
    ),
  );
}
