// The sections of a dispatch's page (/dispatches/[dispatchId]/…), linked from it. Each module adds
// its section here when its page exists: hand-over (notice helper), leave and attendance, logs and
// mentoring. Labels are keys of dispatches.sections.
export interface DispatchSection {
  segment: string;
  labelKey: string;
}

export const dispatchSections: readonly DispatchSection[] = [
  { segment: "handover", labelKey: "handover" },
  { segment: "leave", labelKey: "leave" },
  { segment: "attendance", labelKey: "attendance" },
  { segment: "logs", labelKey: "logs" },
  { segment: "mentoring", labelKey: "mentoring" },
  { segment: "allowances", labelKey: "allowances" },
];
