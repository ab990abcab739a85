// Hand-made documents for the store tests.
import { createHash } from 'node:crypto';
import type { Actor, CodedEvent, Document, EventType, Modality } from '../../src/types.ts';

export interface EvSpec {
  type: EventType;
  mode?: string | null;
  src: string | null;
  tgt: string | null;
  srcName?: string | null;
  tgtName?: string | null;
  date?: string | null;
  dateEnd?: string | null;
  modality?: Modality;
  place?: string | null;
  goldstein?: number;
  cameo?: string;
  text: string;
}

export interface DocSpec {
  doc: string;
  published?: string | null;
  outlet?: string | null;
  url?: string | null;
  title?: string | null;
  /** Extra text before the evidence sentences (changes the content hash). */
  lead?: string;
  events: EvSpec[];
}

const CAMEO: Partial<Record<EventType, [string, number]>> = {
  CONSULT: ['040', 1],
  AGREE: ['057', 8],
  ACCUSE: ['112', -2],
  SANCTION: ['163', -8],
  THREATEN: ['130', -4.4],
  ASSAULT: ['190', -10],
  COOPERATE: ['060', 6],
  AID: ['070', 7],
  REQUEST: ['020', 3],
  PROTEST: ['140', -6.5],
};

function actor(country: string | null, name: string | null | undefined): Actor {
  return { name: name ?? null, country, sector: name ? 'GOV' : null };
}

export function makeDoc(spec: DocSpec): Document {
  let body = spec.lead ? `${spec.lead}\n\n` : '';
  const events: CodedEvent[] = [];
  const sentences = [];
  for (const e of spec.events) {
    const start = body.length;
    body += e.text;
    const end = body.length;
    body += ' ';
    sentences.push({ start, end, text: e.text });
    const [cameo, g] = CAMEO[e.type] ?? ['010', 0];
    events.push({
      type: e.type,
      mode: e.mode ?? null,
      cameo: e.cameo ?? cameo,
      goldstein: e.goldstein ?? g,
      source: actor(e.src, e.srcName),
      target: actor(e.tgt, e.tgtName),
      date: e.date ?? null,
      date_end: e.dateEnd ?? null,
      modality: e.modality ?? 'occurred',
      place: e.place ? { name: e.place, country: null } : null,
      evidence: { text: e.text, start, end },
      confidence: 0.8,
    });
  }
  body = body.trimEnd();
  return {
    doc: spec.doc,
    url: spec.url === undefined ? `https://news.example/${spec.doc}` : spec.url,
    language: 'en',
    title: spec.title ?? `Title of ${spec.doc}`,
    published: spec.published ?? null,
    published_source: spec.published ? 'page' : null,
    outlet: spec.outlet ?? null,
    author: null,
    dateline: null,
    sources: [],
    body,
    sentences,
    content_hash: createHash('sha256').update(body).digest('hex'),
    events,
  };
}

/** The planned visit (14 March) and its report (18 March). */
export const plannedDoc = makeDoc({
  doc: 'kompas-2020-03-14.txt',
  published: '2020-03-14T09:00:00+07:00',
  outlet: 'Kompas.com',
  events: [
    {
      type: 'CONSULT',
      mode: 'visit',
      src: 'KOR',
      tgt: 'USA',
      srcName: 'Kang Kyung-wha',
      date: '2020-03-18',
      modality: 'planned',
      place: 'Washington',
      text: 'Foreign Minister Kang Kyung-wha will visit Washington on 18 March.',
    },
  ],
});

export const occurredDoc = makeDoc({
  doc: 'antara-2020-03-18.txt',
  published: '2020-03-18T20:00:00+07:00',
  outlet: 'Antara',
  events: [
    {
      type: 'CONSULT',
      mode: 'visit',
      src: 'KOR',
      tgt: 'USA',
      srcName: 'Kang Kyung-wha',
      date: '2020-03-18',
      modality: 'occurred',
      place: 'Washington',
      text: 'Kang Kyung-wha arrived in Washington on Wednesday for talks.',
    },
  ],
});

/** A set of documents with events that merge across documents in several ways. */
export function chronicleDocs(): Document[] {
  return [
    plannedDoc,
    occurredDoc,
    makeDoc({
      doc: 'tempo-2020-03-19.txt',
      published: '2020-03-19T08:00:00+07:00',
      outlet: 'Tempo',
      events: [
        {
          type: 'AGREE',
          src: 'USA',
          tgt: 'KOR',
          date: '2020-03',
          text: 'Washington and Seoul agreed in March to extend the currency swap.',
        },
        {
          type: 'CONSULT',
          mode: 'visit',
          src: 'KOR',
          tgt: 'USA',
          srcName: 'Kang Kyung-wha',
          modality: 'occurred',
          text: 'Kang visited the United States this week.',
        },
      ],
    }),
    makeDoc({
      doc: 'antara-2020-03-20.txt',
      published: '2020-03-20T10:00:00+07:00',
      outlet: 'Antara',
      events: [
        {
          type: 'AGREE',
          src: 'KOR',
          tgt: 'USA',
          date: '2020-03-19',
          text: 'South Korea and the US signed a 60 billion dollar swap agreement on Thursday.',
        },
      ],
    }),
    makeDoc({
      doc: 'xinhua-2020-05-02.txt',
      published: '2020-05-02T12:00:00+08:00',
      outlet: 'Xinhua',
      events: [
        {
          type: 'ACCUSE',
          src: 'CHN',
          tgt: 'USA',
          srcName: 'Zhao Lijian',
          date: '2020-05-01',
          text: 'Spokesman Zhao Lijian accused Washington of smearing China on Friday.',
        },
      ],
    }),
    makeDoc({
      doc: 'kompas-2020-05-03.txt',
      published: '2020-05-03T07:00:00+07:00',
      outlet: 'Kompas.com',
      events: [
        {
          type: 'ACCUSE',
          src: 'CHN',
          tgt: 'USA',
          srcName: 'Zhao Lijian',
          date: '2020-05-02',
          text: 'Zhao Lijian menuduh Amerika Serikat menyebarkan kebohongan.',
        },
        {
          type: 'ACCUSE',
          src: 'CHN',
          tgt: 'USA',
          srcName: 'Hua Chunying',
          date: '2020-05-02',
          text: 'Hua Chunying also accused the US of hypocrisy.',
        },
        { type: 'ACCUSE', src: 'CHN', tgt: 'USA', text: 'China has repeatedly accused the US.' },
      ],
    }),
    makeDoc({
      doc: 'reuters-2020-05-10.txt',
      published: '2020-05-10T15:00:00Z',
      outlet: 'Reuters',
      events: [
        {
          type: 'ACCUSE',
          src: 'CHN',
          tgt: 'USA',
          date: '2020-05-09',
          text: 'China on Saturday accused the United States of playing politics.',
        },
        {
          type: 'ACCUSE',
          src: 'USA',
          tgt: 'CHN',
          date: '2020-05-09',
          text: 'The US accused China of a cover-up on Saturday.',
        },
      ],
    }),
    makeDoc({
      doc: 'yonhap-2020-06-01.txt',
      published: '2020-06-01T09:00:00+09:00',
      outlet: 'Yonhap',
      events: [
        {
          type: 'CONSULT',
          src: 'KOR',
          tgt: 'PRK',
          date: '2020-06-15',
          modality: 'planned',
          place: 'Panmunjom',
          text: 'The two Koreas plan to hold talks at Panmunjom on 15 June.',
        },
      ],
    }),
    makeDoc({
      doc: 'yonhap-2020-06-10.txt',
      published: '2020-06-10T09:00:00+09:00',
      outlet: 'Yonhap',
      events: [
        {
          type: 'CONSULT',
          src: 'PRK',
          tgt: 'KOR',
          date: '2020-06-15',
          modality: 'cancelled',
          text: 'Pyongyang called off the 15 June talks with Seoul.',
        },
        {
          type: 'SANCTION',
          src: 'USA',
          tgt: 'PRK',
          date: '2020-06-09',
          text: 'The US Treasury imposed new sanctions on North Korean shipping on Tuesday.',
        },
      ],
    }),
    makeDoc({
      doc: 'bbc-2020-07-02.txt',
      published: '2020-07-02T10:00:00+01:00',
      outlet: 'BBC',
      events: [
        {
          type: 'ASSAULT',
          src: 'RUS',
          tgt: 'UKR',
          date: '2020-07-01',
          place: 'Donetsk',
          text: 'Shelling hit Donetsk on Wednesday.',
        },
        {
          type: 'ASSAULT',
          src: 'RUS',
          tgt: 'UKR',
          date: '2020-07-01',
          place: 'Kharkiv',
          text: 'A separate strike hit Kharkiv the same day.',
        },
        { type: 'AID', src: 'USA', tgt: 'UKR', text: 'The US has long supplied aid to Ukraine.' },
      ],
    }),
    makeDoc({
      doc: 'undated-feed-item.txt',
      published: null,
      outlet: null,
      events: [
        {
          type: 'ASSAULT',
          src: 'RUS',
          tgt: 'UKR',
          date: '2020-07-02',
          place: 'Kharkiv',
          text: 'Kharkiv was struck again overnight, officials said.',
        },
      ],
    }),
  ];
}

/** Deterministic documents for the crash test: consecutive pairs restate one event. */
export function crashDoc(i: number): Document {
  const day = String((Math.floor(i / 2) % 27) + 1).padStart(2, '0');
  const month = String((Math.floor(i / 54) % 12) + 1).padStart(2, '0');
  return makeDoc({
    doc: `crash-${String(i).padStart(3, '0')}.txt`,
    published: `2021-${month}-${day}T${String(10 + (i % 2)).padStart(2, '0')}:00:00Z`,
    outlet: i % 3 === 0 ? 'Kompas.com' : 'Antara',
    events: [
      {
        type: 'CONSULT',
        src: 'IDN',
        tgt: i % 4 < 2 ? 'AUS' : 'JPN',
        date: `2021-${month}-${day}`,
        modality: i % 2 === 0 ? 'planned' : 'occurred',
        text: `Document ${i}: Indonesia held talks with its partner on 2021-${month}-${day}.`,
      },
      {
        type: 'COOPERATE',
        src: 'IDN',
        tgt: 'MYS',
        date: `2021-${month}`,
        text: `Document ${i}: Indonesia and Malaysia cooperate on border patrols.`,
      },
    ],
  });
}
