import { z } from "zod";
import { parsePrivateAllowList } from "@/lib/net/private-allow-list";

const flag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

// An empty line in .env (`S3_BUCKET=`) means unset.
const blank = z
  .literal("")
  .optional()
  .transform(() => undefined);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1),
  REDIS_URL: z.string().min(1).default("redis://127.0.0.1:6379"),
  QUEUE_PREFIX: z.string().min(1).default("relais"),
  // Required in production (see productionRules): the public address links are built on.
  APP_URL: blank.or(z.string().url()),
  AUTH_SECRET: blank.or(z.string().min(1)),
  AUTH_DEV_LOGIN: flag,
  SMTP_URL: z.string().optional(),
  EMAIL_FROM: z.string().default("Relais <no-reply@relais.local>"),
  // Late bounces: the envelope sender DSNs go back to, and the secret the mail system gives
  // POST /api/email/bounces when it hands one over (unset: the route answers 404).
  EMAIL_BOUNCE_ADDRESS: blank.or(z.email()),
  BOUNCE_WEBHOOK_SECRET: blank.or(z.string().min(24)),
  AUTH_GOOGLE_ID: z.string().optional(),
  AUTH_GOOGLE_SECRET: z.string().optional(),
  AUTH_MICROSOFT_ENTRA_ID_ID: z.string().optional(),
  AUTH_MICROSOFT_ENTRA_ID_SECRET: z.string().optional(),
  AUTH_MICROSOFT_ENTRA_ID_ISSUER: z.string().optional(),
  // Google Workspace domains whose verified addresses may link to an existing account.
  AUTH_GOOGLE_ALLOWED_DOMAINS: z
    .string()
    .optional()
    .transform((v) => (v ?? "").split(/[\s,]+/).map((d) => d.trim().toLowerCase()).filter(Boolean)),
  // Uploaded media and generated visuals: local disk unless all of S3_* are set.
  STORAGE_DIR: z.string().min(1).default(".data/storage"),
  S3_ENDPOINT: blank.or(z.string().url()),
  S3_BUCKET: blank.or(z.string()),
  S3_ACCESS_KEY_ID: blank.or(z.string()),
  S3_SECRET_ACCESS_KEY: blank.or(z.string()),
  S3_REGION: blank.or(z.string()),
  // Path-style URLs (MinIO, Garage…) unless the store wants virtual-hosted buckets.
  S3_FORCE_PATH_STYLE: z.enum(["0", "1", "true", "false"]).default("true").transform((v) => v === "1" || v === "true"),
  MEDIA_MAX_IMAGE_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  MEDIA_MAX_VIDEO_BYTES: z.coerce.number().int().positive().default(100 * 1024 * 1024),
  // Private hosts and ranges the server may fetch (link previews, RSS); read by
  // lib/net/private-allow-list.ts, checked here so that a typo stops the start.
  PRIVATE_FETCH_ALLOW_LIST: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        parsePrivateAllowList(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  // Notifications leaving Relais: emails per second and chat webhook posts per minute, per
  // organisation; letters Relais sends to one decision-maker per hour; how long a claimed
  // delivery may stay "sending" before it is counted as interrupted.
  NOTIFY_EMAIL_PER_S: z.coerce.number().positive().default(20),
  NOTIFY_WEBHOOK_PER_MIN: z.coerce.number().int().positive().default(30),
  LETTERS_PER_TARGET_PER_HOUR: z.coerce.number().int().positive().default(120),
  DELIVERY_CLAIM_TIMEOUT_S: z.coerce.number().int().positive().default(600),
  // The contact web push services are given for this instance (VAPID "subject").
  PUSH_CONTACT: z.string().default("mailto:admin@relais.local"),
});

const DEVELOPMENT_URL = "http://localhost:3000";

// A production start must say where it is reached and sign with a secret of its own: magic
// links are built on APP_URL only (never on request headers), and no secret ships with the code.
const checkedEnvSchema = envSchema
  .superRefine((e, ctx) => {
    if (e.NODE_ENV !== "production") return;
    if (!e.APP_URL) ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "is required in production: the public address of Relais, e.g. https://relais.example.org" });
    if (!e.AUTH_SECRET) ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production: 32 random bytes or more (openssl rand -base64 32)" });
    else if (e.AUTH_SECRET.length < 32 || /change-?me/i.test(e.AUTH_SECRET)) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "must be a real secret in production: 32 characters or more, not the example value (openssl rand -base64 32)" });
    }
  })
  .transform((e) => ({ ...e, APP_URL: (e.APP_URL ?? DEVELOPMENT_URL).replace(/\/+$/, "") }));

export type Env = z.infer<typeof checkedEnvSchema>;

export class EnvError extends Error {}

// One line per setting that is missing or wrong, naming it.
function describe(error: z.ZodError) {
  return error.issues.map((issue) => `  ${issue.path.join(".") || "(environment)"}: ${issue.message}`).join("\n");
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = checkedEnvSchema.safeParse(source);
  if (!parsed.success) throw new EnvError(`Relais cannot start, fix these settings (see .env.example):\n${describe(parsed.error)}`);
  return parsed.data;
}

let cached: Env | undefined;

// Parsed on first use rather than at import, so `next build` works without a database.
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

// Called first by every process (web, worker, redirect): a wrong setting stops the start with
// a message naming it, instead of a failure on the first request.
export function checkEnvAtStart(processName: string) {
  try {
    return env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`[${processName}] ${error.message}`);
    process.exit(1);
  }
}
