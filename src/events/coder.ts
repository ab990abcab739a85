import type { CodedEvent, Document } from '../types.ts';

export function codeEvents(doc: Document): CodedEvent[] {
  void doc;
  return [];
}
