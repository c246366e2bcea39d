"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { orgAction } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { markAllNotificationsRead, markNotificationRead } from "./queries";

const open = orgAction(z.object({ id: z.string().min(1) }), "org.read", async (tenant, { id }) => {
  const row = await markNotificationRead(tenant, id);
  if (!row) throw new AppError("not_found", "Notification not found");
  revalidatePath(`/${tenant.orgSlug}`, "layout");
  return { href: `/${tenant.orgSlug}${row.href ?? "/notifications"}` };
});

// Marks it read and opens what it is about.
export async function openNotificationAction(previous: unknown, form?: FormData) {
  const result = await open(previous, form);
  if (result.ok) redirect(result.data.href);
  return result;
}

export const markAllNotificationsReadAction = orgAction(z.object({}), "org.read", async (tenant) => {
  const count = await markAllNotificationsRead(tenant);
  revalidatePath(`/${tenant.orgSlug}`, "layout");
  return { count };
});
