// #/network : who met or called whom, as a force-directed graph laid out once and drawn in SVG.
import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import { api, type NetworkNode } from './api.ts';
import { field, type Route, select, type ViewContext } from './common.ts';
import { h, route, svg } from './dom.ts';
import { fmtNumber, t } from './i18n.ts';

interface Node extends SimulationNodeDatum, NetworkNode {
  r: number;
}
interface Link extends SimulationLinkDatum<Node> {
  n_events: number;
}

const PALETTE = [
  '#3949ab',
  '#00897b',
  '#c0ca33',
  '#f4511e',
  '#8e24aa',
  '#039be5',
  '#6d4c41',
  '#d81b60',
  '#43a047',
  '#fdd835',
  '#5e35b1',
  '#00acc1',
];

function colorOf(country: string | null): string {
  if (!country) return '#9e9e9e';
  let hash = 0;
  for (const ch of country) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

const TICKS = 300;

export async function networkView(ctx: ViewContext, r: Route): Promise<void> {
  const type = r.query.get('type') ?? 'CONSULT';
  const level = r.query.get('level') === 'country' ? 'country' : 'actor';
  const net = await api.network({ type: type === 'all' ? undefined : type, level, limit: '120' });

  const go = (next: Record<string, string>) => {
    location.hash = route(['network'], { type, level, ...next });
  };
  const typePick = select(
    'type',
    [
      ['CONSULT', t('network.consult')],
      ['all', t('network.all')],
    ],
    type === 'all' ? 'all' : 'CONSULT',
  );
  typePick.addEventListener('change', () => go({ type: typePick.value }));
  const levelPick = select(
    'level',
    [
      ['actor', t('network.level.actor')],
      ['country', t('network.level.country')],
    ],
    level,
  );
  levelPick.addEventListener('change', () => go({ level: levelPick.value }));

  const head = [
    h('div', { class: 'toolbar' }, field(t('network.types'), typePick), field(t('network.level'), levelPick)),
    h('h1', null, t('network.title')),
    h('p', { class: 'hint' }, t('network.hint')),
  ];
  if (!net.nodes.length) {
    ctx.mount(h('div', { class: 'page page-network' }, head, h('p', { class: 'empty' }, t('network.empty'))));
    return;
  }

  const maxN = Math.max(...net.nodes.map((n) => n.n_events));
  const nodes: Node[] = net.nodes.map((n) => ({ ...n, r: 6 + 22 * Math.sqrt(n.n_events / maxN) }));
  const links: Link[] = net.edges.map((e) => ({ source: e.source, target: e.target, n_events: e.n_events }));
  const W = 960;
  const H = 600;
  const sim = forceSimulation<Node>(nodes)
    .force(
      'link',
      forceLink<Node, Link>(links)
        .id((d) => d.id)
        .distance((l) => 60 + (l.source as Node).r + (l.target as Node).r),
    )
    .force('charge', forceManyBody<Node>().strength(-320))
    .force('x', forceX<Node>(W / 2).strength(0.05))
    .force('y', forceY<Node>(H / 2).strength(0.08))
    .force('center', forceCenter(W / 2, H / 2))
    .force(
      'collide',
      forceCollide<Node>((d) => d.r + 18),
    )
    .stop();
  for (let i = 0; i < TICKS; i++) sim.tick();

  // Fit the drawing to the laid-out nodes (with room for labels).
  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  // Never zoom in beyond the layout's own scale: a small network stays small and centred.
  const pad = 90;
  const x0 = Math.min(...xs) - pad;
  const x1 = Math.max(...xs) + pad;
  const y0 = Math.min(...ys) - pad / 2;
  const y1 = Math.max(...ys) + pad / 2;
  const width = Math.max(x1 - x0, W);
  const height = Math.max(y1 - y0, H * 0.75);
  const minX = (x0 + x1) / 2 - width / 2;
  const minY = (y0 + y1) / 2 - height / 2;
  const maxE = Math.max(1, ...links.map((l) => l.n_events));

  const drawing = svg(
    'svg',
    {
      class: 'network',
      viewBox: `${minX.toFixed(1)} ${minY.toFixed(1)} ${width.toFixed(1)} ${height.toFixed(1)}`,
      role: 'img',
      'aria-label': t('network.title'),
    },
    svg(
      'g',
      { class: 'links' },
      ...links.map((l) => {
        const s = l.source as Node;
        const d = l.target as Node;
        return svg(
          'line',
          { x1: s.x ?? 0, y1: s.y ?? 0, x2: d.x ?? 0, y2: d.y ?? 0, 'stroke-width': (1 + 5 * (l.n_events / maxE)).toFixed(2) },
          svg('title', null, `${s.label} — ${d.label}: ${t('network.n', { n: fmtNumber(l.n_events) })}`),
        );
      }),
    ),
    svg(
      'g',
      { class: 'nodes' },
      ...nodes.map((n) => {
        const href = n.name ? route([], { actor: n.name }) : route([], { country: n.country ?? undefined });
        return svg(
          'a',
          { href, class: 'node' },
          svg('title', null, `${n.label}: ${t('network.n', { n: fmtNumber(n.n_events) })}`),
          svg('circle', { cx: (n.x ?? 0).toFixed(1), cy: (n.y ?? 0).toFixed(1), r: n.r.toFixed(1), fill: colorOf(n.country) }),
          svg('text', { x: (n.x ?? 0).toFixed(1), y: ((n.y ?? 0) + n.r + 14).toFixed(1), 'text-anchor': 'middle' }, n.label),
        );
      }),
    ),
  );
  ctx.mount(h('div', { class: 'page page-network' }, head, h('div', { class: 'card network-card' }, drawing)));
}
