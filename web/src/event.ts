// #/event/:id : every field of one event, and every mention with its article text and the
// evidence sentence highlighted. #/document/:id : one stored document.
import { ApiError, api, type EventDetail, type Mention, type StoredDocument } from './api.ts';
import { actorLabel, eventWhat, plural, type Route, statusBadge, typeChip, type ViewContext } from './common.ts';
import { externalLink, h, highlighted, route, type Span } from './dom.ts';
import { fmtDateRange, fmtNumber, fmtPublished, modalityLabel, modeLabel, quadLabel, t, typeLabel } from './i18n.ts';

/** Where the evidence is in the body: its stated offsets, or else its first occurrence. */
function locate(body: string, span: { text: string; start: number; end: number }): { start: number; end: number } | null {
  if (span.end > span.start && body.slice(span.start, span.end) === span.text) return { start: span.start, end: span.end };
  if (!span.text) return null;
  const at = body.indexOf(span.text);
  return at >= 0 ? { start: at, end: at + span.text.length } : null;
}

function mentionSpans(body: string, m: Mention, cls: string, id?: string): Span[] {
  const out: Span[] = [];
  const main = locate(body, m.evidence);
  if (main) out.push({ ...main, className: cls, ...(id ? { id } : {}) });
  for (const more of m.evidence_more ?? []) {
    const s = locate(body, more);
    if (s) out.push({ ...s, className: `${cls} evidence-more` });
  }
  return out;
}

function actorText(a: EventDetail['source']): string {
  return [actorLabel(a), a.sector].filter(Boolean).join(' · ');
}

function fields(rows: [string, Node | string][]): HTMLDListElement {
  return h('dl', { class: 'fields' }, ...rows.flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}

function notFound(ctx: ViewContext, msg: string): void {
  ctx.mount(h('div', { class: 'page' }, h('p', { class: 'empty' }, msg), h('a', { class: 'button', href: '#/' }, t('nav.timeline'))));
}

function mentionCard(m: Mention, i: number, onOpen: (box: HTMLElement, details: HTMLDetailsElement) => void): HTMLElement {
  const text = h('div', { class: 'doc-text' });
  const details = h('details', { class: 'article' }, h('summary', null, t('mention.text')), text);
  if (i === 0) details.open = true;
  details.addEventListener('toggle', () => {
    if (details.open) onOpen(text, details);
  });
  return h(
    'article',
    { class: `mention status-${m.modality}`, id: `mention-${i}` },
    h(
      'header',
      { class: 'mention-head' },
      h('strong', { class: 'outlet' }, m.outlet ?? m.doc),
      h('span', { class: 'published' }, fmtPublished(m.published)),
      h(
        'span',
        { class: 'stated' },
        `${t('mention.stated')} `,
        h('span', { class: `badge badge-${m.modality}` }, modalityLabel(m.modality)),
      ),
      h('span', { class: 'confidence' }, t('mention.confidence', { c: fmtNumber(m.confidence, 2) })),
    ),
    m.title ? h('p', { class: 'mention-title' }, m.title) : null,
    h('blockquote', { class: 'evidence' }, m.evidence.text),
    h(
      'p',
      { class: 'mention-links' },
      externalLink(m.url, t('mention.open'), { class: 'ext' }),
      h('a', { href: route(['document', m.doc]) }, t('mention.document')),
    ),
    details,
  );
}

export async function eventView(ctx: ViewContext, r: Route): Promise<void> {
  const id = r.path[1] ?? '';
  let ev: EventDetail;
  try {
    ev = await api.event(id);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return notFound(ctx, t('event.notfound'));
    throw e;
  }
  const docs = new Map<string, Promise<StoredDocument>>();
  const loadDoc = (doc: string) => {
    let p = docs.get(doc);
    if (!p) docs.set(doc, (p = api.document(doc)));
    return p;
  };
  const loaded = new WeakSet<HTMLElement>();
  const open = async (m: Mention, i: number, box: HTMLElement, scroll: boolean) => {
    if (loaded.has(box)) return;
    loaded.add(box);
    box.replaceChildren(h('p', { class: 'loading' }, t('loading')));
    try {
      const d = await loadDoc(m.doc);
      if (!ctx.alive()) return;
      const spans = mentionSpans(d.body, m, 'evidence', `evidence-${i}`);
      box.replaceChildren(spans.length ? highlighted(d.body, spans) : d.body);
      if (d.language) box.lang = d.language;
      if (!spans.length) box.before(h('p', { class: 'warning' }, t('mention.evidence.missing')));
      const mark = box.querySelector('mark.evidence');
      if (scroll && mark) mark.scrollIntoView({ block: 'center' });
    } catch (e) {
      loaded.delete(box);
      box.replaceChildren(h('p', { class: 'error' }, e instanceof Error ? e.message : String(e)));
    }
  };

  const cards = ev.mentions.map((m, i) => mentionCard(m, i, (box) => void open(m, i, box, false)));
  const page = h(
    'div',
    { class: `page page-event status-${ev.status}` },
    h(
      'header',
      { class: 'event-head' },
      h('p', { class: 'event-date' }, fmtDateRange(ev.date, ev.date_end, 'long'), ev.place ? ` · ${ev.place.name}` : ''),
      eventWhat('h1', ev),
      statusBadge(ev.status),
    ),
    h(
      'section',
      { class: 'card' },
      fields([
        [t('event.type'), `${typeLabel(ev.type)} (${ev.type})`],
        [t('event.mode'), ev.mode ? modeLabel(ev.mode) : '–'],
        [t('event.cameo'), ev.cameo || '–'],
        [t('event.goldstein'), fmtNumber(ev.goldstein, 1)],
        [t('event.quad'), quadLabel(ev.quad_class)],
        [t('event.source'), actorText(ev.source)],
        [t('event.target'), actorText(ev.target)],
        [t('event.date'), fmtDateRange(ev.date, ev.date_end, 'long')],
        [t('event.status'), modalityLabel(ev.status)],
        [t('event.place'), ev.place ? [ev.place.name, ev.place.country].filter(Boolean).join(', ') : '–'],
        [
          t('event.reports'),
          t('event.reports.value', {
            m: plural(ev.n_mentions, 'row.mention', 'row.mentions'),
            a: plural(ev.n_articles, 'row.article', 'row.articles'),
            o: plural(ev.n_outlets, 'row.outlet', 'row.outlets'),
          }),
        ],
        [t('event.seen'), `${fmtPublished(ev.first_seen)} / ${fmtPublished(ev.last_seen)}`],
        [t('event.id'), h('code', null, ev.id)],
      ]),
    ),
    h('h2', null, `${t('event.mentions')} (${fmtNumber(ev.mentions.length)})`),
    h('div', { class: 'mentions' }, ...cards),
  );
  if (!ctx.mount(page)) return;
  const first = ev.mentions[0];
  const box = cards[0]?.querySelector<HTMLElement>('.doc-text');
  if (first && box) await open(first, 0, box, true);
}

export async function documentView(ctx: ViewContext, r: Route): Promise<void> {
  const id = r.path[1] ?? '';
  let d: StoredDocument;
  try {
    d = await api.document(id);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return notFound(ctx, t('doc.notfound'));
    throw e;
  }
  const spans = d.mentions.flatMap((m, i) => mentionSpans(d.body, m, 'evidence', `evidence-${i}`));
  const text = h('div', { class: 'doc-text' }, highlighted(d.body, spans));
  if (d.language) text.lang = d.language;
  const page = h(
    'div',
    { class: 'page page-document' },
    h('p', { class: 'kicker' }, t('doc.title')),
    h('h1', { class: 'doc-title' }, d.title ?? t('doc.untitled')),
    h(
      'section',
      { class: 'card' },
      fields([
        [t('doc.outlet'), d.outlet ?? '–'],
        [t('doc.published'), fmtPublished(d.published)],
        [t('doc.language'), d.language ?? '–'],
        [t('doc.author'), d.author ?? '–'],
        [t('doc.url'), d.url ? externalLink(d.url, d.url, { class: 'ext' }) : '–'],
      ]),
    ),
    d.mentions.length
      ? [
          h('h2', null, t('doc.events')),
          h(
            'ol',
            { class: 'doc-events' },
            ...d.mentions.map((m, i) =>
              h(
                'li',
                { class: `status-${m.modality}` },
                h(
                  m.event_id ? 'a' : 'span',
                  { href: m.event_id ? route(['event', m.event_id]) : null, 'data-evidence': `evidence-${i}` },
                  `${actorLabel(m.source)} → `,
                  typeChip(m.type, m.mode, null),
                  ` → ${actorLabel(m.target)}`,
                ),
                ' ',
                statusBadge(m.modality),
                h('span', { class: 'muted' }, ` ${fmtDateRange(m.date, m.date_end)}`),
              ),
            ),
          ),
        ]
      : null,
    h('h2', null, t('doc.text')),
    h('section', { class: 'card' }, text),
  );
  ctx.mount(page);
}
