"use client";

import { useEffect } from "react";

/**
 * Marks the document once React has hydrated it (<html data-hydrated>). Until then a server-rendered
 * form looks ready but is not: what is typed into it is reset when react-hook-form takes over. The
 * end-to-end journeys wait for this mark before typing (tests/e2e/support/login.ts).
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
