import type { Span, WindowAggregate } from "./report";
import type { SlaTrigger } from "./terms";
import { MINUTE_MS } from "./windows";

// A trigger fires on an episode: a maximal run of consecutive windows (adjacent starts) whose value
// is above (>) or below (<) the trigger's value, lasting at least forMinutes. A missing window (no
// data) ends the run, so a gap in monitoring never stitches two episodes into one.

export function holds(trigger: Pick<SlaTrigger, "when" | "value">, value: number): boolean {
  return trigger.when === "above" ? value > trigger.value : value < trigger.value;
}

/** The episodes in the windows, each [first window start, last window end), in time order. */
export function findEpisodes(trigger: SlaTrigger, windows: readonly WindowAggregate[], windowMinutes: number): Span[] {
  const length = windowMinutes * MINUTE_MS;
  const sorted = [...windows].sort((a, b) => a.start - b.start);
  const episodes: Span[] = [];
  let run: Span | null = null;
  const close = () => {
    if (run && run.to - run.from >= trigger.forMinutes * MINUTE_MS) episodes.push(run);
    run = null;
  };
  for (const window of sorted) {
    if (!holds(trigger, window.value)) {
      close();
      continue;
    }
    if (run && window.start !== run.to) close();
    if (run) run.to = window.start + length;
    else run = { from: window.start, to: window.start + length };
  }
  close();
  return episodes;
}
