// Pieces shared by the views: event rows, badges, actor labels, the view context.
import type { ActorRef, EventSummary } from './api.ts';
import { h, route } from './dom.ts';
import { fmtDateRange, fmtNumber, modalityLabel, modeLabel, t, typeLabel } from './i18n.ts';

export interface ViewContext {
  /** Replaces the page content, unless the user has navigated away meanwhile. */
  mount(node: Node): boolean;
  /** Whether this view is still the current one. */
  alive(): boolean;
  /** Runs when the view is left (destroy charts, …). */
  onLeave(fn: () => void): void;
}

export interface Route {
  /** Decoded path segments after "#/". */
  path: string[];
  query: URLSearchParams;
}

export function actorLabel(a: ActorRef): string {
  if (a.name && a.country) return `${a.name} (${a.country})`;
  return a.name ?? a.country ?? '?';
}

/** Statuses that did not (or not yet) happen get a badge. */
export function statusBadge(status: string): HTMLElement | null {
  if (status === 'occurred') return null;
  return h('span', { class: `badge badge-${status}` }, modalityLabel(status));
}

export function typeChip(type: string, mode: string | null, quad: number | null): HTMLElement {
  return h(
    'span',
    { class: `etype q${quad ?? 0}`, title: type + (mode ? ` / ${mode}` : '') },
    typeLabel(type),
    mode ? h('span', { class: 'mode' }, ` · ${modeLabel(mode)}`) : null,
  );
}

/** "source → type/mode → target", as a row cell or a page heading. */
export function eventWhat(tag: 'span' | 'h1', ev: Pick<EventSummary, 'source' | 'target' | 'type' | 'mode' | 'quad_class'>): HTMLElement {
  return h(
    tag,
    { class: 'ev-what' },
    h('span', { class: 'actor' }, actorLabel(ev.source)),
    h('span', { class: 'arrow', 'aria-hidden': 'true' }, ' → '),
    typeChip(ev.type, ev.mode, ev.quad_class),
    h('span', { class: 'arrow', 'aria-hidden': 'true' }, ' → '),
    h('span', { class: 'actor' }, actorLabel(ev.target)),
  );
}

export function plural(
  n: number,
  one: 'row.article' | 'row.outlet' | 'row.mention',
  many: 'row.articles' | 'row.outlets' | 'row.mentions',
): string {
  return n === 1 ? t(one) : t(many, { n: fmtNumber(n) });
}

/** One event in a list: date, source → type/mode → target, place, articles/outlets. */
export function eventRow(ev: EventSummary): HTMLLIElement {
  return h(
    'li',
    { class: `ev status-${ev.status}`, 'data-id': ev.id },
    h(
      'a',
      { class: 'ev-link', href: route(['event', ev.id]) },
      h('span', { class: 'ev-date' }, fmtDateRange(ev.date, ev.date_end)),
      h('span', { class: 'ev-main' }, eventWhat('span', ev), statusBadge(ev.status)),
      h('span', { class: 'ev-place' }, ev.place ? ev.place.name : ''),
      h(
        'span',
        { class: 'ev-count' },
        plural(ev.n_articles, 'row.article', 'row.articles'),
        // Pages without a known outlet are counted as articles only, never as "0 outlets".
        ev.n_outlets > 0 ? [h('span', { class: 'sep' }, ' · '), plural(ev.n_outlets, 'row.outlet', 'row.outlets')] : null,
      ),
    ),
  );
}

export function loading(): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, t('loading'));
}

export function errorBox(e: unknown): HTMLElement {
  const msg = e instanceof Error ? e.message : String(e);
  return h('div', { class: 'error', role: 'alert' }, h('strong', null, t('error')), ': ', msg);
}

/** A labelled form control. */
export function field(label: string, control: HTMLElement, cls = ''): HTMLLabelElement {
  return h('label', { class: `field ${cls}`.trim() }, h('span', { class: 'field-label' }, label), control);
}

export function select(name: string, options: [value: string, label: string][], value: string | null): HTMLSelectElement {
  const s = h('select', { name }, ...options.map(([v, l]) => h('option', { value: v }, l)));
  s.value = value ?? '';
  return s;
}
