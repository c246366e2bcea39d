import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm } from "@/app/_components/action-form";
import { orNotFound } from "@/app/_components/or-not-found";
import { ShareBar } from "@/app/_components/share/share-bar";
import { SubmitButton } from "@/app/_components/submit-button";
import type { Locale } from "@/db/schema/enums";
import { completeAlertAction, sendLetterAction, setDistrictAction } from "@/lib/alerts/actions";
import { googleCalendarUrl } from "@/lib/alerts/ics";
import { signLetter, telHref } from "@/lib/alerts/links";
import { alertMessage, alertTitle, getMemberAlert, markAlertViewed } from "@/lib/alerts/queries";
import { requirePageTenant } from "@/lib/auth/session";
import { getCampaignName } from "@/lib/campaigns/queries";
import { formatInZone } from "@/lib/calendar/format";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { EmailLetter } from "../_components/email-letter";

export async function generateMetadata() {
  return { title: (await getTranslations("alerts"))("title") };
}

function OneTap({ org, actionId, outcome, label, primary }: { org: string; actionId: string; outcome: string; label: string; primary?: boolean }) {
  return (
    <ActionForm action={completeAlertAction} hidden={{ org, actionId, outcome }}>
      <SubmitButton className={`${primary ? "btn-primary" : "btn-secondary"} w-full`}>{label}</SubmitButton>
    </ActionForm>
  );
}

// One alert as a member acts on it, phone first: each call to action one tap away.
export default async function AlertPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const tenant = await requirePageTenant(org, "feed.read");
  const view = await orNotFound(getMemberAlert(tenant, id));
  await markAlertViewed(tenant, id);
  const locale = (await getLocale()) as Locale;
  const [t, { timeZone }] = await Promise.all([getTranslations("alerts"), getOrganizationSettings(tenant)]);
  const { alert, actions, open, me } = view;
  const campaignName = alert.campaignId ? await getCampaignName(tenant, alert.campaignId, locale) : null;
  const allDone = actions.every((a) => a.state);
  return (
    <section className="mx-auto max-w-2xl space-y-4">
      <header className={`rounded-xl border-2 p-4 ${alert.urgent ? "border-red-700 bg-red-50" : "border-amber-600 bg-amber-50"}`}>
        {campaignName && <p className="text-sm font-semibold text-slate-800">{t("member.campaign", { name: campaignName })}</p>}
        <h1 className="text-2xl font-bold">{alertTitle(alert, locale)}</h1>
        <p className="mt-2 whitespace-pre-line">{alertMessage(alert, locale)}</p>
      </header>
      {!open && <p className="card">{t("member.ended")}</p>}
      {allDone && <p role="status" className="card font-semibold text-green-800">{t("member.all_done")}</p>}
      <ol className="space-y-3">
        {actions.map((a) => {
          const label = locale === "en" ? a.labelEn : a.labelFr;
          const c = a.config;
          return (
            <li key={a.id} className="card space-y-3">
              <h2 className="flex items-center justify-between gap-2 text-lg font-semibold">
                <span>{label}</span>
                {a.state && <span className="rounded-full bg-green-100 px-2 text-sm text-green-900">✓ {t("member.done")}</span>}
              </h2>
              {open && c.kind === "share" && <ShareBar org={org} postId={c.postId} locale={locale} />}
              {open && c.kind === "email" && !a.state && (a.matched.length || c.matchBy === "all" ? (
                <EmailLetter
                  org={org}
                  actionId={a.id}
                  mode={c.sendMode}
                  to={(c.matchBy === "all" ? a.targets : a.matched).map((x) => ({ id: x.id, email: x.email ?? "", label: [x.name, x.title, x.district].filter(Boolean).join(", ") }))}
                  subject={c.subject}
                  body={signLetter(c.letter, me.name)}
                  sendAction={sendLetterAction}
                  doneAction={completeAlertAction}
                />
              ) : (
                <ActionForm action={setDistrictAction} hidden={{ org }} className="space-y-2">
                  <p>{t("member.no_match")}</p>
                  <label htmlFor={`district-${a.id}`} className="label">{t("member.pick_target")}</label>
                  <select id={`district-${a.id}`} name="district" className="input" required>
                    {a.targets.map((x) => <option key={x.id} value={x.district ?? ""}>{[x.name, x.district].filter(Boolean).join(" – ")}</option>)}
                  </select>
                  <SubmitButton className="btn-secondary w-full">{t("member.save_district")}</SubmitButton>
                </ActionForm>
              ))}
              {open && c.kind === "call" && (() => {
                const phone = a.matched.find((x) => x.phone)?.phone ?? c.phone ?? a.targets.find((x) => x.phone)?.phone ?? null;
                return (
                  <div className="space-y-2">
                    {phone && <a href={telHref(phone)} className="btn-primary w-full">{t("member.call_now", { phone })}</a>}
                    <p className="whitespace-pre-line rounded-lg bg-slate-100 p-3">{c.script}</p>
                    {a.state ? (
                      <p>{t("member.your_answer", { answer: t(`member.outcome.${a.state.outcome}`) })}</p>
                    ) : (
                      <div className="grid gap-2 sm:grid-cols-3">
                        {(["talked", "voicemail", "no_answer"] as const).map((o) => <OneTap key={o} org={org} actionId={a.id} outcome={o} label={t(`member.outcome.${o}`)} />)}
                      </div>
                    )}
                  </div>
                );
              })()}
              {open && c.kind === "link" && (
                <a href={`/api/orgs/${org}/alerts/${alert.id}/go/${a.id}`} target="_blank" rel="noopener" className="btn-primary w-full">{t("member.open_link")}</a>
              )}
              {c.kind === "event" && (
                <div className="space-y-2">
                  <p>
                    <time dateTime={c.startsAt}>{formatInZone(new Date(c.startsAt), locale, timeZone)}</time> · {c.place}
                  </p>
                  <div className="grid grid-cols-2 gap-2">
                    <a href={`/api/orgs/${org}/alerts/${alert.id}/ics/${a.id}`} className="btn-secondary">{t("member.ics")}</a>
                    <a href={googleCalendarUrl({ title: alertTitle(alert, locale), description: alertMessage(alert, locale), place: c.place, startsAt: new Date(c.startsAt), endsAt: new Date(c.endsAt) })} target="_blank" rel="noopener noreferrer" className="btn-secondary">{t("member.google")}</a>
                  </div>
                  {a.state && <p>{t("member.your_answer", { answer: t(a.state.outcome === "yes" ? "member.rsvp_yes" : "member.rsvp_no") })}</p>}
                  {open && (
                    <div className="grid grid-cols-2 gap-2">
                      <OneTap org={org} actionId={a.id} outcome="yes" label={t("member.rsvp_yes")} primary />
                      <OneTap org={org} actionId={a.id} outcome="no" label={t("member.rsvp_no")} />
                    </div>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <Link href={`/${org}`} className="inline-flex min-h-11 items-center text-blue-800 underline">← {t("title")}</Link>
    </section>
  );
}
