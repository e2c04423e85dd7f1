// Cross-site request forgery (issue 12): a browser names the page that sent a request in `Origin`.
// A write carrying the browser's cookies is accepted only from this site's own pages — the same
// comparison Next.js makes for server actions: Origin's host against X-Forwarded-Host (set by Next
// itself from Host unless a trusted proxy set it; a cross-site page cannot set it) or Host.

type HeaderGetter = { get(name: string): string | null };

/** The host this request was addressed to, as the browser saw it. */
export function requestHost(headers: HeaderGetter): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host")?.trim() || null;
}

/** "same": Origin names this host; "missing": no Origin (not a browser's cross-site write); "foreign": anything else, "null" included. */
export function originVerdict(headers: HeaderGetter): "same" | "missing" | "foreign" {
  const origin = headers.get("origin");
  if (origin === null || origin === "") return "missing";
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return "foreign";
  }
  const host = requestHost(headers);
  return host !== null && originHost.toLowerCase() === host.toLowerCase() ? "same" : "foreign";
}

export const WRITE_METHODS: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);
