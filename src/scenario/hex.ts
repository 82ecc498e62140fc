// Addresses travel as hex strings ("0x80000000") in documents and links, because JSON numbers lose
// precision past 2^53 and hex is how every SMMU and hypervisor engineer reads an address.

export const PAGE_BYTES = 0x1000;
/** 48-bit physical and intermediate address spaces (the SMMUv3 OAS/IAS most SoCs implement). */
export const ADDRESS_LIMIT = 2 ** 48;

const HEX = /^0x[0-9a-f]+$/i;

/** Parses a page-aligned 48-bit address, or returns why it is not one. */
export function parseAddress(text: string): number | string {
  if (!HEX.test(text)) return `expected a hex address like "0x80000000", got "${text.slice(0, 40)}"`;
  const v = parseInt(text.slice(2), 16);
  if (!(v < ADDRESS_LIMIT)) return `${text} is beyond the 48-bit address space`;
  if (v % PAGE_BYTES !== 0) return `${text} is not aligned to a 4 KiB page`;
  return v;
}

export function formatAddress(v: number): string {
  return '0x' + v.toString(16);
}
