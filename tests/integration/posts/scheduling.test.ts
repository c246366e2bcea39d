import { and, count, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { notifications, postEvents, posts } from "@/db/schema";
import { reschedulePostAction } from "@/lib/posts/actions";
import { expireJobId, publishJobId } from "@/lib/publishing/job-ids";
import { actAs } from "@/tests/setup/request-context";
import { getQueue } from "@/lib/jobs/queues";
import { expirePostJob, notifyPostPublishedJob, publishPostJob } from "@/lib/publishing/jobs";
import { publishDuePost } from "@/lib/publishing/queries";
import { sweepOverduePosts } from "@/lib/publishing/sweep";
import { startJobRunner } from "@/workers/job-runner";
import { dispatchOutbox } from "@/tests/setup/jobs";
import { draftAs, inSeconds, orgWith, sleep, waitFor, walk } from "./helpers";

// The real worker on the real Redis, as in production; each test starts and stops its own.
let running: ReturnType<typeof startJobRunner> | null = null;
const startWorker = () => (running = startJobRunner({ jobs: [publishPostJob, expirePostJob, notifyPostPublishedJob], queues: ["publishing", "notifications"] }));
afterEach(async () => {
  await running?.close();
  running = null;
});

const readPost = async (id: string) => (await db.select().from(posts).where(eq(posts.id, id)))[0];
const eventCount = async (id: string, toStatus: "published" | "expired") =>
  (await db.select({ n: count() }).from(postEvents).where(and(eq(postEvents.postId, id), eq(postEvents.toStatus, toStatus))))[0].n;
const notificationsOf = (id: string) => db.select().from(notifications).where(and(eq(notifications.type, "post_published"), eq(notifications.href, `/feed/${id}`)));

// A lead writes, another approves, sets the time and schedules: the path to
// publication. The time is set last, so that a slow machine does not eat the margin.
async function scheduled(times: { publishInSeconds: number; expireInSeconds?: number }) {
  const { org, people } = await orgWith("lead", "lead", "staff");
  const [author, reviewer] = people;
  const id = await draftAs(org, author);
  await walk(org, id, [[author, "submit"], [reviewer, "approve"]]);
  await actAs(reviewer.user.id);
  const publishAt = inSeconds(times.publishInSeconds);
  const expiresAt = times.expireInSeconds ? inSeconds(times.expireInSeconds) : null;
  expect(await reschedulePostAction({ org: org.slug, id, publishAt, expiresAt })).toMatchObject({ ok: true });
  await walk(org, id, [[reviewer, "schedule"]]);
  return { org, people, id, publishAt: new Date(publishAt), expiresAt: expiresAt ? new Date(expiresAt) : null };
}

const sleepUntil = (at: Date) => sleep(Math.max(0, at.getTime() - Date.now()));

describe("scheduled publishing", () => {
  it("publishes at its time through the worker, not before", async () => {
    startWorker();
    const { id, publishAt } = await scheduled({ publishInSeconds: 2 });
    expect((await readPost(id)).status).toBe("scheduled");
    const post = await waitFor(() => readPost(id), (p) => p.status === "published");
    expect(post.status).toBe("published");
    expect(post.publishedAt!.getTime()).toBeGreaterThanOrEqual(publishAt.getTime());
  });

  it("survives a worker restart between scheduling and publish time, and publishes once", async () => {
    startWorker();
    const { id, publishAt } = await scheduled({ publishInSeconds: 2 });
    await running!.close();
    running = null;
    await sleepUntil(new Date(publishAt.getTime() + 1000));
    // Due, but no worker: nothing happened, and the delayed job waits in Redis.
    expect((await readPost(id)).status).toBe("scheduled");
    startWorker();
    const post = await waitFor(() => readPost(id), (p) => p.status === "published");
    expect(post.status).toBe("published");
    await sleep(500);
    expect(await eventCount(id, "published")).toBe(1);
  });

  it("moving the time moves the job: the old time passes quietly, the new one publishes", async () => {
    startWorker();
    const { org, people: [author], id, publishAt } = await scheduled({ publishInSeconds: 2 });
    const old = await readPost(id);
    await actAs(author.user.id);
    expect(await reschedulePostAction({ org: org.slug, id, publishAt: inSeconds(5) })).toMatchObject({ ok: true });
    await waitFor(() => getQueue("publishing").getJobState(publishJobId(old)), (state) => state === "unknown");
    await sleepUntil(new Date(publishAt.getTime() + 1000));
    expect((await readPost(id)).status).toBe("scheduled");
    const post = await waitFor(() => readPost(id), (p) => p.status === "published");
    expect(post.status).toBe("published");
    expect(post.publishedAt!.getTime()).toBeGreaterThanOrEqual(new Date(post.publishAt!).getTime());
  });

  it("a publish job that runs twice publishes once and notifies each member once", async () => {
    startWorker();
    const { org, id } = await scheduled({ publishInSeconds: 0.5 });
    // A duplicate of the job, as a retry or a second enqueue would make.
    await publishPostJob.enqueue({ orgId: org.id, postId: id }, { jobId: `duplicate-${id}`, delay: 500 });
    await waitFor(() => readPost(id), (p) => p.status === "published");
    await publishDuePost(org.id, id, new Date());
    await sleep(1500);
    expect(await eventCount(id, "published")).toBe(1);
    const sent = await notificationsOf(id);
    // Three members (two leads and a staff member), one notification each.
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((n) => n.userId)).size).toBe(3);
  });

  it("expires at its expiry time", async () => {
    startWorker();
    const { id } = await scheduled({ publishInSeconds: 0.5, expireInSeconds: 2 });
    const post = await waitFor(() => readPost(id), (p) => p.status === "expired");
    expect(post.status).toBe("expired");
    expect(await eventCount(id, "expired")).toBe(1);
  });

  it("moving the expiry of a published post moves its expiry job", async () => {
    startWorker();
    const { org, people: [author], id, expiresAt } = await scheduled({ publishInSeconds: 0.3, expireInSeconds: 4 });
    const published = await waitFor(() => readPost(id), (p) => p.status === "published");
    expect(published.status).toBe("published");
    await actAs(author.user.id);
    expect(await reschedulePostAction({ org: org.slug, id, expiresAt: inSeconds(3600) })).toMatchObject({ ok: true });
    // The running dispatcher removes the old job soon after the commit.
    await waitFor(() => getQueue("publishing").getJobState(expireJobId(published)), (state) => state === "unknown");
    await sleepUntil(new Date(expiresAt!.getTime() + 1000));
    expect((await readPost(id)).status).toBe("published");
  });

  it("the sweep publishes an overdue post whose job Redis lost", async () => {
    const { id } = await scheduled({ publishInSeconds: 3600 });
    const post = await readPost(id);
    await getQueue("publishing").remove(publishJobId(post));
    await db.update(posts).set({ publishAt: new Date(Date.now() - 60_000) }).where(eq(posts.id, id));
    const result = await sweepOverduePosts();
    expect(result).toMatchObject({ published: 1 });
    expect((await readPost(id)).status).toBe("published");
    // What follows publication was committed with it, and reaches the queue from the outbox.
    await dispatchOutbox();
    expect(await getQueue("notifications").getJobState(`notify-published-${id}-${(await readPost(id)).publishedAt!.getTime()}`)).not.toBe("unknown");
  });
});
