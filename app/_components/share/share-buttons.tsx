"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import type { ActionResult } from "@/lib/action";
import { CAPTION_NETWORKS } from "@/lib/posts/caption-limits";
import { remindToShareAction, sharePostAction } from "@/lib/shares/actions";
import type { ShareIntent, ShareNetwork } from "@/lib/shares/intents";
import type { SharePostResult } from "@/lib/shares/share-post";

// The buttons that open a network's own share dialog. Each tap asks the server for the
// member's tracked link (and records the share), then opens the returned URL.
// Every network a post carries a caption for has one.
const DIALOG_NETWORKS = CAPTION_NETWORKS;

type Status =
  | { kind: "working" }
  | { kind: "opened"; network: ShareNetwork; url: string; captionCopied: boolean }
  | { kind: "copied" }
  | { kind: "copy_manually"; text: string }
  | { kind: "native_again"; data: { title: string; text: string; url: string } }
  | { kind: "error"; message: string };

async function copyText(text: string) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function ShareButtons({ org, postId, locale, mastodonInstance }: { org: string; postId: string; locale: "fr" | "en"; mastodonInstance: string | null }) {
  const t = useTranslations("share");
  const tErrors = useTranslations("errors");
  const format = useFormatter();
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const [instance, setInstance] = useState(mastodonInstance);
  const [askInstance, setAskInstance] = useState(false);
  const [instanceError, setInstanceError] = useState<string | null>(null);
  const [canNativeShare, setCanNativeShare] = useState(false);
  const [reminder, setReminder] = useState<{ ok: true; at: string } | { ok: false; message: string } | null>(null);
  const ids = { instance: useId(), instanceHint: useId(), remind: useId() };

  // Only phones (and a few desktop browsers) have a share sheet; known after hydration.
  useEffect(() => setCanNativeShare(typeof navigator.share === "function"), []);

  const networkName = (network: ShareNetwork) => t(`networks.${network}`);

  function failure(result: Extract<ActionResult, { ok: false }>) {
    return result.fieldErrors?.mastodonInstance ? t("mastodon.invalid") : tErrors(`codes.${result.code}`);
  }

  async function open(network: ShareNetwork, intent: ShareIntent) {
    if (intent.kind === "copy") {
      setStatus((await copyText(intent.text)) ? { kind: "copied" } : { kind: "copy_manually", text: intent.text });
      return;
    }
    if (intent.kind === "native") {
      const data = { title: intent.title, text: intent.text, url: intent.url };
      try {
        await navigator.share(data);
        setStatus(null);
      } catch (error) {
        // Some browsers refuse a share sheet once the tap is a few moments old: one more tap.
        if ((error as Error).name !== "AbortError") setStatus({ kind: "native_again", data });
      }
      return;
    }
    const captionCopied = intent.clipboard ? await copyText(intent.clipboard) : false;
    if (intent.url.startsWith("mailto:")) window.location.href = intent.url;
    else window.open(intent.url, "_blank", "noopener,noreferrer");
    setStatus({ kind: "opened", network, url: intent.url, captionCopied });
  }

  async function share(network: ShareNetwork, mastodon?: string) {
    setBusy(true);
    setStatus({ kind: "working" });
    const result = (await sharePostAction({ org, postId, network, locale, mastodonInstance: mastodon })) as ActionResult<SharePostResult>;
    setBusy(false);
    if (!result.ok) {
      if (network === "mastodon" && result.fieldErrors?.mastodonInstance) {
        setInstanceError(t("mastodon.invalid"));
        setStatus(null);
        return;
      }
      setStatus({ kind: "error", message: failure(result) });
      return;
    }
    if (mastodon) {
      setInstance(mastodon);
      setAskInstance(false);
      setInstanceError(null);
    }
    await open(network, result.data.intent);
  }

  async function remind(form: FormData) {
    const local = String(form.get("remindAt") ?? "");
    const at = local ? new Date(local) : null;
    if (!at || Number.isNaN(at.getTime())) {
      setReminder({ ok: false, message: t("remind.in_past") });
      return;
    }
    const result = await remindToShareAction({ org, postId, remindAt: at.toISOString() });
    if (result.ok) {
      setReminder({ ok: true, at: result.data.remindAt });
      return;
    }
    const field = result.fieldErrors?.remindAt?.[0];
    setReminder({ ok: false, message: field === "reminder_too_far" ? t("remind.too_far") : field ? t("remind.in_past") : tErrors(`codes.${result.code}`) });
  }

  return (
    <div className="space-y-3">
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4" aria-label={t("heading")}>
        {DIALOG_NETWORKS.map((network) => (
          <li key={network}>
            <button
              type="button"
              className="btn-secondary w-full"
              aria-label={t("share_on", { network: networkName(network) })}
              disabled={busy}
              onClick={() => (network === "mastodon" && !instance ? setAskInstance(true) : share(network, network === "mastodon" ? instance ?? undefined : undefined))}
            >
              {networkName(network)}
            </button>
          </li>
        ))}
        <li>
          <button type="button" className="btn-secondary w-full" aria-label={t("email_label")} disabled={busy} onClick={() => share("email")}>
            {networkName("email")}
          </button>
        </li>
        <li className="col-span-2 sm:col-span-3">
          <button type="button" className="btn-secondary w-full" disabled={busy} onClick={() => share("copy")}>
            {t("copy")}
          </button>
        </li>
        {canNativeShare ? (
          <li className="col-span-2 sm:col-span-4">
            <button type="button" className="btn-primary w-full" disabled={busy} onClick={() => share("native")}>
              {t("native")}
            </button>
          </li>
        ) : null}
      </ul>

      {instance && !askInstance ? (
        <button type="button" className="inline-flex min-h-11 items-center text-sm text-blue-800 underline" onClick={() => setAskInstance(true)}>
          {t("mastodon.change", { instance })}
        </button>
      ) : null}

      {askInstance ? (
        <form
          className="space-y-2 rounded-lg border border-slate-300 p-3"
          action={(form) => share("mastodon", String(form.get("instance") ?? ""))}
        >
          <fieldset className="space-y-2">
            <legend className="font-semibold">{t("mastodon.legend")}</legend>
            <label htmlFor={ids.instance} className="label">{t("mastodon.label")}</label>
            <input
              id={ids.instance}
              name="instance"
              className="input"
              inputMode="url"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              defaultValue={instance ?? ""}
              placeholder="mastodon.social"
              required
              aria-describedby={ids.instanceHint}
              aria-invalid={instanceError ? true : undefined}
            />
            <p id={ids.instanceHint} className="text-sm text-slate-700">{t("mastodon.hint")}</p>
            {instanceError ? <p role="alert" className="field-error">{instanceError}</p> : null}
          </fieldset>
          <div className="flex flex-wrap gap-2">
            <button type="submit" className="btn-primary" disabled={busy}>{t("mastodon.submit")}</button>
            <button type="button" className="btn-secondary" onClick={() => setAskInstance(false)}>{t("mastodon.cancel")}</button>
          </div>
        </form>
      ) : null}

      <div role="status" aria-live="polite" className="text-sm text-slate-800">
        {status?.kind === "working" ? <p>{t("working")}</p> : null}
        {status?.kind === "opened" ? (
          <div className="space-y-1">
            <p>{status.captionCopied ? t("caption_copied", { network: networkName(status.network) }) : t("opened", { network: networkName(status.network) })}</p>
            {status.url.startsWith("mailto:") ? null : (
              <a href={status.url} target="_blank" rel="noopener noreferrer" className="inline-flex min-h-11 items-center text-blue-800 underline">
                {t("open_again", { network: networkName(status.network) })}
              </a>
            )}
          </div>
        ) : null}
        {status?.kind === "copied" ? <p>{t("copied")}</p> : null}
        {status?.kind === "copy_manually" ? (
          <div className="space-y-1">
            <p>{t("copy_manually")}</p>
            <textarea readOnly aria-label={t("copy_manually_label")} className="input min-h-24" value={status.text} onFocus={(e) => e.currentTarget.select()} />
          </div>
        ) : null}
        {status?.kind === "native_again" ? (
          <button type="button" className="btn-primary" onClick={() => navigator.share(status.data).then(() => setStatus(null), () => {})}>
            {t("native_again")}
          </button>
        ) : null}
        {status?.kind === "error" ? <p className="text-red-700">{status.message}</p> : null}
      </div>

      <details className="rounded-lg border border-slate-200 bg-slate-50">
        <summary className="flex min-h-11 cursor-pointer items-center px-3 font-medium">{t("remind.summary")}</summary>
        <form action={remind} className="space-y-2 px-3 pb-3">
          <label htmlFor={ids.remind} className="label">{t("remind.label")}</label>
          <input id={ids.remind} name="remindAt" type="datetime-local" className="input" required />
          <button type="submit" className="btn-secondary">{t("remind.submit")}</button>
          <p role="status" aria-live="polite" className="text-sm">
            {reminder?.ok ? t("remind.scheduled", { date: format.dateTime(new Date(reminder.at), { dateStyle: "long", timeStyle: "short" }) }) : null}
            {reminder && !reminder.ok ? <span className="text-red-700">{reminder.message}</span> : null}
          </p>
        </form>
      </details>
    </div>
  );
}
