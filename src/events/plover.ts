// PLOVER-strict view of coded events. PLOVER codes a future meeting or visit as AGREE and a cancelled
// one as REJECT (manual v2.0, CONSULT and AGREE sections); kronik keeps the type of what would happen and
// says the rest in `modality`. This maps kronik's events to PLOVER's reading for users who need it.
import type { CodedEvent } from '../types.ts';
import { goldstein } from './lexicon.ts';

export function toPloverStrict(e: CodedEvent): CodedEvent {
  if (e.type !== 'CONSULT') return e;
  if (e.modality === 'planned' || e.modality === 'expected')
    return { ...e, type: 'AGREE', mode: null, cameo: '036', goldstein: goldstein('036') };
  if (e.modality === 'cancelled') return { ...e, type: 'REJECT', mode: 'meet', cameo: '125', goldstein: goldstein('125') };
  return e;
}
