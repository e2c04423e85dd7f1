// Session lifetimes (等保 level 3): an idle session ends after 30 minutes; any session after 12 hours.
export const IDLE_TIMEOUT_SECONDS = 30 * 60;
export const ABSOLUTE_LIFETIME_SECONDS = 12 * 60 * 60;

/** Whether a session that began at loginAt (ms since epoch) has outlived its absolute lifetime. */
export function isBeyondAbsoluteLifetime(loginAt: number | undefined, now: number): boolean {
  return loginAt === undefined || now - loginAt > ABSOLUTE_LIFETIME_SECONDS * 1000;
}

/**
 * Whether a session that began at loginAt is still valid for an account whose sessions were ended at
 * sessionsValidFrom (sign-out everywhere, password reset, deactivation).
 */
export function isSessionCurrent(loginAt: number | undefined, sessionsValidFrom: Date | null): boolean {
  if (loginAt === undefined) return false;
  return sessionsValidFrom === null || loginAt >= sessionsValidFrom.getTime();
}
