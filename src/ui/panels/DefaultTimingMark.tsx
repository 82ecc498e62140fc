// The mark beside captions while a counterexample's timing is on: the captions were written for
// the scenario's default run, and the run on screen may not do what they say when they say it.

export function DefaultTimingMark({ className = 'st-timing' }: { className?: string }) {
  return (
    <span
      className={className}
      data-testid="caption-timing"
      title="The captions tell the scenario's default run; the run on screen takes a counterexample's timing, so what they say may not happen as told."
    >
      captions tell the default timing
    </span>
  );
}
