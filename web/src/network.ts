// #/network : who interacted with whom, as a force-directed graph drawn in SVG. Zoom and pan the
// drawing (d3-zoom), drag a node (d3-drag); edges are coloured cooperation against conflict
// (their main quad class); labels that would overlap are left out, and keep a readable size.
import { drag } from 'd3-drag';
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
import { select as d3select } from 'd3-selection';
import { zoom, zoomIdentity } from 'd3-zoom';
import { api, type Meta, type NetworkNode } from './api.ts';
import { field, type Route, select, type ViewContext } from './common.ts';
import { h, route, svg } from './dom.ts';
import { QUAD_COLORS } from './dyad.ts';
import { fmtNumber, modalityLabel, quadLabel, t, typeLabel } from './i18n.ts';

interface Node extends SimulationNodeDatum, NetworkNode {
  r: number;
}
interface Link extends SimulationLinkDatum<Node> {
  n_events: number;
  quad: number[];
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

/** The quad class (1–4) holding most of an edge's events. */
function mainQuad(quad: number[]): number {
  let best = 0;
  for (let i = 1; i < 4; i++) if ((quad[i] ?? 0) > (quad[best] ?? 0)) best = i;
  return best + 1;
}

const TICKS = 300;
const LABEL_PX = 13;

/** The title says what the drawing shows: the event type chosen, or every type. */
function titleOf(type: string): string {
  if (type === 'CONSULT') return t('network.title');
  if (type === 'all') return t('network.title.all');
  return t('network.title.type', { type: typeLabel(type) });
}

/**
 * Shows labels most important first, skipping any that would overlap one already shown;
 * sizes them to LABEL_PX screen pixels at the current zoom.
 */
function placeLabels(drawing: SVGSVGElement, labels: SVGTextElement[], scale: number): void {
  const size = LABEL_PX / scale;
  const taken: DOMRect[] = [];
  for (const el of labels) {
    // A style property (set through the CSSOM, which the CSP allows) wins over the stylesheet's size.
    el.style.fontSize = `${size.toFixed(2)}px`;
    el.removeAttribute('visibility');
    const b = el.getBBox();
    const pad = 2 / scale;
    const box = new DOMRect(b.x - pad, b.y - pad, b.width + 2 * pad, b.height + 2 * pad);
    const clash = taken.some((o) => box.x < o.right && box.right > o.x && box.y < o.bottom && box.bottom > o.y);
    if (clash) el.setAttribute('visibility', 'hidden');
    else taken.push(box);
  }
  drawing.dataset.labelsShown = String(taken.length);
}

export async function networkView(ctx: ViewContext, r: Route): Promise<void> {
  const type = r.query.get('type') ?? 'CONSULT';
  const level = r.query.get('level') === 'country' ? 'country' : 'actor';
  const modality = r.query.get('modality') ?? '';
  const [meta, net] = await Promise.all([
    api.meta(),
    api.network({ type: type === 'all' ? undefined : type, level, modality: modality || undefined, limit: '120' }),
  ]);

  const go = (next: Record<string, string>) => {
    location.hash = route(['network'], { type, level, modality: modality || undefined, ...next });
  };
  const typePick = select(
    'type',
    [
      ['all', t('network.all')],
      ...(meta as Meta).types.map((x): [string, string] => [x, x === 'CONSULT' ? t('network.consult') : `${typeLabel(x)} (${x})`]),
    ],
    type,
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
  const statusPick = select(
    'modality',
    [
      ['', modalityLabel('occurred')],
      ...meta.modalities.filter((m) => m !== 'occurred').map((m): [string, string] => [m, modalityLabel(m)]),
    ],
    modality,
  );
  statusPick.addEventListener('change', () => go({ modality: statusPick.value }));

  const legend = h(
    'div',
    { class: 'legend', 'aria-label': t('legend.title') },
    ...[1, 2, 3, 4].map((q) => h('span', { class: 'legend-item' }, h('span', { class: `legend-line q${q}` }), quadLabel(q))),
    h('span', { class: 'legend-item' }, h('span', { class: 'legend-dot' }), t('network.legend.node')),
  );
  const head = [
    h(
      'div',
      { class: 'toolbar' },
      field(t('network.types'), typePick),
      field(t('network.level'), levelPick),
      field(t('filter.status.counted'), statusPick),
    ),
    h('h1', null, titleOf(type)),
    h('p', { class: 'hint' }, t('network.hint')),
  ];
  if (!net.nodes.length) {
    ctx.mount(h('div', { class: 'page page-network' }, head, h('p', { class: 'empty' }, t('network.empty'))));
    return;
  }

  const maxN = Math.max(...net.nodes.map((n) => n.n_events));
  const nodes: Node[] = net.nodes.map((n) => ({ ...n, r: 6 + 22 * Math.sqrt(n.n_events / maxN) }));
  const links: Link[] = net.edges.map((e) => ({ source: e.source, target: e.target, n_events: e.n_events, quad: e.quad }));
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

  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
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

  const lines = links.map((l) => {
    const s = l.source as Node;
    const d = l.target as Node;
    const q = mainQuad(l.quad);
    return svg(
      'line',
      {
        x1: s.x ?? 0,
        y1: s.y ?? 0,
        x2: d.x ?? 0,
        y2: d.y ?? 0,
        class: `q${q}`,
        stroke: QUAD_COLORS[q - 1],
        'stroke-width': (1.5 + 5 * (l.n_events / maxE)).toFixed(2),
      },
      svg('title', null, `${s.label} — ${d.label}: ${t('network.n', { n: fmtNumber(l.n_events) })} · ${quadLabel(q)}`),
    );
  });
  const order = [...nodes].sort((a, b) => b.n_events - a.n_events);
  const labelOf = new Map<Node, SVGTextElement>();
  const groups = nodes.map((n) => {
    const href = n.name ? route([], { actor: n.name }) : route([], { country: n.country ?? undefined });
    const label = svg('text', { x: (n.x ?? 0).toFixed(1), y: ((n.y ?? 0) + n.r + 14).toFixed(1), 'text-anchor': 'middle' }, n.label);
    labelOf.set(n, label);
    return svg(
      'a',
      { href, class: 'node', 'data-id': n.id },
      svg('title', null, `${n.label}: ${t('network.n', { n: fmtNumber(n.n_events) })}`),
      svg('circle', { cx: (n.x ?? 0).toFixed(1), cy: (n.y ?? 0).toFixed(1), r: n.r.toFixed(1), fill: colorOf(n.country) }),
      label,
    );
  });
  const content = svg('g', { class: 'content' }, svg('g', { class: 'links' }, ...lines), svg('g', { class: 'nodes' }, ...groups));
  const drawing = svg(
    'svg',
    {
      class: 'network',
      viewBox: `${minX.toFixed(1)} ${minY.toFixed(1)} ${width.toFixed(1)} ${height.toFixed(1)}`,
      role: 'img',
      'aria-label': titleOf(type),
    },
    content,
  );
  const reset = h('button', { type: 'button', class: 'reset-zoom' }, t('map.reset'));
  if (!ctx.mount(h('div', { class: 'page page-network' }, head, legend, h('div', { class: 'card network-card' }, reset, drawing)))) return;

  // Screen pixels per drawing unit at zoom 1.
  const baseScale = () => Math.min(drawing.clientWidth / width, drawing.clientHeight / height) || 1;
  let zoomK = 1;
  const labels = order.map((n) => labelOf.get(n)!);
  const relabel = () => placeLabels(drawing, labels, baseScale() * zoomK);
  const z = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.5, 8])
    .on('zoom', (ev: { transform: { k: number; toString(): string } }) => {
      content.setAttribute('transform', ev.transform.toString());
      zoomK = ev.transform.k;
    })
    .on('end', relabel);
  d3select(drawing).call(z);
  reset.addEventListener('click', () => d3select(drawing).call(z.transform, zoomIdentity));

  // Dragging a node moves it and its lines; a drag is not a click on its link.
  const moveNode = (n: Node) => {
    const g = groups[nodes.indexOf(n)]!;
    g.querySelector('circle')!.setAttribute('cx', String(n.x));
    g.querySelector('circle')!.setAttribute('cy', String(n.y));
    labelOf.get(n)!.setAttribute('x', String(n.x));
    labelOf.get(n)!.setAttribute('y', String((n.y ?? 0) + n.r + 14));
    links.forEach((l, i) => {
      if (l.source === n) {
        lines[i]!.setAttribute('x1', String(n.x));
        lines[i]!.setAttribute('y1', String(n.y));
      }
      if (l.target === n) {
        lines[i]!.setAttribute('x2', String(n.x));
        lines[i]!.setAttribute('y2', String(n.y));
      }
    });
  };
  let dragged = false;
  d3select(content)
    .selectAll<SVGAElement, unknown>('a.node')
    .data(nodes)
    .call(
      drag<SVGAElement, Node>()
        .on('start', () => {
          dragged = false;
        })
        .on('drag', (ev: { dx: number; dy: number }, n) => {
          dragged = true;
          n.x = (n.x ?? 0) + ev.dx;
          n.y = (n.y ?? 0) + ev.dy;
          moveNode(n);
        })
        .on('end', () => {
          if (dragged) relabel();
        }),
    );
  for (const g of groups)
    g.addEventListener('click', (ev) => {
      if (dragged) {
        ev.preventDefault();
        dragged = false;
      }
    });
  relabel();
  const onResize = () => relabel();
  window.addEventListener('resize', onResize);
  ctx.onLeave(() => window.removeEventListener('resize', onResize));
}
