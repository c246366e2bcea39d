// First path segments that belong to the app itself, never to an organisation's workspace:
// no organisation may take one as its slug, and the proxy never reads one as a workspace.
// No imports, so the proxy can read it without the schemas' dependencies.
export const RESERVED_SLUGS = new Set(["api", "sign-in", "join", "onboarding", "l", "p", "account", "admin", "new", "settings", "_next", "media", "screen", "unsubscribe", "icons", "r"]);
