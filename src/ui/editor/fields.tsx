// Small inputs that commit on Enter or blur (one undo step per change) and show the document's
// value otherwise — a refused change simply snaps back, with the store's message.

import { useState } from 'react';

export function TextField({
  label,
  value,
  onCommit,
  mono,
  width,
}: {
  label: string;
  value: string;
  onCommit: (v: string) => void;
  mono?: boolean;
  width?: number;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  return (
    <input
      aria-label={label}
      title={label}
      className={mono ? 'ed-mono' : undefined}
      style={width ? { width } : undefined}
      value={draft ?? value}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}

export function NumberField({
  label,
  value,
  onCommit,
  width = 64,
}: {
  label: string;
  value: number;
  onCommit: (v: number) => void;
  width?: number;
}) {
  return (
    <TextField
      label={label}
      value={String(value)}
      mono
      width={width}
      onCommit={(v) => {
        const n = Number(v);
        // Not a number: hand it on anyway, so validation names the field.
        onCommit(v.trim() === '' || !Number.isFinite(n) ? NaN : n);
      }}
    />
  );
}

/** A choice among `options` (a value, or a value and its text); `onChange` gets one of the values. */
export function Select<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: (T | [T, string])[];
  onChange: (v: T) => void;
}) {
  const pairs = options.map((o): [T, string] => (typeof o === 'string' ? [o, o] : o));
  return (
    <select
      aria-label={label}
      title={label}
      value={value}
      onChange={(e) => {
        const chosen = pairs.find(([v]) => v === e.target.value);
        if (chosen !== undefined) onChange(chosen[0]);
      }}
    >
      {pairs.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </select>
  );
}

export function Check({ label, value, onChange }: { label: string; value: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="ed-check">
      <input type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}
