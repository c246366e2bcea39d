import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db/client";
import { notifications } from "@/db/schema";
import { createNotification } from "@/tests/factories/campaigns";
import type { Actor, CrossOrgActionCase } from "../types";

async function stillUnread({ foreign }: { foreign: Actor }) {
  const rows = await db.select().from(notifications).where(eq(notifications.organizationId, foreign.org.id));
  expect(rows.map((n) => n.readAt)).toEqual([null]);
}

export const actionCases: CrossOrgActionCase[] = [
  {
    action: "lib/notifications/actions.ts#openNotificationAction",
    async input({ own, foreign }) {
      const notification = await createNotification(foreign.org, foreign.userId);
      return { org: own.org.slug, id: notification.id };
    },
    unchanged: stillUnread,
  },
  {
    action: "lib/notifications/actions.ts#markAllNotificationsReadAction",
    async input({ foreign }) {
      await createNotification(foreign.org, foreign.userId);
      return { org: foreign.org.slug };
    },
    unchanged: stillUnread,
  },
];
