// FF-A handles as Hafnium allocates them, and the SPMC's rule on which worlds may send memory to which.

import { NOBODY, type ShareState, type SimState } from '../model/state';

/** The FF-A function of each send operation. */
export const FUNC = { memShare: 'share', memLend: 'lend', memDonate: 'donate' } as const;

/** An endpoint's index by id (NOBODY when there is none). */
export function ep(s: SimState, id: string): number {
  return s.epIndex.get(id) ?? NOBODY;
}

/** How the log names a transaction: the FF-A handle value and the author's name for it. */
export function handleName(h: ShareState): string {
  return `handle ${h.value}(${h.handle})`;
}

/**
 * Which Hafnium allocates the handle: the SPMC when a secure partition takes part (a VM's send to an
 * SP is forwarded to it), otherwise the hypervisor.
 * source: ffa_memory_get_handle_allocator (src/ffa/spmc/ffa_memory.c, src/ffa/hypervisor/ffa_memory.c);
 * api_ffa_mem_send (src/api.c) forwards sends that target the other world.
 */
export function allocatorFor(s: SimState, from: number, to: number[]): ShareState['allocator'] {
  const sp = (i: number) => s.endpoints[i].kind === 'sp';
  return sp(from) || to.some(sp) ? 'spmc' : 'hypervisor';
}

/**
 * The lowest free share-state slot, made into a handle with the allocator in bit 63.
 * source: share_state_allocate (src/ffa_memory.c), ffa_memory_handle_make (inc/vmapi/hf/ffa.h).
 */
export function allocateHandle(s: SimState, allocator: ShareState['allocator']): { slot: number; value: string } {
  const used = new Set([...s.handles.values()].filter((h) => h.allocator === allocator).map((h) => h.slot));
  let slot = 0;
  while (used.has(slot)) slot++;
  const value = allocator === 'hypervisor' ? '0x8' + slot.toString(16).padStart(15, '0') : '0x' + slot.toString(16);
  return { slot, value };
}
