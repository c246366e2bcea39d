import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { createAlert } from "@/lib/alerts/save-alert";
import { alertFormSchema } from "@/lib/alerts/schemas";
import { createMember, createOrg } from "@/tests/factories";
import { until } from "@/tests/integration/invitations/support";

const MEMBERS = 20_000;
// Members who take email (the rest chose the inbox only in their preferences): enough to kill
// the worker mid-way through the emails on this shared machine.
const EMAIL_MEMBERS = 1_500;
const ROOT = path.resolve(import.meta.dirname, "../../..");

// An SMTP server counting what each address receives (no parsing: 20,000 messages).
const received = new Map<string, number>();
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onRcptTo(address, _session, callback) {
    received.set(address.address.toLowerCase(), (received.get(address.address.toLowerCase()) ?? 0) + 1);
    callback();
  },
  onData(stream, _session, callback) {
    stream.on("data", () => {});
    stream.on("end", () => callback());
  },
});
await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
const smtpPort = (smtp.server.address() as { port: number }).port;

const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

function startWorker() {
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(import.meta.dirname, "worker-process.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}/?pool=true&maxConnections=8`,
      NOTIFY_EMAIL_PER_S: "5000",
      DELIVERY_CLAIM_TIMEOUT_S: "5",
      WORKER_CONCURRENCY: "4",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr?.on("data", () => {});
  child.stdout?.on("data", () => {});
  children.push(child);
  return child;
}

async function seedMembers(orgId: string) {
  await db.execute(sql`
    with u as (
      insert into users (id, name, email, locale)
      select 'user_k' || ${orgId} || '_' || g, 'Membre ' || g, 'm' || g || '-' || ${orgId} || '@kill.example.test', 'fr'
      from generate_series(1, ${MEMBERS}) g returning id)
    insert into memberships (id, organization_id, user_id, role, status)
    select 'mem_k' || substr(u.id, 7), ${orgId}, u.id, 'advocate', 'active' from u`);
  await db.execute(sql`
    insert into notification_preferences (organization_id, membership_id, user_id, channels)
    select ${orgId}, m.id, m.user_id, '{in_app}'::notification_channel[]
    from memberships m where m.organization_id = ${orgId} and m.role = 'advocate'
      and substr(m.user_id, length(m.user_id) - position('_' in reverse(m.user_id)) + 2)::int > ${EMAIL_MEMBERS}`);
}

const count = async (query: ReturnType<typeof sql>) => Number((await db.execute<{ n: string }>(query))[0].n);

describe("a 20,000-member fan-out whose worker is killed mid-way", () => {
  it("reaches everybody once on every channel: nobody twice, nobody missed", async () => {
    const org = await createOrg();
    const lead = await createMember(org, { role: "lead" });
    await seedMembers(org.id);
    const input = alertFormSchema.parse({
      titleFr: "Commission parlementaire demain",
      titleEn: "Committee hearing tomorrow",
      messageFr: "Agissez",
      messageEn: "Act",
      channels: ["in_app", "email"],
      urgent: "on",
      link: "on",
      linkUrl: "https://example.org/petition",
    });
    const { id } = await createAlert(lead.tenant, input);
    const key = `alert-${id}`;
    const inbox = () => count(sql`select count(*) as n from notifications where dedupe_key = ${key}`);

    const first = startWorker();
    // Kill it while the fan-out is under way: some chunks done, others not, emails going out.
    await until(async () => ({ inbox: await inbox() }), (v) => v.inbox >= 2_000, 180_000);
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    const atKill = { inbox: await inbox(), mails: [...received.values()].reduce((a, b) => a + b, 0) };
    expect(atKill.inbox).toBeLessThan(MEMBERS + 1);
    expect(atKill.mails).toBeLessThan(EMAIL_MEMBERS + 1);

    startWorker();
    const total = MEMBERS + 1;
    await until(
      async () => ({
        inbox: await inbox(),
        open: await count(sql`select count(*) as n from notification_deliveries where dedupe_key = ${key} and status in ('pending', 'sending')`),
        email: await count(sql`select count(*) as n from notification_deliveries where dedupe_key = ${key} and channel = 'email'`),
      }),
      (v) => v.inbox === total && v.email === EMAIL_MEMBERS + 1 && v.open === 0,
      240_000,
    );

    // In-app: one row per member, no one twice (the unique key), no one missed.
    expect(await count(sql`select count(distinct user_id) as n from notifications where dedupe_key = ${key}`)).toBe(total);
    // Email: nobody received it twice.
    expect([...received.values()].filter((n) => n > 1)).toEqual([]);
    const sent = await count(sql`select count(*) as n from notification_deliveries where dedupe_key = ${key} and channel = 'email' and status = 'sent'`);
    const interrupted = await count(sql`select count(*) as n from notification_deliveries where dedupe_key = ${key} and channel = 'email' and status = 'failed' and error like 'interrupted%'`);
    // Every member got it, except the few whose send was cut by the kill itself: those are
    // recorded as interrupted (shown to the lead), never sent a second time.
    expect(sent + interrupted).toBe(EMAIL_MEMBERS + 1);
    expect(received.size).toBeGreaterThanOrEqual(sent);
    expect(received.size).toBeLessThanOrEqual(sent + interrupted);
    // At most the claims of the jobs running at the kill (4 jobs × 16 rows).
    expect(interrupted).toBeLessThanOrEqual(4 * 16);
  }, 600_000);
});
