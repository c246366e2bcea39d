import nextEnv from "@next/env";

// The three production entrypoints (npm start, npm run worker, npm run redirect) run as
// production unless NODE_ENV says otherwise, and read .env (and .env.production) the way
// Next.js does, before their settings are checked. A variable already set wins over the file.
export function loadEnvFiles() {
  if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: "production" });
  nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
}
