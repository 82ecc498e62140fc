// A polite live region: a screen reader hears what the animation shows — each operation and
// violation the playhead passes as the run plays or steps — at most one announcement every
// ANNOUNCE_MS, with names rather than ids. A seek back, or another scenario, says nothing.

import { useEffect, useState } from 'react';
import { useApp } from '../../store/appStore';
import { announcement, passed } from './announce';
import './panels.css';

/** At most one announcement this often (a screen reader cannot keep up with more). */
const ANNOUNCE_MS = 1500;

export function Announcer() {
  const [text, setText] = useState('');
  useEffect(() => {
    let pending: string[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastAt = -Infinity;
    const flush = () => {
      timer = null;
      if (pending.length === 0) return;
      setText(announcement(pending));
      pending = [];
      lastAt = performance.now();
    };
    const unsubscribe = useApp.subscribe((s, prev) => {
      if (s.opened !== prev.opened || s.summary === null || s.scenario === null) {
        pending = [];
        return;
      }
      const from = Math.floor(prev.clock);
      const to = Math.floor(s.clock);
      if (to <= from) return;
      pending.push(...passed(from, to, s.summary.ops, s.summary.violations, s.scenario));
      if (pending.length === 0 || timer !== null) return;
      timer = setTimeout(flush, Math.max(0, lastAt + ANNOUNCE_MS - performance.now()));
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, []);
  return (
    <div className="pn-sr-only" role="status" aria-live="polite" data-testid="announcer">
      {text}
    </div>
  );
}
