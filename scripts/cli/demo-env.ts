// The settings `npm run demo` starts the web app and the workers with.
export function demoEnv(source: Record<string, string | undefined>, services: { databaseUrl: string; redisUrl: string; authSecret: string }): NodeJS.ProcessEnv {
  const port = source.PORT ?? "3000";
  const appUrl = source.APP_URL ?? `http://localhost:${port}`;
  return {
    ...source,
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    APP_URL: appUrl,
    AUTH_SECRET: services.authSecret,
    // The demo signs anyone in as a demo person: on unless switched off explicitly
    // (AUTH_DEV_LOGIN=0), and reachable from this machine only unless DEMO_HOSTNAME says
    // otherwise (HOSTNAME is not read: containers set it to their own name).
    AUTH_DEV_LOGIN: source.AUTH_DEV_LOGIN || "1",
    HOSTNAME: source.DEMO_HOSTNAME || "127.0.0.1",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: port,
  };
}
