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

/** Provenance pieces found in the evidence sentence: trigger words, modality cue, date expression. */
const PROVENANCE: [key: 'trigger_text' | 'modality_cue' | 'date_text', cls: string][] = [
  ['trigger_text', 'prov-trigger'],
  ['modality_cue', 'prov-cue'],
  ['date_text', 'prov-date'],
];

function provenanceSpans(text: string, m: Mention): Span[] {
  const out: Span[] = [];
  const lower = text.toLowerCase();
  for (const [key, cls] of PROVENANCE) {
    const needle = m.provenance?.[key]?.toLowerCase();
    if (!needle) continue;
    const at = lower.indexOf(needle);
    if (at >= 0) out.push({ start: at, end: at + needle.length, className: `prov ${cls}` });
  }
  return out;
}

/** The evidence sentence with what produced the event highlighted in it. */
function evidenceText(text: string, m: Mention): DocumentFragment {
  return highlighted(text, provenanceSpans(text, m));
}

/** How the mention was coded: trigger (lexicon entry), modality cue, date expression and where the date came from. */
function provenanceList(m: Mention): HTMLElement | null {
  const p = m.provenance;
  if (!p) return null;
  const item = (cls: string, label: string, value: Node | string) =>
    h('li', null, h('span', { class: `prov-key ${cls}` }, label), ' ', value);
  return h(
    'ul',
    { class: 'provenance', 'aria-label': t('prov.title') },
    p.trigger_text || p.trigger
      ? item(
          'prov-trigger',
          t('prov.trigger'),
          h(
            'span',
            null,
            h('q', null, p.trigger_text ?? p.trigger ?? ''),
            p.trigger && p.trigger !== p.trigger_text ? ` (${t('prov.entry')}: ${p.trigger})` : '',
          ),
        )
      : null,
    item('prov-cue', t('prov.cue'), p.modality_cue ? h('q', null, p.modality_cue) : t('prov.cue.none')),
    item(
      'prov-date',
      t('prov.date'),
      h(
        'span',
        null,
        p.date_text ? [h('q', null, p.date_text), ' '] : null,
        `(${t(`prov.from.${p.date_from ?? 'none'}` as 'prov.from.none')})`,
      ),
    ),
  );
}

/** Where the page came from: its address, else the file or the record of a container (feed, JSONL, WARC). */
function sourceOf(m: Mention): HTMLElement {
  if (m.url && /^https?:/i.test(m.url)) return externalLink(m.url, t('mention.open'), { class: 'ext' });
  const rec = /^(.*)#(\d+)$/.exec(m.doc);
  return h(
    'span',
    { class: 'source-origin' },
    rec ? t('mention.origin.record', { n: rec[2]!, file: rec[1]! }) : t('mention.origin.file', { file: m.doc }),
  );
}

function placeText(p: NonNullable<EventDetail['place']>): string {
  const name = [p.name, p.country].filter(Boolean).join(', ');
  if (p.lat === null || p.lon === null) return name;
  const at = `${fmtNumber(p.lat, 2)}, ${fmtNumber(p.lon, 2)}`;
  return `${name} (${at} · ${t(p.precision === 'city' ? 'place.city' : 'place.country')})`;
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
    h('blockquote', { class: 'evidence' }, evidenceText(m.evidence.text, m)),
    provenanceList(m),
    h('p', { class: 'mention-links' }, sourceOf(m), h('a', { href: route(['document', m.doc]) }, t('mention.document'))),
    details,
  );
}

/** "3 mentions in 2 articles from 1 outlet (1 article without one)": counted from the mentions listed below. */
function reports(ev: EventDetail): string {
  const docs = new Map(ev.mentions.map((m) => [m.doc, m.outlet]));
  const outlets = new Set([...docs.values()].filter((o): o is string => Boolean(o)));
  const unknown = [...docs.values()].filter((o) => !o).length;
  const base = t(outlets.size ? 'event.reports.value' : 'event.reports.nooutlet', {
    m: plural(ev.mentions.length, 'row.mention', 'row.mentions'),
    a: plural(docs.size, 'row.article', 'row.articles'),
    o: plural(outlets.size, 'row.outlet', 'row.outlets'),
  });
  return outlets.size && unknown ? `${base} ${t('event.reports.unknown', { n: plural(unknown, 'row.article', 'row.articles') })}` : base;
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
      const mark = box.querySelector<HTMLElement>(`#evidence-${i}`);
      // The trigger, cue and date inside the evidence sentence of the article, too.
      if (mark) mark.replaceChildren(evidenceText(mark.textContent ?? '', m));
      // Scroll the article box (not the page) so the sentence shows; the page stays at its title.
      if (scroll && mark) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3);
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
        [t('event.place'), ev.place ? placeText(ev.place) : '–'],
        [t('event.reports'), reports(ev)],
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
