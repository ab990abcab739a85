// #/search?q= : events and documents matching free text.
import { api } from './api.ts';
import { eventRow, type Route, type ViewContext } from './common.ts';
import { h, route, snippet } from './dom.ts';
import { fmtNumber, fmtPublished, t } from './i18n.ts';

export async function searchView(ctx: ViewContext, r: Route): Promise<void> {
  const q = (r.query.get('q') ?? '').trim();
  const input = h('input', { type: 'search', name: 'q', placeholder: t('search.placeholder'), 'aria-label': t('search.title') });
  input.value = q;
  const form = h('form', { class: 'searchbar', role: 'search' }, input, h('button', { type: 'submit', class: 'primary' }, t('search.go')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = route(['search'], { q: input.value.trim() });
  });
  if (!q) {
    ctx.mount(
      h('div', { class: 'page page-search' }, h('h1', null, t('search.title')), form, h('p', { class: 'hint' }, t('search.prompt'))),
    );
    input.focus();
    return;
  }
  const res = await api.search(q);
  ctx.mount(
    h(
      'div',
      { class: 'page page-search' },
      h('h1', null, t('search.title')),
      form,
      h('h2', null, t('search.events', { n: fmtNumber(res.events.length) })),
      res.events.length ? h('ol', { class: 'events' }, ...res.events.map(eventRow)) : h('p', { class: 'empty' }, t('search.none')),
      h('h2', null, t('search.documents', { n: fmtNumber(res.documents.length) })),
      res.documents.length
        ? h(
            'ol',
            { class: 'doc-hits' },
            ...res.documents.map((d) =>
              h(
                'li',
                { class: 'card doc-hit' },
                h('a', { class: 'doc-hit-title', href: route(['document', d.doc]) }, d.title ?? d.doc),
                h('p', { class: 'muted' }, [d.outlet, fmtPublished(d.published)].filter(Boolean).join(' · ')),
                h('p', { class: 'snippet' }, snippet(d.snippet)),
              ),
            ),
          )
        : h('p', { class: 'empty' }, t('search.none')),
    ),
  );
}
