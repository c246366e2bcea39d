import Link from "next/link";
import { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { SubmitButton } from "@/app/_components/submit-button";
import type { Locale } from "@/db/schema/enums";
import { requirePageTenant } from "@/lib/auth/session";
import { formatInZone } from "@/lib/calendar/format";
import { parseQuery } from "@/lib/input";
import { markAllNotificationsReadAction, openNotificationAction } from "@/lib/notifications/actions";
import { findNotifications, INBOX_PAGE_SIZE } from "@/lib/notifications/queries";
import { notificationText } from "@/lib/notifications/render";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { OpenAlerts } from "../alerts/_components/open-alerts";

export async function generateMetadata() {
  return { title: (await getTranslations("notifications"))("title") };
}

// ?before=<created at>_<id>: the last notification of the page before.
const querySchema = z.object({ before: z.string().max(100).optional().catch(undefined) });

function parseCursor(value: string | undefined) {
  const [at, id] = (value ?? "").split("_");
  const createdAt = new Date(at);
  return id && !Number.isNaN(createdAt.getTime()) ? { createdAt, id: value!.slice(at.length + 1) } : null;
}

export default async function NotificationsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<{ before?: string }> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "org.read");
  const { before } = parseQuery(querySchema, await searchParams);
  const locale = (await getLocale()) as Locale;
  const [t, { timeZone }, rows] = await Promise.all([getTranslations("notifications"), getOrganizationSettings(tenant), findNotifications(tenant, parseCursor(before))]);
  const last = rows[rows.length - 1];
  const hasUnread = rows.some((n) => !n.readAt);
  return (
    <section className="mx-auto max-w-2xl space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {hasUnread && (
          <form action={markAllNotificationsReadAction as unknown as (form: FormData) => Promise<void>}>
            <input type="hidden" name="org" value={org} />
            <SubmitButton className="btn-secondary">{t("mark_all_read")}</SubmitButton>
          </form>
        )}
      </div>
      {!before && <OpenAlerts tenant={tenant} org={org} />}
      {rows.length === 0 ? (
        <p className="card text-slate-700">{before ? t("no_more") : t("empty")}</p>
      ) : (
        <ul className="card divide-y divide-slate-200 p-0">
          {rows.map((n) => (
            <li key={n.id} className={n.readAt ? "" : "bg-blue-50"}>
              <form action={openNotificationAction as unknown as (form: FormData) => Promise<void>}>
                <input type="hidden" name="org" value={org} />
                <input type="hidden" name="id" value={n.id} />
                <button type="submit" className="flex min-h-11 w-full items-start gap-3 p-3 text-left hover:bg-slate-100">
                  <span aria-hidden="true" className={`mt-2 size-2.5 shrink-0 rounded-full ${n.readAt ? "bg-transparent" : "bg-blue-700"}`} />
                  <span className="min-w-0">
                    {!n.readAt && <span className="sr-only">{t("unread")}: </span>}
                    <span className={`block ${n.readAt ? "" : "font-semibold"}`}>{notificationText(n, locale, t)}</span>
                    <time dateTime={n.createdAt.toISOString()} className="block text-sm text-slate-700">{formatInZone(n.createdAt, locale, timeZone)}</time>
                  </span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {rows.length === INBOX_PAGE_SIZE && last && (
        <Link href={`/${org}/notifications?before=${encodeURIComponent(`${last.createdAt.toISOString()}_${last.id}`)}`} className="btn-secondary">{t("older")}</Link>
      )}
    </section>
  );
}
