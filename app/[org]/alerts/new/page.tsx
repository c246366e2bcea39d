import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/db/schema/enums";
import { createAlertAction } from "@/lib/alerts/actions";
import { requirePageTenant } from "@/lib/auth/session";
import { findCampaignChoices } from "@/lib/campaigns/queries";
import { findGroups } from "@/lib/groups/queries";
import { findPosts } from "@/lib/posts/queries";
import { AlertComposer } from "../_components/alert-composer";

export async function generateMetadata() {
  return { title: (await getTranslations("alerts"))("new") };
}

const CHANNELS = ["in_app", "email", "push", "slack", "teams"] as const;
const ROLE_CHOICES = ["admin", "lead", "staff", "advocate"] as const;

function Field({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="label">{label}</label>
      {children}
    </div>
  );
}

// The campaign lead's composer: texts in both languages, audience, channels, time, and the
// calls to action (each switched on by its box).
export default async function NewAlertPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "alerts.write");
  const locale = (await getLocale()) as Locale;
  const [t, campaigns, groups, posts] = await Promise.all([getTranslations("alerts"), findCampaignChoices(tenant), findGroups(tenant), findPosts(tenant, { status: "published", locale })]);
  const f = (key: string) => t(`form.${key}`);
  return (
    <section className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("new")}</h1>
      <AlertComposer action={createAlertAction} org={org} submit={f("submit")}>
        <div className="card space-y-3">
          <Field id="titleFr" label={f("title_fr")}><input id="titleFr" name="titleFr" required maxLength={200} className="input" lang="fr" /></Field>
          <Field id="titleEn" label={f("title_en")}><input id="titleEn" name="titleEn" required maxLength={200} className="input" lang="en" /></Field>
          <Field id="messageFr" label={f("message_fr")}><textarea id="messageFr" name="messageFr" required maxLength={2000} rows={3} className="input" lang="fr" /></Field>
          <Field id="messageEn" label={f("message_en")}><textarea id="messageEn" name="messageEn" required maxLength={2000} rows={3} className="input" lang="en" /></Field>
          <Field id="campaignId" label={f("campaign")}>
            <select id="campaignId" name="campaignId" className="input">
              <option value="">{f("no_campaign")}</option>
              {campaigns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </Field>
        </div>

        <fieldset className="card space-y-2">
          <legend className="font-semibold">{f("audience")}</legend>
          {(["everyone", "roles", "groups"] as const).map((a) => (
            <label key={a} className="flex min-h-11 items-center gap-2">
              <input type="radio" name="audience" value={a} defaultChecked={a === "everyone"} />
              {f(a === "everyone" ? "everyone" : a === "roles" ? "by_roles" : "by_groups")}
            </label>
          ))}
          <p className="text-sm font-medium">{f("roles")}</p>
          <div className="flex flex-wrap gap-3">
            {ROLE_CHOICES.map((r) => (
              <label key={r} className="flex min-h-11 items-center gap-2"><input type="checkbox" name="roles" value={r} />{r}</label>
            ))}
          </div>
          {groups.length > 0 && <p className="text-sm font-medium">{f("groups")}</p>}
          <div className="flex flex-wrap gap-3">
            {groups.map((g) => (
              <label key={g.id} className="flex min-h-11 items-center gap-2"><input type="checkbox" name="groupIds" value={g.id} />{g.name}</label>
            ))}
          </div>
        </fieldset>

        <fieldset className="card space-y-2">
          <legend className="font-semibold">{f("channels")}</legend>
          <div className="flex flex-wrap gap-3">
            {CHANNELS.map((c) => (
              <label key={c} className="flex min-h-11 items-center gap-2">
                <input type="checkbox" name="channels" value={c} defaultChecked={c === "in_app" || c === "email" || c === "push"} />
                {f(`channel.${c}`)}
              </label>
            ))}
          </div>
          <label className="flex min-h-11 items-center gap-2"><input type="checkbox" name="urgent" />{f("urgent")}</label>
        </fieldset>

        <fieldset className="card space-y-2">
          <legend className="font-semibold">{f("when")}</legend>
          <label className="flex min-h-11 items-center gap-2"><input type="radio" name="when" value="now" defaultChecked />{f("now")}</label>
          <label className="flex min-h-11 items-center gap-2"><input type="radio" name="when" value="later" />{f("later")}</label>
          <Field id="sendAt" label={f("send_at")}><input id="sendAt" name="sendAt" type="datetime-local" className="input" /></Field>
          <Field id="endsAt" label={f("ends_at")}><input id="endsAt" name="endsAt" type="datetime-local" className="input" /></Field>
          <div className="grid grid-cols-2 gap-3">
            <Field id="reminderHours" label={f("reminder_hours")}><input id="reminderHours" name="reminderHours" type="number" min={0} max={168} defaultValue={0} className="input" /></Field>
            <Field id="reminderMax" label={f("reminder_max")}><input id="reminderMax" name="reminderMax" type="number" min={0} max={5} defaultValue={0} className="input" /></Field>
          </div>
        </fieldset>

        <h2 className="text-lg font-semibold">{f("actions")}</h2>
        <fieldset className="card space-y-2">
          <legend className="sr-only">{t("kinds.share")}</legend>
          <label className="flex min-h-11 items-center gap-2 font-medium"><input type="checkbox" name="share" />{t("kinds.share")}</label>
          <Field id="sharePostId" label={f("share_post")}>
            <select id="sharePostId" name="sharePostId" className="input">
              <option value="" />
              {posts.map((p) => <option key={p.id} value={p.id}>{p.title ?? p.id}</option>)}
            </select>
          </Field>
        </fieldset>
        <fieldset className="card space-y-2">
          <legend className="sr-only">{t("kinds.email")}</legend>
          <label className="flex min-h-11 items-center gap-2 font-medium"><input type="checkbox" name="email" />{t("kinds.email")}</label>
          <Field id="emailSubject" label={f("email_subject")}><input id="emailSubject" name="emailSubject" maxLength={300} className="input" /></Field>
          <Field id="emailLetter" label={f("email_letter")}><textarea id="emailLetter" name="emailLetter" rows={6} maxLength={10000} className="input" /></Field>
          <Field id="emailSendMode" label={f("send_mode")}>
            <select id="emailSendMode" name="emailSendMode" className="input">
              <option value="mail_app">{f("mail_app")}</option>
              <option value="relais">{f("relais")}</option>
            </select>
          </Field>
          <Field id="emailMatchBy" label={f("match_by")}>
            <select id="emailMatchBy" name="emailMatchBy" className="input">
              <option value="district">{f("match_district")}</option>
              <option value="all">{f("match_all")}</option>
            </select>
          </Field>
          <Field id="emailTargets" label={f("targets")}><textarea id="emailTargets" name="emailTargets" rows={4} className="input font-mono text-sm" placeholder="name,title,email,phone,district" /></Field>
        </fieldset>
        <fieldset className="card space-y-2">
          <legend className="sr-only">{t("kinds.call")}</legend>
          <label className="flex min-h-11 items-center gap-2 font-medium"><input type="checkbox" name="call" />{t("kinds.call")}</label>
          <Field id="callPhone" label={f("call_phone")}><input id="callPhone" name="callPhone" type="tel" className="input" /></Field>
          <Field id="callScript" label={f("call_script")}><textarea id="callScript" name="callScript" rows={3} className="input" /></Field>
          <Field id="callTargets" label={f("call_targets")}><textarea id="callTargets" name="callTargets" rows={3} className="input font-mono text-sm" /></Field>
        </fieldset>
        <fieldset className="card space-y-2">
          <legend className="sr-only">{t("kinds.link")}</legend>
          <label className="flex min-h-11 items-center gap-2 font-medium"><input type="checkbox" name="link" />{t("kinds.link")}</label>
          <Field id="linkUrl" label={f("link_url")}><input id="linkUrl" name="linkUrl" type="url" className="input" /></Field>
        </fieldset>
        <fieldset className="card space-y-2">
          <legend className="sr-only">{t("kinds.event")}</legend>
          <label className="flex min-h-11 items-center gap-2 font-medium"><input type="checkbox" name="event" />{t("kinds.event")}</label>
          <Field id="eventPlace" label={f("event_place")}><input id="eventPlace" name="eventPlace" className="input" /></Field>
          <Field id="eventStartsAt" label={f("event_starts")}><input id="eventStartsAt" name="eventStartsAt" type="datetime-local" className="input" /></Field>
          <Field id="eventEndsAt" label={f("event_ends")}><input id="eventEndsAt" name="eventEndsAt" type="datetime-local" className="input" /></Field>
        </fieldset>
      </AlertComposer>
    </section>
  );
}
