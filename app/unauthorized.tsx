"use client";

import { StatusPage } from "@/components/shell/status-page";

// With authInterrupts on, Next puts an unauthorized page into every page's payload (twice); its default
// is ~1 KB of inline-styled English elements. The app sends signed-out users to /login itself.
export default function Unauthorized() {
  return <StatusPage title="unauthorizedTitle" hint="unauthorizedHint" href="/login" link="signIn" />;
}
