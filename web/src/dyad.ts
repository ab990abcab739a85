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
import { fmtMonth, fmtNumber, t } from './i18n.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

const QUAD_COLORS = ['#7cb342', '#2e7d32', '#fb8c00', '#c62828'];

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
  const { series } = await api.series(a, b);
  const points = fillMonths(series);

  const key = [a, b].sort().join(':');
  const options: [string, string][] = real.map((d) => [`${d.a}/${d.b}`, `${d.a} – ${d.b} (${fmtNumber(d.n_events)})`]);
  if (!real.some((d) => d.dyad === key)) options.unshift([`${a}/${b}`, `${a} – ${b}`]);
  const current = real.find((d) => d.dyad === key);
  const picker = select('pair', options, current ? `${current.a}/${current.b}` : `${a}/${b}`);
  picker.addEventListener('change', () => {
    const [x, y] = picker.value.split('/');
    if (x && y) location.hash = route(['dyad', x, y]);
  });

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
    points.length
      ? [
          h('section', { class: 'card chart-card' }, h('h2', null, t('dyad.counts')), h('div', { class: 'chart' }, countsCanvas)),
          h('section', { class: 'card chart-card' }, h('h2', null, t('dyad.quads')), h('div', { class: 'chart' }, quadCanvas)),
        ]
      : h('p', { class: 'empty' }, t('dyad.empty')),
  );
  if (!ctx.mount(page) || !points.length) return;

  const labels = points.map((p) => fmtMonth(p.month, 'short'));
  const font = { family: getComputedStyle(document.body).fontFamily, size: 12 };
  Chart.defaults.font = { ...Chart.defaults.font, ...font };
  Chart.defaults.color = '#4a5260';
  const counts = new Chart(countsCanvas, {
    data: {
      labels,
      datasets: [
        {
          type: 'bar',
          label: t('dyad.events'),
          data: points.map((p) => p.n_events),
          backgroundColor: '#9fa8da',
          borderColor: '#3949ab',
          borderWidth: 1,
          yAxisID: 'y',
          order: 2,
        },
        {
          type: 'line',
          label: t('dyad.goldstein.short'),
          data: points.map((p) => (Number.isFinite(p.goldstein_mean) ? p.goldstein_mean : null)),
          borderColor: '#d84315',
          backgroundColor: '#d84315',
          spanGaps: true,
          tension: 0.25,
          pointRadius: 4,
          yAxisID: 'g',
          order: 1,
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        y: { beginAtZero: true, grace: '10%', ticks: { precision: 0 }, title: { display: true, text: t('dyad.events') } },
        g: {
          position: 'right',
          min: -10,
          max: 10,
          grid: { drawOnChartArea: false },
          title: { display: true, text: t('dyad.goldstein') },
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
        data: points.map((p) => p[k]),
        backgroundColor: QUAD_COLORS[i],
      })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, grace: '10%', ticks: { precision: 0 } } },
    },
  });
  ctx.onLeave(() => {
    counts.destroy();
    quads.destroy();
  });
}
