import type { ReactNode } from "react";

export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

/**
 * A status pill. Its look is two short classes (`.badge` and its tone, app/globals.css) rather than
 * ~110 characters of utilities: a list shows two a row, in the HTML and in the RSC payload (issue 17).
 */
export function Badge({ tone = "neutral", children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
