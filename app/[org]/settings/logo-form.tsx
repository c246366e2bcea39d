"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert, FormSuccess } from "@/app/_components/form-error";
import { LOGO_MAX_BYTES, LOGO_TYPES } from "@/lib/organizations/schemas";

type Outcome = { ok: true } | { ok: false; code: string; field?: string };

// The image itself is sent to POST /api/orgs/:org/logo, which reads it up to 1 MB and no
// further: server actions keep small bodies.
export function LogoForm({ org }: { org: string }) {
  const t = useTranslations("settings.logo");
  const tErrors = useTranslations("settings.errors");
  const tShared = useTranslations("errors");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const fieldText = (code: string) => (tErrors.has(code) ? tErrors(code) : tShared.has(`fields.${code}`) ? tShared(`fields.${code}`) : tShared("fields.invalid"));
  const fieldErrorCode = outcome && !outcome.ok ? outcome.field : undefined;
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const file = (e.currentTarget.elements.namedItem("logo") as HTMLInputElement).files?.[0];
        if (!file || file.size === 0) return setOutcome({ ok: false, code: "bad_request", field: "logo_required" });
        // Said before the upload, not after a megabyte has crossed a phone connection.
        if (file.size > LOGO_MAX_BYTES) return setOutcome({ ok: false, code: "bad_request", field: "logo_too_large" });
        start(async () => {
          const answer = await fetch(`/api/orgs/${encodeURIComponent(org)}/logo`, { method: "POST", body: file, headers: { "content-type": file.type || "application/octet-stream" } }).catch(() => null);
          if (answer?.ok) {
            setOutcome({ ok: true });
            router.refresh();
            return;
          }
          const body = (await answer?.json().catch(() => null)) as { error?: { code?: string; details?: { logo?: string[] } } } | null;
          const code = body?.error?.code ?? "internal";
          setOutcome(code === "payload_too_large" ? { ok: false, code, field: "logo_too_large" } : { ok: false, code, field: body?.error?.details?.logo?.[0] });
        });
      }}
    >
      {outcome?.ok ? <FormSuccess>{t("saved")}</FormSuccess> : null}
      {outcome && !outcome.ok && !outcome.field ? <Alert>{tShared.has(`codes.${outcome.code}`) ? tShared(`codes.${outcome.code}`) : tShared("codes.internal")}</Alert> : null}
      <div>
        <label htmlFor="logo" className="label">{t("file")}</label>
        <input
          id="logo"
          name="logo"
          type="file"
          required
          accept={LOGO_TYPES.join(",")}
          className="input file:mr-3 file:rounded-md file:border-0 file:bg-slate-200 file:px-3 file:py-1 file:font-semibold file:text-slate-900"
          aria-describedby={fieldErrorCode ? "logo-help logo-error" : "logo-help"}
          onChange={() => setOutcome(null)}
        />
        <p id="logo-help" className="mt-1 text-sm text-slate-700">{t("file_help")}</p>
        {fieldErrorCode ? <p id="logo-error" className="field-error">{fieldText(fieldErrorCode)}</p> : null}
      </div>
      <button type="submit" className="btn-secondary w-full sm:w-auto" disabled={pending} aria-busy={pending}>{t("submit")}</button>
    </form>
  );
}
