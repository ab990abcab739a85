// A short page we wrote (headline, date line, text), coded as the pipeline codes any page.
import { processRaw } from '../../src/pipeline.ts';
import type { CodedEvent } from '../../src/types.ts';

export function codePage(
  text: string,
  published: string,
  lang: 'id' | 'en' = 'id',
  headline = 'Judul Berita Uji Coba Tentang Diplomasi',
): CodedEvent[] {
  const page = `${headline}\n\n${published}\n\n${text}\n`;
  return processRaw({ doc: 'test.txt', path: 'test.txt', kind: 'text', content: page }, { language: lang }).events;
}

/** One line per event for assertion messages. */
export const brief = (e: CodedEvent) => `${e.type}/${e.mode ?? '-'} ${e.source.country}>${e.target.country} ${e.date ?? '?'} ${e.modality}`;
