// Labels and date/number formatting in Indonesian and English.

export type Lang = 'id' | 'en';
const STORAGE_KEY = 'kronik.lang';

const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

const STRINGS = {
  'app.tagline': { en: 'Chronicle of diplomatic events', id: 'Kronik peristiwa diplomatik' },
  'nav.timeline': { en: 'Timeline', id: 'Linimasa' },
  'nav.dyad': { en: 'Country pairs', id: 'Pasangan negara' },
  'nav.network': { en: 'Network', id: 'Jaringan' },
  'nav.search': { en: 'Search', id: 'Cari' },
  'lang.label': { en: 'Language', id: 'Bahasa' },
  loading: { en: 'Loading…', id: 'Memuat…' },
  error: { en: 'Could not load data', id: 'Gagal memuat data' },
  'not.found': { en: 'Page not found', id: 'Halaman tidak ditemukan' },
  'filter.title': { en: 'Filter events', id: 'Saring peristiwa' },
  'filter.country': { en: 'Country A', id: 'Negara A' },
  'filter.with': { en: 'Country B', id: 'Negara B' },
  'filter.directed': { en: 'Only A → B', id: 'Hanya A → B' },
  'filter.actor': { en: 'Actor', id: 'Aktor' },
  'filter.type': { en: 'Event type', id: 'Jenis peristiwa' },
  'filter.modality': { en: 'Status', id: 'Status' },
  'filter.outlet': { en: 'Outlet', id: 'Media' },
  'filter.from': { en: 'From', id: 'Dari' },
  'filter.to': { en: 'To', id: 'Sampai' },
  'filter.text': { en: 'Text', id: 'Teks' },
  'filter.any': { en: 'Any', id: 'Semua' },
  'filter.apply': { en: 'Apply', id: 'Terapkan' },
  'filter.reset': { en: 'Reset', id: 'Atur ulang' },
  'filter.actor.placeholder': { en: 'name, e.g. Pompeo', id: 'nama, mis. Retno' },
  'filter.text.placeholder': { en: 'words in the evidence', id: 'kata dalam kalimat bukti' },
  'timeline.count': { en: '{n} events', id: '{n} peristiwa' },
  'timeline.shown': { en: 'showing {n}', id: 'menampilkan {n}' },
  'timeline.more': { en: 'Load more', id: 'Muat lagi' },
  'timeline.empty': { en: 'No events match these filters.', id: 'Tidak ada peristiwa yang cocok dengan saringan ini.' },
  'timeline.undated': { en: 'Undated', id: 'Tanpa tanggal' },
  'timeline.yearonly': { en: '{y} (month unknown)', id: '{y} (bulan tidak diketahui)' },
  'row.articles': { en: '{n} articles', id: '{n} artikel' },
  'row.article': { en: '1 article', id: '1 artikel' },
  'row.outlets': { en: '{n} outlets', id: '{n} media' },
  'row.outlet': { en: '1 outlet', id: '1 media' },
  'row.nodate': { en: 'no date', id: 'tanpa tanggal' },
  'dyad.title': { en: 'Relations between {a} and {b}', id: 'Hubungan {a} dan {b}' },
  'dyad.pick': { en: 'Country pair', id: 'Pasangan negara' },
  'dyad.none': { en: 'No country pairs in the store yet.', id: 'Belum ada pasangan negara.' },
  'dyad.empty': { en: 'No events dated to a month for this pair.', id: 'Tidak ada peristiwa bertanggal bulan untuk pasangan ini.' },
  'dyad.events': { en: 'Events', id: 'Peristiwa' },
  'dyad.goldstein': { en: 'Mean Goldstein (cooperation +10 … conflict −10)', id: 'Rerata Goldstein (kerja sama +10 … konflik −10)' },
  'dyad.goldstein.short': { en: 'Mean Goldstein', id: 'Rerata Goldstein' },
  'dyad.counts': { en: 'Events per month and mean Goldstein score', id: 'Peristiwa per bulan dan rerata skor Goldstein' },
  'dyad.quads': { en: 'Events per month by quad class', id: 'Peristiwa per bulan menurut kelas kuadran' },
  'dyad.timeline': { en: 'Show these events in the timeline', id: 'Tampilkan peristiwa ini di linimasa' },
  'quad.1': { en: 'Verbal cooperation', id: 'Kerja sama verbal' },
  'quad.2': { en: 'Material cooperation', id: 'Kerja sama material' },
  'quad.3': { en: 'Verbal conflict', id: 'Konflik verbal' },
  'quad.4': { en: 'Material conflict', id: 'Konflik material' },
  'network.title': { en: 'Who met or called whom', id: 'Siapa bertemu atau menelepon siapa' },
  'network.types': { en: 'Events', id: 'Peristiwa' },
  'network.consult': { en: 'Meetings, visits and calls (CONSULT)', id: 'Pertemuan, kunjungan, dan telepon (CONSULT)' },
  'network.all': { en: 'All event types', id: 'Semua jenis peristiwa' },
  'network.level': { en: 'Nodes', id: 'Simpul' },
  'network.level.actor': { en: 'People and institutions', id: 'Tokoh dan lembaga' },
  'network.level.country': { en: 'Countries', id: 'Negara' },
  'network.empty': { en: 'No interactions to draw.', id: 'Tidak ada interaksi untuk digambar.' },
  'network.hint': {
    en: 'Node size: number of events. Line width: events between the two. Click a node to see its events.',
    id: 'Ukuran simpul: jumlah peristiwa. Tebal garis: peristiwa antara keduanya. Klik simpul untuk melihat peristiwanya.',
  },
  'network.n': { en: '{n} events', id: '{n} peristiwa' },
  'event.title': { en: 'Event', id: 'Peristiwa' },
  'event.notfound': { en: 'No such event.', id: 'Peristiwa tidak ditemukan.' },
  'event.type': { en: 'Type', id: 'Jenis' },
  'event.mode': { en: 'Mode', id: 'Moda' },
  'event.cameo': { en: 'CAMEO code', id: 'Kode CAMEO' },
  'event.goldstein': { en: 'Goldstein score', id: 'Skor Goldstein' },
  'event.quad': { en: 'Quad class', id: 'Kelas kuadran' },
  'event.source': { en: 'Source', id: 'Pelaku' },
  'event.target': { en: 'Target', id: 'Sasaran' },
  'event.date': { en: 'Date', id: 'Tanggal' },
  'event.status': { en: 'Status', id: 'Status' },
  'event.place': { en: 'Place', id: 'Tempat' },
  'event.reports': { en: 'Reports', id: 'Laporan' },
  'event.reports.value': { en: '{m} in {a} from {o}', id: '{m} dalam {a} dari {o}' },
  'row.mention': { en: '1 mention', id: '1 sebutan' },
  'row.mentions': { en: '{n} mentions', id: '{n} sebutan' },
  'event.seen': { en: 'First / last reported', id: 'Pertama / terakhir dilaporkan' },
  'event.id': { en: 'Event id', id: 'Id peristiwa' },
  'event.mentions': { en: 'Mentions', id: 'Sebutan' },
  'mention.stated': { en: 'stated as', id: 'dinyatakan sebagai' },
  'mention.confidence': { en: 'confidence {c}', id: 'keyakinan {c}' },
  'mention.open': { en: 'Open the original article', id: 'Buka artikel asli' },
  'mention.text': { en: 'Article text (cleaned)', id: 'Teks artikel (dibersihkan)' },
  'mention.document': { en: 'Document page', id: 'Halaman dokumen' },
  'mention.evidence.missing': {
    en: 'The evidence span was not found in the stored text.',
    id: 'Kalimat bukti tidak ditemukan dalam teks tersimpan.',
  },
  'doc.title': { en: 'Document', id: 'Dokumen' },
  'doc.notfound': { en: 'No such document.', id: 'Dokumen tidak ditemukan.' },
  'doc.outlet': { en: 'Outlet', id: 'Media' },
  'doc.published': { en: 'Published', id: 'Terbit' },
  'doc.language': { en: 'Language', id: 'Bahasa' },
  'doc.author': { en: 'Author', id: 'Penulis' },
  'doc.url': { en: 'Address', id: 'Alamat' },
  'doc.events': { en: 'Events coded from this document', id: 'Peristiwa yang dikodekan dari dokumen ini' },
  'doc.text': { en: 'Cleaned text', id: 'Teks yang dibersihkan' },
  'doc.untitled': { en: '(untitled)', id: '(tanpa judul)' },
  'search.title': { en: 'Search', id: 'Pencarian' },
  'search.placeholder': { en: 'e.g. Washington visit', id: 'mis. kunjungan Jakarta' },
  'search.go': { en: 'Search', id: 'Cari' },
  'search.events': { en: 'Events ({n})', id: 'Peristiwa ({n})' },
  'search.documents': { en: 'Documents ({n})', id: 'Dokumen ({n})' },
  'search.none': { en: 'Nothing found.', id: 'Tidak ditemukan.' },
  'search.prompt': { en: 'Type words to search events and documents.', id: 'Ketik kata untuk mencari peristiwa dan dokumen.' },
  'nav.map': { en: 'Map', id: 'Peta' },
  'nav.codebook': { en: 'Codebook', id: 'Buku kode' },
  'nav.api': { en: 'API', id: 'API' },
  'filter.status.counted': { en: 'Status counted', id: 'Status yang dihitung' },
  'filter.quad': { en: 'Quad class', id: 'Kelas kuadran' },
  'filter.language': { en: 'Language', id: 'Bahasa' },
  'filter.place': { en: 'Place', id: 'Tempat' },
  'filter.place.placeholder': { en: 'e.g. Seoul', id: 'mis. Seoul' },
  'filter.active': { en: '{n} active', id: '{n} aktif' },
  'download.title': { en: 'Download', id: 'Unduh' },
  'download.gdelt.note': {
    en: 'GDELT has no status column: this table holds occurred events only.',
    id: 'GDELT tidak punya kolom status: tabel ini hanya memuat peristiwa yang terjadi.',
  },
  'timeline.sort': { en: 'Order', id: 'Urutan' },
  'timeline.sort.desc': { en: 'Newest first', id: 'Terbaru dahulu' },
  'timeline.sort.asc': { en: 'Oldest first', id: 'Terlama dahulu' },
  'prov.title': { en: 'How it was coded', id: 'Cara dikodekan' },
  'prov.trigger': { en: 'Trigger', id: 'Pemicu' },
  'prov.entry': { en: 'lexicon entry', id: 'entri leksikon' },
  'prov.cue': { en: 'Status cue', id: 'Penanda status' },
  'prov.cue.none': { en: 'none (told as a fact)', id: 'tidak ada (dinyatakan sebagai fakta)' },
  'prov.date': { en: 'Date', id: 'Tanggal' },
  'prov.from.sentence': { en: 'stated in the sentence', id: 'disebut dalam kalimat' },
  'prov.from.inherited': { en: 'carried over from an earlier sentence', id: 'diambil dari kalimat sebelumnya' },
  'prov.from.publication': { en: 'the publication date', id: 'tanggal terbit' },
  'prov.from.none': { en: 'no date found', id: 'tanggal tidak ditemukan' },
  'mention.origin.record': { en: 'Record {n} of {file} (no web address)', id: 'Rekaman {n} dari {file} (tanpa alamat web)' },
  'mention.origin.file': { en: 'From the file {file} (no web address)', id: 'Dari berkas {file} (tanpa alamat web)' },
  'event.reports.nooutlet': { en: '{m} in {a}, outlet unknown', id: '{m} dalam {a}, media tidak diketahui' },
  'event.reports.unknown': { en: '({n} without a known outlet)', id: '({n} tanpa media yang diketahui)' },
  'place.city': { en: 'city', id: 'kota' },
  'place.country': { en: 'country centre: the place itself was not found', id: 'pusat negara: tempatnya sendiri tidak ditemukan' },
  'dyad.statuses': {
    en: 'Statuses shown (each in its own colour, never added up)',
    id: 'Status yang ditampilkan (masing-masing berwarna sendiri, tidak dijumlahkan)',
  },
  'dyad.counts.hint': {
    en: 'Click a month to see its events. The Goldstein line is the mean over occurred events; months without any are left blank.',
    id: 'Klik bulan untuk melihat peristiwanya. Garis Goldstein adalah rerata peristiwa yang terjadi; bulan tanpa peristiwa dibiarkan kosong.',
  },
  'dyad.goldstein.axis': { en: 'Goldstein (−10 … +10)', id: 'Goldstein (−10 … +10)' },
  'network.title.all': { en: 'Who interacted with whom', id: 'Siapa berinteraksi dengan siapa' },
  'network.title.type': { en: 'Who did what to whom: {type}', id: 'Siapa berbuat apa kepada siapa: {type}' },
  'network.legend.node': { en: 'node size: number of events', id: 'ukuran simpul: jumlah peristiwa' },
  'legend.title': { en: 'Legend', id: 'Keterangan' },
  'map.title': { en: 'Events by place', id: 'Peristiwa menurut tempat' },
  'map.count': { en: '{n} {s} events at {p} places', id: '{n} peristiwa ({s}) di {p} tempat' },
  'map.unplaced': { en: '{n} without a place (not on the map)', id: '{n} tanpa tempat (tidak di peta)' },
  'map.legend.approx': { en: 'ringed: placed at the country centre', id: 'bercincin: di pusat negara' },
  'map.reset': { en: 'Reset zoom', id: 'Atur ulang zum' },
  'codebook.title': { en: 'Codebook', id: 'Buku kode' },
  'codebook.intro': {
    en: 'What each code of the chronicle means, and how kronik decides who, what, when and where. Read from the lexicons the coder uses.',
    id: 'Arti setiap kode kronik, dan cara kronik menentukan siapa, apa, kapan, dan di mana. Dibaca dari leksikon yang dipakai pengode.',
  },
  'codebook.types': { en: 'Event types (PLOVER)', id: 'Jenis peristiwa (PLOVER)' },
  'codebook.type': { en: 'Type', id: 'Jenis' },
  'codebook.quad': { en: 'Quad class', id: 'Kelas kuadran' },
  'codebook.modes': { en: 'Modes', id: 'Moda' },
  'codebook.cameo': { en: 'CAMEO codes (Goldstein)', id: 'Kode CAMEO (Goldstein)' },
  'codebook.statuses': { en: 'Statuses', id: 'Status' },
  'codebook.statuses.intro': {
    en: 'The status says what the news tells of an event. Only occurred events are facts: charts, the network, the map, country-pair counts and the GDELT table count them alone unless another status is chosen, and statuses are never added up.',
    id: 'Status menyatakan apa yang diberitakan tentang suatu peristiwa. Hanya peristiwa yang terjadi adalah fakta: grafik, jaringan, peta, hitungan pasangan negara, dan tabel GDELT hanya menghitungnya kecuali status lain dipilih, dan status tidak pernah dijumlahkan.',
  },
  'codebook.goldstein': { en: 'Goldstein scale and quad classes', id: 'Skala Goldstein dan kelas kuadran' },
  'codebook.goldstein.text': {
    en: 'Each CAMEO code has a Goldstein score from −10 (most conflictual) to +10 (most cooperative), as GDELT publishes it. An event takes the score of its CAMEO code; a country pair’s monthly mean is taken over its occurred events.',
    id: 'Setiap kode CAMEO memiliki skor Goldstein dari −10 (paling konfliktual) sampai +10 (paling kooperatif), seperti yang diterbitkan GDELT. Peristiwa mengambil skor kode CAMEO-nya; rerata bulanan pasangan negara dihitung dari peristiwa yang terjadi.',
  },
  'codebook.quad.text': {
    en: 'PLOVER’s quad classes group the types: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. kronik counts SANCTION as material conflict.',
    id: 'Kelas kuadran PLOVER mengelompokkan jenis: 1 kerja sama verbal, 2 kerja sama material, 3 konflik verbal, 4 konflik material. kronik menghitung SANCTION sebagai konflik material.',
  },
  'codebook.cameo.title': { en: 'CAMEO codes', id: 'Kode CAMEO' },
  'codebook.cameo.name': { en: 'Name', id: 'Nama' },
  'codebook.actors': { en: 'How actors are resolved', id: 'Cara aktor ditentukan' },
  'codebook.actors.text': {
    en: 'Names of states, organisations, people and offices come from the lexicons. A role (“the foreign minister of South Korea”) is resolved to the person who held it on the event’s date; a person is coded with their country and sector (GOV, MIL, DIP, …). A pronoun or “the minister” refers back to the last fitting actor of the article.',
    id: 'Nama negara, organisasi, tokoh, dan jabatan berasal dari leksikon. Jabatan (“menteri luar negeri Korea Selatan”) ditentukan ke orang yang memegangnya pada tanggal peristiwa; tokoh dikodekan dengan negara dan sektornya (GOV, MIL, DIP, …). Kata ganti atau “menteri itu” merujuk ke aktor terakhir yang cocok dalam artikel.',
  },
  'codebook.dates': { en: 'How dates are resolved', id: 'Cara tanggal ditentukan' },
  'codebook.dates.text': {
    en: 'A date stated in the sentence comes first: relative ones (“on Monday”, “kemarin”, “next week”) are counted from the article’s publication date. Without one, a date may be carried over from an earlier sentence about the same happening; otherwise the event stays undated rather than taking the publication date. The event page says which of these gave the date.',
    id: 'Tanggal yang disebut dalam kalimat didahulukan: tanggal relatif (“pada Senin”, “kemarin”, “pekan depan”) dihitung dari tanggal terbit artikel. Tanpa itu, tanggal dapat diambil dari kalimat sebelumnya tentang kejadian yang sama; jika tidak, peristiwa dibiarkan tanpa tanggal dan tidak diberi tanggal terbit. Halaman peristiwa menyebut asal tanggalnya.',
  },
  'codebook.merging': { en: 'One event across articles', id: 'Satu peristiwa lintas artikel' },
  'codebook.merging.text': {
    en: 'Reports of the same type between the same countries, with overlapping dates (±1 day), compatible places and named actors, are one event. It has occurred as soon as one report says so; otherwise it takes the status of the latest report.',
    id: 'Laporan dengan jenis yang sama antara negara yang sama, dengan tanggal yang bertumpang (±1 hari), tempat dan aktor yang cocok, adalah satu peristiwa. Peristiwa dianggap terjadi begitu satu laporan menyatakannya; jika tidak, statusnya mengikuti laporan terbaru.',
  },
  'status.occurred': { en: 'It happened, as the news tells it.', id: 'Terjadi, sebagaimana diberitakan.' },
  'status.planned': {
    en: 'Announced or scheduled; not (yet) reported as done.',
    id: 'Diumumkan atau dijadwalkan; belum diberitakan terlaksana.',
  },
  'status.expected': { en: 'Said to be likely or expected.', id: 'Disebut mungkin atau diperkirakan.' },
  'status.cancelled': { en: 'Planned, then called off or postponed.', id: 'Direncanakan, lalu dibatalkan atau ditunda.' },
  'status.negated': { en: 'Denied: the news says it did not happen.', id: 'Disangkal: berita menyatakan tidak terjadi.' },
  'status.hypothetical': { en: 'Only a possibility, a condition or a question.', id: 'Hanya kemungkinan, syarat, atau pertanyaan.' },
  'type.AGREE': {
    en: 'Agree, promise or express intent to cooperate or meet.',
    id: 'Sepakat, berjanji, atau menyatakan niat bekerja sama atau bertemu.',
  },
  'type.CONSULT': { en: 'Meet, visit, call or negotiate.', id: 'Bertemu, berkunjung, menelepon, atau berunding.' },
  'type.SUPPORT': { en: 'Praise, endorse or sign an agreement.', id: 'Memuji, mendukung, atau menandatangani perjanjian.' },
  'type.CONCEDE': { en: 'Yield, apologise or ease a demand.', id: 'Mengalah, meminta maaf, atau melunakkan tuntutan.' },
  'type.COOPERATE': { en: 'Cooperate in deeds: economic, military, judicial.', id: 'Bekerja sama secara nyata: ekonomi, militer, hukum.' },
  'type.AID': { en: 'Give aid: humanitarian, economic, military.', id: 'Memberi bantuan: kemanusiaan, ekonomi, militer.' },
  'type.RETREAT': { en: 'Withdraw, release, disarm or cease fire.', id: 'Menarik diri, membebaskan, melucuti, atau gencatan senjata.' },
  'type.REQUEST': { en: 'Ask, urge or demand.', id: 'Meminta, mendesak, atau menuntut.' },
  'type.ACCUSE': { en: 'Criticise, accuse or investigate.', id: 'Mengkritik, menuduh, atau menyelidiki.' },
  'type.REJECT': { en: 'Refuse, reject or veto.', id: 'Menolak atau memveto.' },
  'type.THREATEN': { en: 'Threaten, warn of consequences.', id: 'Mengancam, memperingatkan akibat.' },
  'type.PROTEST': { en: 'Protest: demonstrations, boycotts, summoned envoys.', id: 'Protes: demonstrasi, boikot, pemanggilan duta.' },
  'type.SANCTION': { en: 'Sanction, expel, cut ties.', id: 'Menjatuhkan sanksi, mengusir, memutus hubungan.' },
  'type.MOBILIZE': { en: 'Show of force: troops, weapons, missile tests.', id: 'Unjuk kekuatan: pasukan, senjata, uji rudal.' },
  'type.COERCE': { en: 'Coerce: seize, arrest, blockade.', id: 'Memaksa: menyita, menangkap, memblokade.' },
  'type.ASSAULT': { en: 'Use force: attacks, strikes, fighting.', id: 'Menggunakan kekerasan: serangan, gempuran, pertempuran.' },
  'apiref.title': { en: 'API reference', id: 'Referensi API' },
  'apiref.intro': {
    en: 'The read-only JSON API of this chronicle, generated from the same schemas that check every request. Machine-readable:',
    id: 'API JSON hanya-baca dari kronik ini, dihasilkan dari skema yang sama yang memeriksa setiap permintaan. Versi mesin:',
  },
  'apiref.param': { en: 'Parameter', id: 'Parameter' },
  'apiref.in': { en: 'In', id: 'Di' },
  'apiref.type': { en: 'Values', id: 'Nilai' },
  'apiref.desc': { en: 'Meaning', id: 'Arti' },
  'apiref.noparams': { en: 'No parameters.', id: 'Tanpa parameter.' },
  'apiref.responses': { en: 'Responses:', id: 'Jawaban:' },
  unknown: { en: 'unknown', id: 'tidak diketahui' },
} as const satisfies Record<string, Record<Lang, string>>;

export type Key = keyof typeof STRINGS;

const TYPE_LABELS: Record<string, Record<Lang, string>> = {
  AGREE: { en: 'agree', id: 'sepakat' },
  CONSULT: { en: 'consult', id: 'konsultasi' },
  SUPPORT: { en: 'support', id: 'dukung' },
  CONCEDE: { en: 'concede', id: 'mengalah' },
  COOPERATE: { en: 'cooperate', id: 'kerja sama' },
  AID: { en: 'aid', id: 'bantuan' },
  RETREAT: { en: 'retreat', id: 'mundur' },
  REQUEST: { en: 'request', id: 'meminta' },
  ACCUSE: { en: 'accuse', id: 'menuduh' },
  REJECT: { en: 'reject', id: 'menolak' },
  THREATEN: { en: 'threaten', id: 'mengancam' },
  PROTEST: { en: 'protest', id: 'protes' },
  SANCTION: { en: 'sanction', id: 'sanksi' },
  MOBILIZE: { en: 'mobilize', id: 'mobilisasi' },
  COERCE: { en: 'coerce', id: 'memaksa' },
  ASSAULT: { en: 'assault', id: 'serangan' },
};

const MODALITY_LABELS: Record<string, Record<Lang, string>> = {
  occurred: { en: 'occurred', id: 'terjadi' },
  planned: { en: 'planned', id: 'direncanakan' },
  expected: { en: 'expected', id: 'diperkirakan' },
  cancelled: { en: 'cancelled', id: 'dibatalkan' },
  negated: { en: 'negated', id: 'disangkal' },
  hypothetical: { en: 'hypothetical', id: 'hipotetis' },
};

const MODE_LABELS: Record<string, Record<Lang, string>> = {
  visit: { en: 'visit', id: 'kunjungan' },
  phone: { en: 'phone call', id: 'telepon' },
  multilateral: { en: 'multilateral', id: 'multilateral' },
  weapons: { en: 'weapons', id: 'senjata' },
  troops: { en: 'troops', id: 'pasukan' },
  withdraw: { en: 'withdraw', id: 'penarikan' },
  release: { en: 'release', id: 'pembebasan' },
  expel: { en: 'expel', id: 'pengusiran' },
  allege: { en: 'allege', id: 'dugaan' },
  disapprove: { en: 'disapprove', id: 'tidak setuju' },
};

let current: Lang = initialLang();

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'id' || saved === 'en') return saved;
  } catch {
    // storage unavailable (privacy mode): fall through
  }
  return navigator.language?.toLowerCase().startsWith('id') ? 'id' : 'en';
}

export function lang(): Lang {
  return current;
}

export function locale(): string {
  return LOCALES[current];
}

export function setLang(l: Lang): void {
  current = l;
  try {
    localStorage.setItem(STORAGE_KEY, l);
  } catch {
    // not remembered, still applied
  }
  document.documentElement.lang = l;
}

/** A label, with {name} placeholders filled in. */
export function t(key: Key, vars: Record<string, string | number> = {}): string {
  const s: string = STRINGS[key][current];
  return s.replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? String(vars[k]) : `{${k}}`));
}

export function typeLabel(type: string): string {
  return TYPE_LABELS[type]?.[current] ?? type.toLowerCase();
}

export function modalityLabel(m: string): string {
  return MODALITY_LABELS[m]?.[current] ?? m;
}

export function modeLabel(mode: string): string {
  return MODE_LABELS[mode]?.[current] ?? mode;
}

export function quadLabel(q: number | null): string {
  return q && q >= 1 && q <= 4 ? t(`quad.${q}` as Key) : t('unknown');
}

export function fmtNumber(n: number, digits = 0): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n);
}

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

function utc(y: number, m = 1, d = 1): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

/** A partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD) in the current language. */
export function fmtDate(date: string | null, style: 'short' | 'long' = 'short'): string {
  if (!date) return t('row.nodate');
  const m = PARTIAL.exec(date);
  if (!m) return date;
  const y = Number(m[1]);
  if (m[3]) {
    return new Intl.DateTimeFormat(locale(), {
      day: 'numeric',
      month: style === 'long' ? 'long' : 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(utc(y, Number(m[2]), Number(m[3])));
  }
  if (m[2]) {
    return new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc(y, Number(m[2])));
  }
  return String(y);
}

export function fmtDateRange(date: string | null, end: string | null, style: 'short' | 'long' = 'short'): string {
  if (!end || end === date) return fmtDate(date, style);
  return `${fmtDate(date, style)} – ${fmtDate(end, style)}`;
}

/** "YYYY-MM" as a month heading ("Maret 2020") or axis label ("Mar 2020"). */
export function fmtMonth(month: string, style: 'long' | 'short' = 'long'): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(locale(), { month: style, year: 'numeric', timeZone: 'UTC' }).format(utc(y, m));
}

/** A publication timestamp as stated by the page: its day, and its clock time when given. */
export function fmtPublished(iso: string | null): string {
  if (!iso) return t('unknown');
  const day = fmtDate(iso.slice(0, 10), 'long');
  const time = /T(\d{2}:\d{2})/.exec(iso)?.[1];
  return time ? `${day}, ${time}` : day;
}
