// What the one session query of a request found (lib/server/sessions.ts resolveSession): the user with
// their organisation, the bell's unread count and the scope's organisation ids. next-auth's jwt
// callback loads it while it checks the session row; it travels to getSessionUser (lib/auth/session.ts)
// on the token and the session object under a symbol key — never serialised, so it is neither in the
// cookie nor in /api/auth/session's JSON — and is then kept beside the SessionUser object it produced,
// for loadScope and the shell's bell. A user read any other way (bearer tokens) has no context, and
// those callers query as before.
import type { SessionUser } from "./session-user";

export interface SessionContext {
  /** Null when the account or its organisation is deactivated. */
  user: SessionUser | null;
  unread: number;
  subtreeIds: string[];
  ancestorIds: string[];
}

const CONTEXT = Symbol("sessionContext");
type Carrier = { [CONTEXT]?: SessionContext };

/** Puts the context on an object (the JWT, the session) without making it part of its JSON. */
export function attachContext<T extends object>(target: T, context: SessionContext | undefined): T {
  if (context) Object.defineProperty(target, CONTEXT, { value: context, enumerable: false });
  return target;
}

export function contextOf(carrier: object | null | undefined): SessionContext | undefined {
  return (carrier as Carrier | null | undefined)?.[CONTEXT];
}

const byUser = new WeakMap<SessionUser, SessionContext>();

/** Keeps the context beside the request's SessionUser (garbage-collected with it). */
export function rememberContext(user: SessionUser, context: SessionContext): void {
  byUser.set(user, context);
}

export function contextOfUser(user: SessionUser): SessionContext | undefined {
  return byUser.get(user);
}
