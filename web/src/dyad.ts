// #/dyad/A/B : monthly event counts, mean Goldstein and quad-class counts of one country pair.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { api, type SeriesPoint } from './api.ts';
import { field, type Route, select, type ViewContext } from './common.ts';
import { h, route } from './dom.ts';
import { fmtMonth, fmtNumber, modalityLabel, t } from './i18n.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

export const QUAD_COLORS = ['#7cb342', '#2e7d32', '#fb8c00', '#c62828'];

/** Every month from the first to the last point, with empty months filled in. */
function fillMonths(series: SeriesPoint[]): SeriesPoint[] {
  if (!series.length) return [];
  const byMonth = new Map(series.map((p) => [p.month, p]));
  const [y0, m0] = series[0]!.month.split('-').map(Number) as [number, number];
  const [y1, m1] = series[series.length - 1]!.month.split('-').map(Number) as [number, number];
  const out: SeriesPoint[] = [];
  let y = y0;
  let m = m0;
  while (y < y1 || (y === y1 && m <= m1)) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(
      byMonth.get(key) ?? {
        month: key,
        n_events: 0,
        goldstein_mean: Number.NaN,
        verbal_coop: 0,
        material_coop: 0,
        verbal_conflict: 0,
        material_conflict: 0,
      },
    );
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Bar colours of the statuses: occurred events solid, the others each in a colour of their own. */
const STATUS_COLORS: Record<string, string> = {
  occurred: '#3949ab',
  planned: '#1e88e5',
  expected: '#00acc1',
  cancelled: '#c62828',
  negated: '#8d6e63',
  hypothetical: '#9e9e9e',
};

/** The statuses shown, from `?status=planned,cancelled` (occurred always). */
function statusesOf(q: URLSearchParams): string[] {
  const extra = (q.get('status') ?? '').split(',').filter((s) => s in STATUS_COLORS && s !== 'occurred');
  return ['occurred', ...extra];
}

/** Every month from the first to the last of several series. */
function monthsOf(all: SeriesPoint[][]): string[] {
  const months = all
    .flat()
    .map((p) => p.month)
    .sort();
  if (!months.length) return [];
  return fillMonths([
    { ...EMPTY, month: months[0]! },
    { ...EMPTY, month: months[months.length - 1]! },
  ]).map((p) => p.month);
}

const EMPTY: SeriesPoint = {
  month: '',
  n_events: 0,
  goldstein_mean: Number.NaN,
  verbal_coop: 0,
  material_coop: 0,
  verbal_conflict: 0,
  material_conflict: 0,
};

export async function dyadView(ctx: ViewContext, r: Route): Promise<void> {
  const dyads = await api.dyads();
  const real = dyads.filter((d) => d.a !== '-' && d.b !== '-');
  const [a, b] = [r.path[1]?.toUpperCase(), r.path[2]?.toUpperCase()];
  if (!a || !b) {
    const top = real[0];
    if (!top) {
      ctx.mount(h('div', { class: 'page' }, h('h1', null, t('nav.dyad')), h('p', { class: 'empty' }, t('dyad.none'))));
      return;
    }
    location.replace(route(['dyad', top.a, top.b]));
    return;
  }
  const statuses = statusesOf(r.query);
  const results = await Promise.all(statuses.map((s) => api.series(a, b, { modality: s })));
  const byStatus = new Map(statuses.map((s, i) => [s, new Map(results[i]!.series.map((p) => [p.month, p]))]));
  const months = monthsOf(results.map((x) => x.series));
  const occurred = byStatus.get('occurred')!;
  const point = (s: string, m: string) => byStatus.get(s)?.get(m) ?? { ...EMPTY, month: m };

  const key = [a, b].sort().join(':');
  const options: [string, string][] = real.map((d) => [`${d.a}/${d.b}`, `${d.a} – ${d.b} (${fmtNumber(d.n_events)})`]);
  if (!real.some((d) => d.dyad === key)) options.unshift([`${a}/${b}`, `${a} – ${b}`]);
  const current = real.find((d) => d.dyad === key);
  const picker = select('pair', options, current ? `${current.a}/${current.b}` : `${a}/${b}`);
  const go = (next: { pair?: string; status?: string[] }) => {
    const [x, y] = (next.pair ?? `${a}/${b}`).split('/');
    const st = (next.status ?? statuses).filter((s) => s !== 'occurred');
    location.hash = route(['dyad', x ?? a, y ?? b], { status: st.length ? st.join(',') : undefined });
  };
  picker.addEventListener('change', () => go({ pair: picker.value }));
  const toggles = h(
    'fieldset',
    { class: 'status-toggles' },
    h('legend', null, t('dyad.statuses')),
    ...Object.keys(STATUS_COLORS).map((s) => {
      const box = h('input', { type: 'checkbox', name: 'status', value: s });
      box.checked = statuses.includes(s);
      box.disabled = s === 'occurred';
      box.addEventListener('change', () => go({ status: box.checked ? [...statuses, s] : statuses.filter((x) => x !== s) }));
      return h(
        'label',
        { class: `status-toggle status-${s}` },
        box,
        h('span', { class: 'swatch', style: null, 'data-color': s }),
        modalityLabel(s),
      );
    }),
  );

  const countsCanvas = h('canvas', { 'aria-label': t('dyad.counts'), role: 'img' });
  const quadCanvas = h('canvas', { 'aria-label': t('dyad.quads'), role: 'img' });
  const page = h(
    'div',
    { class: 'page page-dyad' },
    h(
      'div',
      { class: 'toolbar' },
      field(t('dyad.pick'), picker),
      h('a', { class: 'button', href: route([], { dyad: `${a}:${b}` }) }, t('dyad.timeline')),
    ),
    h('h1', null, t('dyad.title', { a, b })),
    toggles,
    months.length
      ? [
          h(
            'section',
            { class: 'card chart-card' },
            h('h2', null, t('dyad.counts')),
            h('p', { class: 'hint' }, t('dyad.counts.hint')),
            h('div', { class: 'chart' }, countsCanvas),
          ),
          h('section', { class: 'card chart-card' }, h('h2', null, t('dyad.quads')), h('div', { class: 'chart' }, quadCanvas)),
        ]
      : h('p', { class: 'empty' }, t('dyad.empty')),
  );
  if (!ctx.mount(page) || !months.length) return;

  const labels = months.map((m) => fmtMonth(m, 'short'));
  const font = { family: getComputedStyle(document.body).fontFamily, size: 12 };
  Chart.defaults.font = { ...Chart.defaults.font, ...font };
  Chart.defaults.color = '#4a5260';
  // A click on a month opens that month's events of the pair (of the status clicked, else occurred).
  const openMonth = (chart: Chart, ev: Event) => {
    const hit = chart.getElementsAtEventForMode(ev, 'index', { intersect: false }, false)[0];
    if (!hit) return;
    const month = months[hit.index];
    const status = chart === counts ? (statuses[hit.datasetIndex] ?? 'occurred') : 'occurred';
    if (month) location.hash = route([], { dyad: `${a}:${b}`, from: month, to: month, modality: status });
  };
  const counts = new Chart(countsCanvas, {
    data: {
      labels,
      datasets: [
        ...statuses.map((s, i) => ({
          type: 'bar' as const,
          label: `${t('dyad.events')}: ${modalityLabel(s)}`,
          data: months.map((m) => point(s, m).n_events),
          backgroundColor: STATUS_COLORS[s],
          borderColor: STATUS_COLORS[s],
          borderWidth: 1,
          yAxisID: 'y',
          order: 2 + i,
        })),
        {
          type: 'line' as const,
          label: t('dyad.goldstein.short'),
          // Months without occurred events have no mean: the line breaks there instead of bridging them.
          data: months.map((m) => {
            const p = occurred.get(m);
            return p && Number.isFinite(p.goldstein_mean) ? p.goldstein_mean : null;
          }),
          borderColor: '#d84315',
          backgroundColor: '#d84315',
          spanGaps: false,
          tension: 0,
          pointRadius: 4,
          yAxisID: 'g',
          order: 1,
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      layout: { padding: { right: 4 } },
      interaction: { mode: 'index', intersect: false },
      onClick: (e, _els, chart) => openMonth(chart, e.native as Event),
      scales: {
        y: { beginAtZero: true, grace: '10%', ticks: { precision: 0 }, title: { display: true, text: t('dyad.events') } },
        g: {
          position: 'right',
          min: -10,
          max: 10,
          grid: { drawOnChartArea: false },
          title: { display: true, text: t('dyad.goldstein.axis') },
        },
      },
    },
  });
  const quads = new Chart(quadCanvas, {
    type: 'bar',
    data: {
      labels,
      datasets: (['verbal_coop', 'material_coop', 'verbal_conflict', 'material_conflict'] as const).map((k, i) => ({
        label: t(`quad.${i + 1}` as 'quad.1'),
        data: months.map((m) => point('occurred', m)[k]),
        backgroundColor: QUAD_COLORS[i],
      })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      onClick: (e, _els, chart) => openMonth(chart, e.native as Event),
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, grace: '10%', ticks: { precision: 0 } } },
    },
  });
  ctx.onLeave(() => {
    counts.destroy();
    quads.destroy();
  });
}
