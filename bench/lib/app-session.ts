// Signing in to a running app as a browser does, through next-auth's credentials endpoint, and keeping
// the cookies: the session cookie then goes with every benchmark request.
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const i = pair.indexOf("=");
      if (i > 0) this.cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  has(name: string): boolean {
    return [...this.cookies.keys()].some((k) => k.endsWith(name));
  }
}

export async function signIn(baseUrl: string, username: string, password: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${baseUrl}/`, json: "true" }),
  });
  jar.take(response);
  if (!jar.has("session-token")) throw new Error(`signing in as ${username} failed (${response.status}): no session cookie`);
  // The session works: a signed-in page answers 200 rather than sending us to /login.
  const check = await fetch(`${baseUrl}/account/password`, { headers: { cookie: jar.header() }, redirect: "manual" });
  if (check.status !== 200) throw new Error(`signed in as ${username}, but /account/password answered ${check.status}`);
  return jar;
}
