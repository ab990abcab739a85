// #/map : events by place on a world map, coloured by quad class, filtered like the timeline.
// Offline: country outlines come from the bundled world-atlas TopoJSON, no tile server.
import { geoContains, geoEqualEarth, geoPath } from 'd3-geo';
import { select as d3select } from 'd3-selection';
import { zoom, zoomIdentity } from 'd3-zoom';
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';
import { api, type PlaceCount } from './api.ts';
import type { Route, ViewContext } from './common.ts';
import { h, route, svg } from './dom.ts';
import { QUAD_COLORS } from './dyad.ts';
import { downloads, filterForm, filterParams } from './filters.ts';
import { fmtNumber, modalityLabel, quadLabel, t } from './i18n.ts';

const W = 960;
const H = 500;

type Countries = FeatureCollection<Geometry, { name: string }>;
let world: Countries | null = null;

function worldShapes(): Countries {
  const topo = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  world ??= feature(topo, topo.objects.countries) as Countries;
  return world;
}

function mainQuad(quad: number[]): number {
  let best = 0;
  for (let i = 1; i < 4; i++) if ((quad[i] ?? 0) > (quad[best] ?? 0)) best = i;
  return best + 1;
}

export async function mapView(ctx: ViewContext, r: Route): Promise<void> {
  const filters = filterParams(r.query);
  const [meta, data] = await Promise.all([api.meta(), api.places(filters)]);
  const shapes = worldShapes();
  const projection = geoEqualEarth().fitExtent(
    [
      [8, 8],
      [W - 8, H - 8],
    ],
    { type: 'Sphere' },
  );
  const path = geoPath(projection);
  const maxN = Math.max(1, ...data.places.map((p) => p.n_events));
  // Countries holding a place of the map are shaded.
  const lit = new Set<string>();
  for (const p of data.places) {
    const hit = shapes.features.find((f) => geoContains(f, [p.lon, p.lat]));
    if (hit) lit.add(hit.properties.name);
  }
  const outlines = shapes.features.map((f) =>
    svg(
      'path',
      { d: path(f) ?? '', class: lit.has(f.properties.name) ? 'country lit' : 'country', 'data-name': f.properties.name },
      svg('title', null, f.properties.name),
    ),
  );
  const dot = (p: PlaceCount) => {
    const [x, y] = projection([p.lon, p.lat]) ?? [0, 0];
    const q = mainQuad(p.quad);
    const label = p.name ?? p.country ?? '';
    const parts = p.quad.map((n, i) => (n ? `${quadLabel(i + 1)} ${fmtNumber(n)}` : '')).filter(Boolean);
    return svg(
      'a',
      {
        href: route([], { ...Object.fromEntries(filters), place: p.name ?? p.country ?? undefined }),
        class: `place q${q}`,
        'data-place': label,
      },
      svg(
        'title',
        null,
        `${label}${p.country && p.name ? `, ${p.country}` : ''}: ${t('network.n', { n: fmtNumber(p.n_events) })} (${parts.join(', ')})`,
      ),
      svg('circle', {
        cx: x.toFixed(1),
        cy: y.toFixed(1),
        r: (4 + 14 * Math.sqrt(p.n_events / maxN)).toFixed(1),
        fill: QUAD_COLORS[q - 1],
        class: p.precision === 'country' ? 'approx' : null,
      }),
    );
  };
  const content = svg(
    'g',
    { class: 'content' },
    svg('path', { d: path({ type: 'Sphere' }) ?? '', class: 'sphere' }),
    svg('g', { class: 'countries' }, ...outlines),
    svg('g', { class: 'places' }, ...[...data.places].sort((a, b) => b.n_events - a.n_events).map(dot)),
  );
  const drawing = svg('svg', { class: 'map', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': t('map.title') }, content);
  const status = r.query.get('modality') || 'occurred';
  const reset = h('button', { type: 'button', class: 'reset-zoom' }, t('map.reset'));
  const page = h(
    'div',
    { class: 'page page-map' },
    filterForm(meta, r.query, ['map'], { aggregate: true }),
    h('h1', null, t('map.title')),
    h(
      'p',
      { class: 'result-count', role: 'status' },
      t('map.count', { n: fmtNumber(data.n_events - data.n_unplaced), s: modalityLabel(status), p: fmtNumber(data.places.length) }),
      data.n_unplaced ? ` · ${t('map.unplaced', { n: fmtNumber(data.n_unplaced) })}` : '',
    ),
    h(
      'div',
      { class: 'legend' },
      ...[1, 2, 3, 4].map((q) => h('span', { class: 'legend-item' }, h('span', { class: `legend-dot q${q}` }), quadLabel(q))),
      h('span', { class: 'legend-item' }, h('span', { class: 'legend-dot approx' }), t('map.legend.approx')),
    ),
    h('div', { class: 'card map-card' }, reset, drawing),
    downloads(new URLSearchParams({ ...Object.fromEntries(filters), modality: status })),
  );
  if (!ctx.mount(page)) return;
  const z = zoom<SVGSVGElement, unknown>()
    .scaleExtent([1, 12])
    .translateExtent([
      [0, 0],
      [W, H],
    ])
    .on('zoom', (ev: { transform: { k: number; toString(): string } }) => {
      content.setAttribute('transform', ev.transform.toString());
      drawing.style.setProperty('--k', String(ev.transform.k));
    });
  d3select(drawing).call(z);
  reset.addEventListener('click', () => d3select(drawing).call(z.transform, zoomIdentity));
}
