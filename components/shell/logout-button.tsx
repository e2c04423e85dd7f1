"use client";

import { Icon } from "@/components/ui/icon";

/** Sign-out; `label` is its words (worded by the header on the server: no message namespace for it in the browser). */
export function LogoutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      // next-auth's client is loaded on the press, not with every page (issue 17: first-load JavaScript).
      onClick={() => void import("next-auth/react").then(({ signOut }) => signOut({ callbackUrl: "/login" }))}
      aria-label={label}
      className="inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm text-slate-600 hover:bg-slate-100"
    >
      <Icon name="log-out" className="h-4 w-4" />
      <span className="hidden whitespace-nowrap sm:inline">{label}</span>
    </button>
  );
}
