import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { notifications, shareReminders } from "@/db/schema";
import { getTranslator } from "@/lib/i18n/translator";
import { notificationText } from "@/lib/notifications/render";
import { remindToShareAction } from "@/lib/shares/actions";
import { createMember, createOrg } from "@/tests/factories";
import { createFeedPost } from "@/tests/integration/feed/fixtures";
import { waitFor } from "@/tests/integration/posts/helpers";
import { actAs } from "@/tests/setup/request-context";
import { shareReminderJob } from "@/lib/shares/jobs";
import { sendShareReminder } from "@/lib/shares/queries";
import { startJobRunner } from "@/workers/job-runner";

let workers: ReturnType<typeof startJobRunner>;
beforeAll(() => {
  workers = startJobRunner({ jobs: [shareReminderJob], queues: ["notifications"] });
});
afterAll(async () => {
  await workers.close();
});

async function memberWithPost() {
  const org = await createOrg();
  const member = await createMember(org, { role: "staff" });
  const post = await createFeedPost(org, { variants: { fr: { title: "Publication à partager" }, en: { title: "Post to share" } } });
  await actAs(member.user.id);
  return { org, member, post };
}

const remindersOf = (userId: string) => db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.type, "share_reminder")));

describe("remind me to share", () => {
  it("brings one in-app notification at the chosen time", async () => {
    const { org, member, post } = await memberWithPost();
    const remindAt = new Date(Date.now() + 1_500);
    const result = await remindToShareAction({ org: org.slug, postId: post.id, remindAt: remindAt.toISOString() });
    expect(result.ok).toBe(true);
    expect(await remindersOf(member.user.id)).toHaveLength(0);
    const rows = await waitFor(() => remindersOf(member.user.id), (r) => r.length > 0);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ organizationId: org.id, href: `/feed/${post.id}`, data: { postId: post.id, title_fr: "Publication à partager", title_en: "Post to share" } });
    expect(rows[0].createdAt.getTime()).toBeGreaterThanOrEqual(remindAt.getTime() - 50);
    expect(notificationText(rows[0], "fr", getTranslator("fr", "notifications"))).toBe("Rappel : c'est le moment de partager « Publication à partager »");
    expect(notificationText(rows[0], "en", getTranslator("en", "notifications"))).toBe("Reminder: time to share “Post to share”");
  });

  it("does not notify twice when the job runs again", async () => {
    const { org, member, post } = await memberWithPost();
    const result = await remindToShareAction({ org: org.slug, postId: post.id, remindAt: new Date(Date.now() + 200).toISOString() });
    if (!result.ok) throw new Error(result.code);
    await waitFor(() => remindersOf(member.user.id), (r) => r.length > 0);
    await sendShareReminder(org.id, result.data.id);
    await db.update(shareReminders).set({ sentAt: null }).where(eq(shareReminders.id, result.data.id));
    await sendShareReminder(org.id, result.data.id);
    expect(await remindersOf(member.user.id)).toHaveLength(1);
  });

  it("refuses a time in the past", async () => {
    const { org, post } = await memberWithPost();
    const result = await remindToShareAction({ org: org.slug, postId: post.id, remindAt: new Date(Date.now() - 60_000).toISOString() });
    expect(result).toMatchObject({ ok: false, code: "bad_request", fieldErrors: { remindAt: ["reminder_in_past"] } });
  });
});
