import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/db/schema/enums";
import type { AlertFormValues } from "@/lib/alerts/form-values";
import { nameInLocale } from "@/lib/campaigns/names";
import { findCampaignChoices } from "@/lib/campaigns/queries";
import { findGroups } from "@/lib/groups/queries";
import { findPosts } from "@/lib/posts/queries";
import type { Tenant } from "@/lib/tenancy";

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

// The composer's fields: texts in both languages, audience, channels, time, and the calls to
// action (each switched on by its box). Empty for a new alert, prefilled for an edit.
export async function AlertFormFields({ tenant, values: v }: { tenant: Tenant; values: AlertFormValues }) {
  const locale = (await getLocale()) as Locale;
  const [t, campaigns, groups, posts] = await Promise.all([getTranslations("alerts"), findCampaignChoices(tenant), findGroups(tenant), findPosts(tenant, { status: "published", locale })]);
  const f = (key: string) => t(`form.${key}`);
  return (
    <>
      <div className="card space-y-3">
        <Field id="titleFr" label={f("title_fr")}><input id="titleFr" name="titleFr" defaultValue={v.titleFr} required maxLength={200} className="input" lang="fr" /></Field>
        <Field id="titleEn" label={f("title_en")}><input id="titleEn" name="titleEn" defaultValue={v.titleEn} required maxLength={200} className="input" lang="en" /></Field>
        <Field id="messageFr" label={f("message_fr")}><textarea id="messageFr" name="messageFr" defaultValue={v.messageFr} required maxLength={2000} rows={3} className="input" lang="fr" /></Field>
        <Field id="messageEn" label={f("message_en")}><textarea id="messageEn" name="messageEn" defaultValue={v.messageEn} required maxLength={2000} rows={3} className="input" lang="en" /></Field>
        <Field id="campaignId" label={f("campaign")}>
          <select id="campaignId" name="campaignId" defaultValue={v.campaignId} className="input">
            <option value="">{f("no_campaign")}</option>
            {campaigns.map((c) => <option key={c.id} value={c.id}>{nameInLocale(c.name, c.nameEn, locale)}</option>)}
          </select>
        </Field>
      </div>

      <fieldset className="card space-y-2">
        <legend className="font-semibold">{f("audience")}</legend>
        {(["everyone", "roles", "groups"] as const).map((a) => (
          <label key={a} className="flex min-h-11 items-center gap-2">
            <input type="radio" name="audience" value={a} defaultChecked={a === v.audience} />
            {f(a === "everyone" ? "everyone" : a === "roles" ? "by_roles" : "by_groups")}
          </label>
        ))}
        <p className="text-sm font-medium">{f("roles")}</p>
        <div className="flex flex-wrap gap-3">
          {ROLE_CHOICES.map((r) => (
            <label key={r} className="flex min-h-11 items-center gap-2"><input type="checkbox" name="roles" value={r} defaultChecked={v.roles.includes(r)} />{r}</label>
          ))}
        </div>
        {groups.length > 0 && <p className="text-sm font-medium">{f("groups")}</p>}
        <div className="flex flex-wrap gap-3">
          {groups.map((g) => (
            <label key={g.id} className="flex min-h-11 items-center gap-2"><input type="checkbox" name="groupIds" value={g.id} defaultChecked={v.groupIds.includes(g.id)} />{g.name}</label>
          ))}
        </div>
      </fieldset>

      <fieldset className="card space-y-2">
        <legend className="font-semibold">{f("channels")}</legend>
        <div className="flex flex-wrap gap-3">
          {CHANNELS.map((c) => (
            <label key={c} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" name="channels" value={c} defaultChecked={v.channels.includes(c)} />
              {f(`channel.${c}`)}
            </label>
          ))}
        </div>
        <label className="flex min-h-11 items-center gap-2"><input type="checkbox" name="urgent" defaultChecked={v.urgent} />{f("urgent")}</label>
      </fieldset>

      <fieldset className="card space-y-2">
        <legend className="font-semibold">{f("when")}</legend>
        <label className="flex min-h-11 items-center gap-2"><input type="radio" name="when" value="now" defaultChecked={v.when === "now"} />{f("now")}</label>
        <label className="flex min-h-11 items-center gap-2"><input type="radio" name="when" value="later" defaultChecked={v.when === "later"} />{f("later")}</label>
        <Field id="sendAt" label={f("send_at")}><input id="sendAt" name="sendAt" type="datetime-local" defaultValue={v.sendAt} className="input" /></Field>
        <Field id="endsAt" label={f("ends_at")}><input id="endsAt" name="endsAt" type="datetime-local" defaultValue={v.endsAt} className="input" /></Field>
        <div className="grid grid-cols-2 gap-3">
          <Field id="reminderHours" label={f("reminder_hours")}><input id="reminderHours" name="reminderHours" type="number" min={0} max={168} defaultValue={v.reminderHours} className="input" /></Field>
          <Field id="reminderMax" label={f("reminder_max")}><input id="reminderMax" name="reminderMax" type="number" min={0} max={5} defaultValue={v.reminderMax} className="input" /></Field>
        </div>
      </fieldset>

      <h2 className="text-lg font-semibold">{f("actions")}</h2>
      <fieldset className="card space-y-2">
        <legend className="sr-only">{t("kinds.share")}</legend>
        <label className="flex min-h-11 items-center gap-2 font-medium"><input type="checkbox" name="share" defaultChecked={v.share} />{t("kinds.share")}</label>
        <Field id="sharePostId" label={f("share_post")}>
          <select id="sharePostId" name="sharePostId" defaultValue={v.sharePostId} className="input">
            <option value="" />
            {posts.map((p) => <option key={p.id} value={p.id}>{p.title ?? p.id}</option>)}
          </select>
        </Field>
      </fieldset>
      <fieldset className="card space-y-2">
        <legend className="sr-only">{t("kinds.email")}</legend>
        <label className="flex min-h-11 items-center gap-2 font-medium"><input type="checkbox" name="email" defaultChecked={v.email} />{t("kinds.email")}</label>
        <Field id="emailSubject" label={f("email_subject")}><input id="emailSubject" name="emailSubject" defaultValue={v.emailSubject} maxLength={300} className="input" /></Field>
        <Field id="emailLetter" label={f("email_letter")}><textarea id="emailLetter" name="emailLetter" defaultValue={v.emailLetter} rows={6} maxLength={10000} className="input" /></Field>
        <Field id="emailSendMode" label={f("send_mode")}>
          <select id="emailSendMode" name="emailSendMode" defaultValue={v.emailSendMode} className="input">
            <option value="mail_app">{f("mail_app")}</option>
            <option value="relais">{f("relais")}</option>
          </select>
        </Field>
        <Field id="emailMatchBy" label={f("match_by")}>
          <select id="emailMatchBy" name="emailMatchBy" defaultValue={v.emailMatchBy} className="input">
            <option value="district">{f("match_district")}</option>
            <option value="all">{f("match_all")}</option>
          </select>
        </Field>
        <Field id="emailTargets" label={f("targets")}><textarea id="emailTargets" name="emailTargets" defaultValue={v.emailTargets} rows={4} className="input font-mono text-sm" placeholder="name,title,email,phone,district" /></Field>
      </fieldset>
      <fieldset className="card space-y-2">
        <legend className="sr-only">{t("kinds.call")}</legend>
        <label className="flex min-h-11 items-center gap-2 font-medium"><input type="checkbox" name="call" defaultChecked={v.call} />{t("kinds.call")}</label>
        <Field id="callPhone" label={f("call_phone")}><input id="callPhone" name="callPhone" type="tel" defaultValue={v.callPhone} className="input" /></Field>
        <Field id="callScript" label={f("call_script")}><textarea id="callScript" name="callScript" defaultValue={v.callScript} rows={3} className="input" /></Field>
        <Field id="callTargets" label={f("call_targets")}><textarea id="callTargets" name="callTargets" defaultValue={v.callTargets} rows={3} className="input font-mono text-sm" /></Field>
      </fieldset>
      <fieldset className="card space-y-2">
        <legend className="sr-only">{t("kinds.link")}</legend>
        <label className="flex min-h-11 items-center gap-2 font-medium"><input type="checkbox" name="link" defaultChecked={v.link} />{t("kinds.link")}</label>
        <Field id="linkUrl" label={f("link_url")}><input id="linkUrl" name="linkUrl" type="url" defaultValue={v.linkUrl} className="input" /></Field>
      </fieldset>
      <fieldset className="card space-y-2">
        <legend className="sr-only">{t("kinds.event")}</legend>
        <label className="flex min-h-11 items-center gap-2 font-medium"><input type="checkbox" name="event" defaultChecked={v.event} />{t("kinds.event")}</label>
        <Field id="eventPlace" label={f("event_place")}><input id="eventPlace" name="eventPlace" defaultValue={v.eventPlace} className="input" /></Field>
        <Field id="eventStartsAt" label={f("event_starts")}><input id="eventStartsAt" name="eventStartsAt" type="datetime-local" defaultValue={v.eventStartsAt} className="input" /></Field>
        <Field id="eventEndsAt" label={f("event_ends")}><input id="eventEndsAt" name="eventEndsAt" type="datetime-local" defaultValue={v.eventEndsAt} className="input" /></Field>
      </fieldset>
    </>
  );
}
