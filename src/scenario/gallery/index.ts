// The gallery (the README's gallery table), by stable id, in the order people meet them.

import type { GalleryEntry } from './types';
import { seedAttack } from './seed-attack';
import { resetOnTransfer } from './reset-on-transfer';
import { acceptanceStage } from './acceptance-stage';
import { perVmTable } from './per-vm-table';
import { loanVsShared } from './loan-vs-shared';
import { quarantine } from './quarantine';
import { forgotSync } from './forgot-sync';
import { vmidReuse } from './vmid-reuse';
import { staleAtc } from './stale-atc';
import { lendDmaVisible } from './lend-dma-visible';
import { abortFreesTables } from './abort-frees-tables';
import { ignoresReset } from './ignores-reset';
import { eventqOverflow } from './eventq-overflow';
import { attestedEnable } from './attested-enable';
import { lateAtcAck } from './late-atc-ack';
import { handoverWindow } from './handover-window';

export const GALLERY: GalleryEntry[] = [
  { id: 'seed-attack', doc: seedAttack },
  { id: 'reset-on-transfer', doc: resetOnTransfer },
  { id: 'acceptance-stage', doc: acceptanceStage },
  { id: 'per-vm-table', doc: perVmTable },
  { id: 'loan-vs-shared', doc: loanVsShared },
  { id: 'quarantine', doc: quarantine },
  { id: 'forgot-sync', doc: forgotSync },
  { id: 'vmid-reuse', doc: vmidReuse },
  { id: 'stale-atc', doc: staleAtc },
  { id: 'lend-dma-visible', doc: lendDmaVisible },
  { id: 'abort-frees-tables', doc: abortFreesTables },
  { id: 'ignores-reset', doc: ignoresReset },
  { id: 'eventq-overflow', doc: eventqOverflow },
  { id: 'attested-enable', doc: attestedEnable },
  { id: 'late-atc-ack', doc: lateAtcAck },
  { id: 'handover-window', doc: handoverWindow },
];

export function galleryEntry(id: string): GalleryEntry | undefined {
  return GALLERY.find((g) => g.id === id);
}
