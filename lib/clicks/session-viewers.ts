import { LRUCache } from "lru-cache";

// Session token → the signed-in user's id, or null when the token names no live session.
export type SessionLookup = (token: string) => Promise<string | null>;

const LOOKUP_TIMEOUT_MS = 1_000;
// Made-up cookies must not turn the redirect into a query pump: a bounded number of new
// tokens is looked up per batch; the others stay anonymous.
const LOOKUPS_PER_BATCH = 50;
const TOKEN = /^[\w-]{16,128}$/;

// Who is behind the session cookies that came with clicks, so that the ingester can tell a
// sharer's own clicks apart. Resolved when a batch is flushed (after the redirects were
// answered), once per token a minute: members signed in to Relais are few among the
// visitors of their links. A lookup that fails (PostgreSQL away) leaves the click
// anonymous, i.e. counted as a visitor's: the redirect never waits on it. Tokens stay in
// this process's memory only.
export class SessionViewers {
  private readonly known = new LRUCache<string, { userId: string | null }>({ max: 10_000, ttl: 60_000 });

  constructor(private readonly lookup: SessionLookup) {}

  async resolve(tokens: (string | undefined)[]): Promise<(string | undefined)[] | undefined> {
    if (!tokens.some(Boolean)) return undefined;
    const unknown = [...new Set(tokens)].filter((t): t is string => Boolean(t) && TOKEN.test(t!) && !this.known.has(t!));
    await Promise.all(unknown.slice(0, LOOKUPS_PER_BATCH).map((token) => this.load(token)));
    return tokens.map((token) => (token ? (this.known.get(token)?.userId ?? undefined) : undefined));
  }

  private async load(token: string) {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("timed out")), LOOKUP_TIMEOUT_MS)));
      this.known.set(token, { userId: await Promise.race([this.lookup(token), timeout]) });
    } catch {
      // Unknown this time; asked again with the next click that carries it.
    } finally {
      clearTimeout(timer);
    }
  }
}
