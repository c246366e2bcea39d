import { createHmac, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import webpush from "web-push";
import { db } from "@/db/client";
import { instanceSecrets } from "@/db/schema";
import { env } from "@/lib/env";

export type VapidKeys = { publicKey: string; privateKey: string };

let vapid: Promise<VapidKeys> | undefined;

// The instance's VAPID key pair for web push: generated the first time any process asks (the
// worker asks at start), stored in PostgreSQL, the same for every process. Concurrent first
// starts race on the primary key; every one reads the row that won.
export function getVapidKeys(): Promise<VapidKeys> {
  vapid ??= (async () => {
    const generated = webpush.generateVAPIDKeys();
    await db.insert(instanceSecrets).values({ name: "vapid", value: { ...generated } }).onConflictDoNothing();
    const [row] = await db.select().from(instanceSecrets).where(eq(instanceSecrets.name, "vapid"));
    return { publicKey: row.value.publicKey, privateKey: row.value.privateKey };
  })();
  vapid.catch(() => (vapid = undefined));
  return vapid;
}

const secret = () => env().AUTH_SECRET ?? "relais-development-secret-change-me";
const sign = (value: string) => createHmac("sha256", secret()).update(`unsubscribe:${value}`).digest("base64url").slice(0, 32);

// One-click unsubscribe token for a membership (RFC 8058): no session needed, cannot be forged.
export const unsubscribeToken = (membershipId: string) => `${membershipId}.${sign(membershipId)}`;

export function readUnsubscribeToken(token: string): string | null {
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return null;
  const membershipId = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(sign(membershipId));
  return given.length === expected.length && timingSafeEqual(given, expected) ? membershipId : null;
}
