"use client";

import { useEffect } from "react";

// next-auth's client (9–10 KB gzip) is fetched when it is first needed, not with every page (issue 17).
const nextAuth = () => import("next-auth/react");

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
      void nextAuth().then(({ signOut }) => signOut({ callbackUrl: "/login?reason=idle" }));
    }
    function onActivity() {
      window.clearTimeout(idleTimer);
      idleTimer = window.setTimeout(expire, IDLE_MS);
      if (Date.now() - lastRefresh > REFRESH_EVERY_MS) {
        lastRefresh = Date.now();
        void nextAuth().then(async ({ getSession, signOut }) => {
          const session = await getSession();
          if (!session?.userId) await signOut({ callbackUrl: "/login?reason=expired" });
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
