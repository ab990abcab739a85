// Hand-made documents for the server and browser tests, and a temporary store holding them.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestDocument, openStore, type Store } from '../../src/store/index.ts';
import type { CodedEvent, Document, EventType, Modality, Provenance } from '../../src/types.ts';

interface Ev {
  type: EventType;
  mode?: string;
  src: [string | null, string | null];
  tgt: [string | null, string | null];
  date?: string;
  modality?: Modality;
  place?: string;
  goldstein: number;
  /** The evidence sentence; it must occur in the body. */
  text: string;
  provenance?: Provenance;
}

interface Spec {
  doc: string;
  outlet: string | null;
  published: string;
  title: string;
  url?: string | null;
  language?: 'en' | 'id';
  /** Paragraphs of the body; evidence sentences are found in it. */
  body: string[];
  events: Ev[];
}

function makeDoc(s: Spec): Document {
  const body = s.body.join('\n\n');
  const events: CodedEvent[] = s.events.map((e) => {
    const start = body.indexOf(e.text);
    if (start < 0) throw new Error(`fixture ${s.doc}: evidence not in body: ${e.text}`);
    return {
      type: e.type,
      mode: e.mode ?? null,
      cameo: '010',
      goldstein: e.goldstein,
      source: { name: e.src[1], country: e.src[0], sector: e.src[1] ? 'GOV' : null },
      target: { name: e.tgt[1], country: e.tgt[0], sector: e.tgt[1] ? 'GOV' : null },
      date: e.date ?? null,
      date_end: null,
      modality: e.modality ?? 'occurred',
      place: e.place ? { name: e.place, country: null } : null,
      evidence: { text: e.text, start, end: start + e.text.length },
      confidence: 0.9,
      ...(e.provenance ? { provenance: e.provenance } : {}),
    };
  });
  return {
    doc: s.doc,
    url: s.url === undefined ? `https://news.example/${encodeURIComponent(s.doc)}` : s.url,
    language: s.language ?? 'en',
    title: s.title,
    published: s.published,
    published_source: 'page',
    outlet: s.outlet,
    author: null,
    dateline: null,
    sources: [],
    body,
    sentences: [],
    content_hash: createHash('sha256').update(body).digest('hex'),
    events,
  };
}

export const XSS_SCRIPT = '<script>alert(1)</script>';
export const XSS_IMG = '<img src=x onerror=alert(1)>';
export const SQL_INJECTION = `"'; DROP TABLE events; --`;
export const XSS_DOC = 'xss/statement 1.html';
export const XSS_EVIDENCE = `The statement, posted as ${XSS_SCRIPT}, said Indonesia and Malaysia agreed to cooperate on haze.`;
/** A record of a feed without a web address or an outlet. */
export const NO_URL_DOC = 'feed.jsonl#3';
export const NO_URL_EVIDENCE = 'Japan protested to China on Friday over a survey ship near the Senkaku Islands.';
export const VISIT_EVIDENCE = 'Kang Kyung-wha arrived in Washington on Wednesday for talks with Mike Pompeo.';

export function fixtureDocs(): Document[] {
  return [
    makeDoc({
      doc: 'yonhap-2020-02-03.txt',
      outlet: 'Yonhap',
      published: '2020-02-03T18:00:00+09:00',
      title: 'Kang and Pompeo discuss virus response by phone',
      body: [
        'SEOUL, Feb. 3 (Yonhap) -- Foreign Minister Kang Kyung-wha held a phone call with Mike Pompeo on Monday.',
        'The two discussed the novel coronavirus and North Korea.',
      ],
      events: [
        {
          type: 'CONSULT',
          mode: 'phone',
          src: ['KOR', 'Kang Kyung-wha'],
          tgt: ['USA', 'Mike Pompeo'],
          date: '2020-02-03',
          goldstein: 1,
          text: 'SEOUL, Feb. 3 (Yonhap) -- Foreign Minister Kang Kyung-wha held a phone call with Mike Pompeo on Monday.',
        },
      ],
    }),
    makeDoc({
      doc: XSS_DOC,
      outlet: SQL_INJECTION,
      published: '2020-02-20T10:00:00+07:00',
      title: `Haze statement ${XSS_IMG}`,
      url: 'javascript:alert(1)',
      body: [
        XSS_EVIDENCE,
        `A commenter wrote ${XSS_IMG} under the post, and another wrote ${SQL_INJECTION}.`,
        'Officials said the joint task force would meet again in March.',
      ],
      events: [
        {
          type: 'AGREE',
          src: ['IDN', null],
          tgt: ['MYS', null],
          date: '2020-02-20',
          goldstein: 4,
          text: XSS_EVIDENCE,
        },
      ],
    }),
    makeDoc({
      doc: 'kompas-2020-03-14.txt',
      outlet: 'Kompas.com',
      published: '2020-03-14T09:00:00+07:00',
      title: 'Menlu Korea Selatan akan ke Washington',
      language: 'id',
      body: [
        'Kang Kyung-wha dijadwalkan mengunjungi Washington pada 18 Maret, kata kementerian luar negeri di Seoul.',
        'Kunjungan itu membahas kerja sama penanganan virus corona.',
      ],
      events: [
        {
          type: 'CONSULT',
          mode: 'visit',
          src: ['KOR', 'Kang Kyung-wha'],
          tgt: ['USA', null],
          date: '2020-03-18',
          modality: 'planned',
          place: 'Washington',
          goldstein: 1.9,
          text: 'Kang Kyung-wha dijadwalkan mengunjungi Washington pada 18 Maret, kata kementerian luar negeri di Seoul.',
        },
      ],
    }),
    makeDoc({
      doc: 'antara-2020-03-18.txt',
      outlet: 'Antara',
      published: '2020-03-18T20:00:00+07:00',
      title: 'Kang arrives in Washington',
      body: [
        VISIT_EVIDENCE,
        'Washington and Seoul agreed to extend the currency swap line on Friday.',
        'China accused the United States of politicising the outbreak.',
      ],
      events: [
        {
          type: 'CONSULT',
          mode: 'visit',
          src: ['KOR', 'Kang Kyung-wha'],
          tgt: ['USA', 'Mike Pompeo'],
          date: '2020-03-18',
          place: 'Washington',
          goldstein: 1.9,
          text: VISIT_EVIDENCE,
          provenance: {
            trigger: 'arrive in',
            trigger_text: 'arrived in',
            date_from: 'sentence',
            date_text: 'on Wednesday',
            rules: ['visit-place-host', 'roles-on-event-day'],
          },
        },
        {
          type: 'AGREE',
          src: ['USA', null],
          tgt: ['KOR', null],
          date: '2020-03-20',
          goldstein: 4,
          text: 'Washington and Seoul agreed to extend the currency swap line on Friday.',
        },
        {
          type: 'ACCUSE',
          src: ['CHN', 'Zhao Lijian'],
          tgt: ['USA', null],
          date: '2020-03-17',
          goldstein: -2,
          text: 'China accused the United States of politicising the outbreak.',
        },
      ],
    }),
    makeDoc({
      doc: 'reuters-2020-03-30.txt',
      outlet: 'Reuters',
      published: '2020-03-30T12:00:00Z',
      title: 'Pompeo to visit Seoul in April; Jokowi cancels Canberra trip',
      body: [
        'U.S. Secretary of State Mike Pompeo will travel to Seoul in April, officials said.',
        'Indonesian President Joko Widodo cancelled his planned visit to Canberra.',
        'Washington could impose sanctions on Beijing over the crackdown, a senator said.',
        'North Korea denied that it had threatened the South.',
      ],
      events: [
        {
          type: 'CONSULT',
          mode: 'visit',
          src: ['USA', 'Mike Pompeo'],
          tgt: ['KOR', null],
          date: '2020-04',
          modality: 'planned',
          place: 'Seoul',
          goldstein: 1.9,
          text: 'U.S. Secretary of State Mike Pompeo will travel to Seoul in April, officials said.',
        },
        {
          type: 'CONSULT',
          mode: 'visit',
          src: ['IDN', 'Joko Widodo'],
          tgt: ['AUS', null],
          date: '2020-03-31',
          modality: 'cancelled',
          place: 'Canberra',
          goldstein: 1.9,
          text: 'Indonesian President Joko Widodo cancelled his planned visit to Canberra.',
        },
        {
          type: 'SANCTION',
          src: ['USA', null],
          tgt: ['CHN', null],
          date: '2020-05',
          modality: 'hypothetical',
          goldstein: -8,
          text: 'Washington could impose sanctions on Beijing over the crackdown, a senator said.',
        },
        {
          type: 'THREATEN',
          src: ['PRK', null],
          tgt: ['KOR', null],
          date: '2020-03-29',
          modality: 'negated',
          goldstein: -4.4,
          text: 'North Korea denied that it had threatened the South.',
        },
      ],
    }),
    makeDoc({
      doc: NO_URL_DOC,
      outlet: null,
      url: null,
      published: '2020-04-11T09:00:00Z',
      title: 'Tokyo protests over the survey ship',
      body: ['Japan protested to China on Friday over a survey ship near the Senkaku Islands.', 'The ministry gave no details.'],
      events: [
        {
          type: 'PROTEST',
          src: ['JPN', null],
          tgt: ['CHN', null],
          date: '2020-04-10',
          place: 'Tokyo',
          goldstein: -6.5,
          text: NO_URL_EVIDENCE,
        },
      ],
    }),
    makeDoc({
      doc: 'korea-herald-2020-05-02.txt',
      outlet: 'The Korea Herald',
      published: '2020-05-02T08:00:00+09:00',
      title: 'Seoul asks Washington to ease cost-sharing demands',
      body: [
        'Seoul on Saturday asked Washington to ease its demands in the defence cost-sharing talks.',
        'Japan and South Korea held talks on export controls, the ministry said.',
      ],
      events: [
        {
          type: 'REQUEST',
          src: ['KOR', null],
          tgt: ['USA', null],
          date: '2020-05-02',
          goldstein: -0.5,
          text: 'Seoul on Saturday asked Washington to ease its demands in the defence cost-sharing talks.',
        },
        {
          type: 'CONSULT',
          src: ['JPN', null],
          tgt: ['KOR', null],
          goldstein: 1,
          text: 'Japan and South Korea held talks on export controls, the ministry said.',
        },
      ],
    }),
  ];
}

/** Events in the store after ingesting fixtureDocs() (the two reports of Kang's visit merge). */
export const N_EVENTS = 12;
/** Events of the USA:KOR dyad: phone call, visit, swap agreement, Pompeo's planned visit, request. */
export const N_USA_KOR = 5;

export interface TempStore {
  store: Store;
  path: string;
  dir: string;
  cleanup(): Promise<void>;
}

/** A SQLite store in a fresh temporary folder holding the fixtures. */
export async function fixtureStore(): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), 'kronik-server-'));
  const path = join(dir, 'chronicle.db');
  const store = await openStore(path);
  for (const doc of fixtureDocs()) await ingestDocument(store, doc);
  let closed = false;
  return {
    store,
    path,
    dir,
    async cleanup() {
      if (!closed) await store.close();
      closed = true;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
