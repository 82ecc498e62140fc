// The invariants' stable ids (docs/model.md §15). The number is what people say in reviews ("I1b"),
// the id is what documents and links store.

export const INVARIANTS = [
  {
    number: 'I1',
    id: 'dma-isolation',
    rule: "a committed DMA access reaches only pages the device's owner at issue may access with that permission, and never hypervisor, page-table or stream-table memory",
  },
  {
    number: 'I1b',
    id: 'dma-provenance',
    rule: 'a committed DMA access reaches only pages that whoever programmed the descriptor may access',
  },
  {
    number: 'I2',
    id: 'stale-authority',
    rule: "once a hand-over has completed, nothing commits through configuration, TLB or ATC entries from the old owner's tenure",
  },
  {
    number: 'I3',
    id: 'drain-before-ownership-change',
    rule: "a page leaves an endpoint's access only after that endpoint's devices have no uncommitted transaction to it and no cached translation of it",
  },
  {
    number: 'I4',
    id: 'table-lifetime',
    rule: 'no IOMMU table is freed or reused while an STE, a cached STE or a TLB entry still refers to it',
  },
  {
    number: 'I5',
    id: 'vmid-uniqueness',
    rule: 'two valid STEs with different tables never share a VMID; a VMID is reused only after TLBI_S12_VMALL + SYNC',
  },
  {
    number: 'I6',
    id: 'closed-by-default',
    rule: 'unassigned, offered and quarantined devices abort; no bypass while untrusted devices exist',
  },
  {
    number: 'I7',
    id: 'explicit-enable',
    rule: "when an endpoint's table becomes usable for a device, the device acts for that endpoint alone: it holds no descriptors another endpoint programmed, and it was reset since its previous owner",
  },
  {
    number: 'I8',
    id: 'ats-ordering',
    rule: 'before access is reduced: ATS off at the device, ATC invalidated, SYNC done (or atsCheck on)',
  },
  { number: 'I9', id: 'group-atomicity', rule: 'devices of one isolation group change owner together' },
  {
    number: 'I10',
    id: 'reset-at-owner-edge',
    rule: 'between two owners there is a moment where no VM has DMA — a SYNC completed the CFGI of the old STE, so the SMMU no longer uses it — and a reset happens in it',
  },
  {
    number: 'I11',
    id: 'fault-accounting',
    rule: 'every abort is accounted for exactly once: recorded, suppressed by configuration, or lost to a full event queue (counted, with the overflow flags)',
  },
  { number: 'I12', id: 'clear-semantics', rule: 'no DMA write from a previous accessor lands in a page after it was cleared on hand-over' },
  {
    number: 'I13',
    id: 'reclaim-precondition',
    rule: "reclaim succeeds only when every borrower has relinquished and no borrower's device table still maps the page (until the unmapping's SYNC); every IOMMU mapping of an endpoint covers only pages it may access, with no more permission (pKVM's refcount rule)",
  },
] as const;

export type InvariantNumber = (typeof INVARIANTS)[number]['number'];
export type InvariantId = (typeof INVARIANTS)[number]['id'];

export const INVARIANT_BY_NUMBER: Record<InvariantNumber, (typeof INVARIANTS)[number]> = Object.fromEntries(
  INVARIANTS.map((i) => [i.number, i]),
) as Record<InvariantNumber, (typeof INVARIANTS)[number]>;
