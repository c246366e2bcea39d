import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { notifications } from "@/db/schema";
import { markAllNotificationsReadAction, openNotificationAction } from "@/lib/notifications/actions";
import { countUnreadNotifications, findNotifications } from "@/lib/notifications/queries";
import { createMember, createOrg } from "@/tests/factories";
import { createNotification } from "@/tests/factories/campaigns";
import { actAs } from "@/tests/setup/request-context";

describe("notification inbox", () => {
  it("lists the reader's own notifications in this organisation, newest first", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const me = await createMember(org, { role: "staff" });
    await createMember(other, { role: "staff", user: me.user });
    const colleague = await createMember(org, { role: "staff" });
    const older = await createNotification(org, me.user.id, { createdAt: new Date(Date.now() - 60_000) });
    const newer = await createNotification(org, me.user.id);
    await createNotification(other, me.user.id);
    await createNotification(org, colleague.user.id);

    expect((await findNotifications(me.tenant)).map((n) => n.id)).toEqual([newer.id, older.id]);
    expect(await countUnreadNotifications(me.tenant)).toBe(2);
  });

  it("opening a notification marks it read and goes to what it is about", async () => {
    const org = await createOrg();
    const me = await createMember(org, { role: "advocate" });
    const n = await createNotification(org, me.user.id, { href: "/feed/post_abc" });
    await actAs(me.user.id);
    await expect(openNotificationAction({ org: org.slug, id: n.id })).rejects.toThrow(/NEXT_REDIRECT/);
    const [row] = await db.select().from(notifications).where(eq(notifications.id, n.id));
    expect(row.readAt).not.toBeNull();
    expect(await countUnreadNotifications(me.tenant)).toBe(0);
  });

  it("someone else's notification is not found, and stays unread", async () => {
    const org = await createOrg();
    const me = await createMember(org, { role: "staff" });
    const colleague = await createMember(org, { role: "staff" });
    const theirs = await createNotification(org, colleague.user.id);
    await actAs(me.user.id);
    expect(await openNotificationAction({ org: org.slug, id: theirs.id })).toEqual({ ok: false, code: "not_found" });
    expect((await db.select().from(notifications).where(eq(notifications.id, theirs.id)))[0].readAt).toBeNull();
  });

  it("marks all of the reader's notifications read, and nobody else's", async () => {
    const org = await createOrg();
    const me = await createMember(org, { role: "staff" });
    const colleague = await createMember(org, { role: "staff" });
    await createNotification(org, me.user.id);
    await createNotification(org, me.user.id);
    await createNotification(org, colleague.user.id);
    await actAs(me.user.id);
    expect(await markAllNotificationsReadAction({ org: org.slug })).toEqual({ ok: true, data: { count: 2 } });
    expect(await countUnreadNotifications(me.tenant)).toBe(0);
    expect(await countUnreadNotifications(colleague.tenant)).toBe(1);
  });
});
