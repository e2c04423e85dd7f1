// Where a programme stands on its timeline at a given instant. Pure: no I/O.
import type { StageKind } from "../generated/prisma/enums";

export interface StageWindow {
  kind: StageKind;
  sequence: number;
  opensAt: Date;
  closesAt: Date;
}

export type TimelinePosition =
  | { state: "open"; stage: StageWindow }
  | { state: "upcoming"; stage: StageWindow }
  | { state: "finished"; stage: StageWindow | null };

/** The stage open at `now` (the earliest in sequence if windows overlap), else the next to open, else finished. */
export function timelinePosition(stages: readonly StageWindow[], now: Date): TimelinePosition {
  const ordered = [...stages].sort((a, b) => a.sequence - b.sequence);
  const t = now.getTime();
  const open = ordered.find((s) => s.opensAt.getTime() <= t && t < s.closesAt.getTime());
  if (open) return { state: "open", stage: open };
  const upcoming = ordered
    .filter((s) => s.opensAt.getTime() > t)
    .sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime())[0];
  if (upcoming) return { state: "upcoming", stage: upcoming };
  return { state: "finished", stage: ordered.at(-1) ?? null };
}
