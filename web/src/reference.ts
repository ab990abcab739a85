// #/codebook : what the chronicle's codes mean (types, modes, statuses, CAMEO and Goldstein, how
// actors and dates are resolved), in the UI's language. #/api : the API reference, read from the
// OpenAPI description the server generates.
import { api } from './api.ts';
import type { Route, ViewContext } from './common.ts';
import { h, route } from './dom.ts';
import { type Key, modalityLabel, modeLabel, quadLabel, t, typeLabel } from './i18n.ts';

export async function codebookView(ctx: ViewContext, _r: Route): Promise<void> {
  const cb = await api.codebook();
  const section = (id: string, title: string, ...body: (Node | string | null)[]) =>
    h('section', { class: 'card codebook-section', id }, h('h2', null, title), ...body);
  ctx.mount(
    h(
      'div',
      { class: 'page page-codebook' },
      h('h1', null, t('codebook.title')),
      h('p', { class: 'hint' }, t('codebook.intro')),
      section(
        'types',
        t('codebook.types'),
        h(
          'table',
          { class: 'table' },
          h(
            'thead',
            null,
            h('tr', null, ...['codebook.type', 'codebook.quad', 'codebook.modes', 'codebook.cameo'].map((k) => h('th', null, t(k as Key)))),
          ),
          h(
            'tbody',
            null,
            ...cb.types.map((ty) =>
              h(
                'tr',
                { 'data-type': ty.type },
                h(
                  'td',
                  null,
                  h('strong', null, ty.type),
                  h('br'),
                  typeLabel(ty.type),
                  h('p', { class: 'muted' }, t(`type.${ty.type}` as Key)),
                ),
                h('td', null, h('span', { class: `etype q${ty.quad_class}` }, quadLabel(ty.quad_class))),
                h('td', null, ty.modes.map(modeLabel).join(', ') || '–'),
                h('td', null, ty.cameo.map((c) => `${c.code} (${c.goldstein > 0 ? '+' : ''}${c.goldstein})`).join(', ') || '–'),
              ),
            ),
          ),
        ),
      ),
      section(
        'statuses',
        t('codebook.statuses'),
        h('p', null, t('codebook.statuses.intro')),
        h(
          'dl',
          { class: 'fields' },
          ...cb.modalities.flatMap((m) => [
            h('dt', null, h('span', { class: `badge badge-${m}` }, modalityLabel(m))),
            h('dd', null, t(`status.${m}` as Key)),
          ]),
        ),
      ),
      section('goldstein', t('codebook.goldstein'), h('p', null, t('codebook.goldstein.text')), h('p', null, t('codebook.quad.text'))),
      section(
        'cameo',
        t('codebook.cameo.title'),
        h(
          'table',
          { class: 'table compact' },
          h('thead', null, h('tr', null, h('th', null, 'CAMEO'), h('th', null, t('codebook.cameo.name')), h('th', null, 'Goldstein'))),
          h(
            'tbody',
            null,
            ...cb.cameo.map((c) =>
              h('tr', null, h('td', null, h('code', null, c.code)), h('td', null, c.name), h('td', { class: 'num' }, String(c.goldstein))),
            ),
          ),
        ),
      ),
      section('actors', t('codebook.actors'), h('p', null, t('codebook.actors.text'))),
      section('dates', t('codebook.dates'), h('p', null, t('codebook.dates.text'))),
      section('merging', t('codebook.merging'), h('p', null, t('codebook.merging.text'))),
    ),
  );
}

function schemaText(s: Record<string, unknown> | undefined): string {
  if (!s) return '';
  const items = s.items as Record<string, unknown> | undefined;
  const en = (s.enum ?? items?.enum) as string[] | undefined;
  const type = s.type === 'array' ? `${String(items?.type ?? 'string')}[]` : String(s.type ?? '');
  return en ? `${type}: ${en.join(' | ')}` : type;
}

export async function apiView(ctx: ViewContext, _r: Route): Promise<void> {
  const doc = await api.openapi();
  const paths = Object.entries(doc.paths).filter(([, p]) => p.get);
  ctx.mount(
    h(
      'div',
      { class: 'page page-api' },
      h('h1', null, t('apiref.title')),
      h('p', { class: 'hint' }, t('apiref.intro'), ' ', h('a', { href: '/api/openapi.json' }, '/api/openapi.json')),
      h('p', null, doc.info.description ?? ''),
      h(
        'nav',
        { class: 'api-toc' },
        h(
          'ul',
          null,
          ...paths.map(([p]) =>
            h(
              'li',
              null,
              h(
                'a',
                {
                  href: '#/api',
                  onclick: (ev: Event) => {
                    ev.preventDefault();
                    document.querySelector(`[data-path="${CSS.escape(p)}"]`)?.scrollIntoView();
                  },
                },
                h('code', null, `GET ${p}`),
              ),
            ),
          ),
        ),
      ),
      ...paths.map(([p, item]) => {
        const op = item.get!;
        return h(
          'section',
          { class: 'card api-op', 'data-path': p },
          h('h2', null, h('code', null, `GET ${p}`)),
          h('p', null, op.summary ?? ''),
          op.description ? h('p', { class: 'muted' }, op.description) : null,
          op.parameters?.length
            ? h(
                'div',
                { class: 'table-wrap' },
                h(
                  'table',
                  { class: 'table compact' },
                  h(
                    'thead',
                    null,
                    h('tr', null, ...['apiref.param', 'apiref.in', 'apiref.type', 'apiref.desc'].map((k) => h('th', null, t(k as Key)))),
                  ),
                  h(
                    'tbody',
                    null,
                    ...op.parameters.map((q) =>
                      h(
                        'tr',
                        null,
                        h('td', null, h('code', null, q.name), q.required ? ' *' : ''),
                        h('td', null, q.in),
                        h('td', { class: 'schema' }, schemaText(q.schema)),
                        h('td', null, q.description ?? ''),
                      ),
                    ),
                  ),
                ),
              )
            : h('p', { class: 'muted' }, t('apiref.noparams')),
          h(
            'p',
            { class: 'muted' },
            t('apiref.responses'),
            ' ',
            Object.entries(op.responses)
              .map(([code, r]) => `${code} ${r.description ?? ''}`)
              .join(' · '),
          ),
        );
      }),
      h('p', null, h('a', { href: route(['codebook']) }, t('codebook.title'))),
    ),
  );
}
