import { z } from "zod";

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
  APP_URL: z.string().url().default("http://localhost:3000"),
  AUTH_SECRET: z.string().min(1).optional(),
  AUTH_DEV_LOGIN: flag,
  SMTP_URL: z.string().optional(),
  EMAIL_FROM: z.string().default("Relais <no-reply@relais.local>"),
  AUTH_GOOGLE_ID: z.string().optional(),
  AUTH_GOOGLE_SECRET: z.string().optional(),
  AUTH_MICROSOFT_ENTRA_ID_ID: z.string().optional(),
  AUTH_MICROSOFT_ENTRA_ID_SECRET: z.string().optional(),
  AUTH_MICROSOFT_ENTRA_ID_ISSUER: z.string().optional(),
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

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

// Parsed on first use rather than at import, so `next build` works without a database.
export function env(): Env {
  cached ??= envSchema.parse(process.env);
  return cached;
}
