// The message namespaces sent to the browser, per route folder. The server renders every string it
// can itself; only client components ("use client", and what they import) translate in the browser,
// and the catalogue they read travels in every page's HTML. So each folder below passes its pages'
// client components just the namespaces they use (components/shell/client-messages.tsx, in the
// folder's layout.tsx), not the whole catalogue (~100 KB of JSON, most of a bare page's payload).
//
// A page uses the list of its nearest folder here. Lists do not nest (a provider in an outer layout
// would send its namespaces to every page below, beside the inner one's), except the root's few. tests/unit/client-namespaces.test.ts reads every
// client module a route file reaches and fails when its folder's list lacks a namespace it uses (or
// holds one nobody under the folder uses): add the namespace here when a client component needs it.
export const CLIENT_NAMESPACES = {
  // The root, in every page's payload: the error, not-found and forbidden pages' words and the locale switch's.
  // The header's other words (sign-out, menu) come worded from the server (components/shell/header-bar.tsx).
  app: ["errorPage", "locale"],
  // The sign-in page's form.
  "app/(auth)": ["auth", "locale"],
  "app/rate": ["evaluations", "list", "locale"],
  // The audit log's pages send none (server-rendered; its rows' component takes words as props).
  "app/(app)/admin/organizations": ["list", "organizations"],
  "app/(app)/admin/users": ["apiTokens", "list", "roles", "users"],
  "app/(app)/allowances": ["allowances", "list"],
  // The list's page sends none of its own (its unit picker takes its words as props): one application's page does,
  // passed by its page.tsx, which leaves out what the reader's panels do not use (ClientMessages `without`).
  "app/(app)/applications/[applicationId]": ["applicationStatus", "applications", "attachments", "list", "stage", "vetting"],
  "app/(app)/applications/[applicationId]/registration-form": [],
  "app/(app)/dispatches": ["attachments", "dispatches", "handover", "leave", "list", "mentoring", "worklogs"],
  // The list's page, a doctor's page and timeline send none of their own (filters and rows take their words
  // as props): the forms do.
  "app/(app)/doctors/[doctorId]/edit": ["doctors"],
  "app/(app)/doctors/import": ["doctors"],
  "app/(app)/doctors/new": ["doctors"],
  "app/(app)/evaluations": ["evaluations", "list"],
  "app/(app)/notifications": ["notifications"],
  "app/(app)/programs/new": ["programKind", "programsAdmin"],
  // Passed by the programme's page.tsx itself (the folders below it have lists of their own).
  "app/(app)/programs/[programId]": ["attachments", "list", "programKind", "programStatus", "programsAdmin", "stage"],
  "app/(app)/programs/[programId]/dispatch": ["dispatches"],
  // Programme health: its charts get their words from the server (none translated in the browser).
  "app/(app)/programs/[programId]/health": [],
  "app/(app)/programs/[programId]/nominate": ["applications"],
  "app/(app)/programs/[programId]/notice": ["list", "notice"],
  "app/(app)/programs/[programId]/posts": ["list", "programsAdmin"],
  "app/(app)/programs/[programId]/register": ["applications"],
  "app/(app)/programs/[programId]/rules": ["eligibility", "list", "rules"],
  // Passed by the board's page.tsx itself (a post's stage lists and the reopening form below it have
  // their own): its grid gets the board's templates as props, so not the 11 KB "vetting" namespace.
  "app/(app)/programs/[programId]/vetting": [],
  "app/(app)/programs/[programId]/vetting/reopen": ["list", "stage", "vetting"],
  "app/(app)/programs/[programId]/vetting/[postId]": ["applicationStatus", "attachments", "eligibility", "list", "stage", "vetting"],
  "app/(app)/service": ["worklogs"],
  "app/(app)/worklogs": ["list", "worklogs"],
  "app/(app)/workforce": ["list", "workforce"],
} as const satisfies Record<string, readonly string[]>;

export type ClientMessagesFolder = keyof typeof CLIENT_NAMESPACES;

/** The namespaces of `folder` out of the whole catalogue. */
export function pickNamespaces(messages: Record<string, unknown>, folder: ClientMessagesFolder): Record<string, unknown> {
  return Object.fromEntries(CLIENT_NAMESPACES[folder].filter((ns) => ns in messages).map((ns) => [ns, messages[ns]]));
}
