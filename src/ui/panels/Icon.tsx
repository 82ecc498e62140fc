// A small line icon for a toolbar button: one SVG path on a 16×16 grid, in the text colour.

export function Icon({ d, fill = false }: { d: string; fill?: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <path d={d} fill={fill ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
    </svg>
  );
}
