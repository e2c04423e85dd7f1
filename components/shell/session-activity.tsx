"use client";

import { getSession, signOut } from "next-auth/react";
import { useEffect } from "react";

const IDLE_MS = 30 * 60 * 1000; // lib/auth/session-policy.ts IDLE_TIMEOUT_SECONDS
const REFRESH_EVERY_MS = 60 * 1000;

/**
 * The session cookie lives 30 minutes from its last refresh. While the user works, refresh it at
 * most once a minute; after 30 minutes without a keystroke or click, sign out and say why.
 */
export function SessionActivity() {
  useEffect(() => {
    let lastRefresh = Date.now();
    let idleTimer = window.setTimeout(expire, IDLE_MS);

    function expire() {
      void signOut({ callbackUrl: "/login?reason=idle" });
    }
    function onActivity() {
      window.clearTimeout(idleTimer);
      idleTimer = window.setTimeout(expire, IDLE_MS);
      if (Date.now() - lastRefresh > REFRESH_EVERY_MS) {
        lastRefresh = Date.now();
        void getSession().then((session) => {
          if (!session?.userId) void signOut({ callbackUrl: "/login?reason=expired" });
        });
      }
    }
    const events = ["pointerdown", "keydown"] as const;
    events.forEach((e) => window.addEventListener(e, onActivity, { passive: true }));
    return () => {
      window.clearTimeout(idleTimer);
      events.forEach((e) => window.removeEventListener(e, onActivity));
    };
  }, []);
  return null;
}
