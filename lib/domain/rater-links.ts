// Raters without an account (issue 14, seed 003's six-party scheme): mentees and the receiving
// unit's staff score one doctor as one party through a single-use link that expires. Pure: no I/O.
//
// - A link is open until it is used (one submission), revoked, or past its expiry instant; the first
//   of these that applies is the reason it is refused (used before revoked before expired, so a
//   rater who already scored is told so rather than that the link has since lapsed).
// - Links are for the parties no account scores as: the mentored staff (受援人员), the seconded staff
//   (支援人员) and the receiving institution's staff (受援机构).

export const LINK_PARTIES = ["MENTORED_STAFF", "SECONDED_STAFF", "RECEIVING_INSTITUTION"] as const;
export type LinkParty = (typeof LINK_PARTIES)[number];

export function isLinkParty(party: string): party is LinkParty {
  return (LINK_PARTIES as readonly string[]).includes(party);
}

/** Days a link may be valid: 1 to 30, 14 unless staff choose. */
export const LINK_MIN_DAYS = 1;
export const LINK_MAX_DAYS = 30;
export const LINK_DEFAULT_DAYS = 14;

export type RaterLinkState = "open" | "used" | "revoked" | "expired";

export function raterLinkState(link: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): RaterLinkState {
  if (link.usedAt) return "used";
  if (link.revokedAt) return "revoked";
  if (link.expiresAt.getTime() <= now.getTime()) return "expired";
  return "open";
}

/** The instant a link made at `now` for `days` days stops working. */
export function linkExpiry(now: Date, days: number): Date {
  return new Date(now.getTime() + days * 24 * 3600 * 1000);
}
