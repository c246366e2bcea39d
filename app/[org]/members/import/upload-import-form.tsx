"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/app/_components/form-error";

const REASONS = ["file_too_large", "not_csv", "empty_file", "missing_email_column", "too_many_rows"] as const;
type Reason = (typeof REASONS)[number] | "generic";

// Uploads to the route handler (server actions cap bodies at 1 MB), then opens the import's
// progress page, which keeps working across reloads.
export function UploadImportForm({ org, maxMb }: { org: string; maxMb: number }) {
  const t = useTranslations("imports.upload");
  const router = useRouter();
  const [error, setError] = useState<Reason | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File) || file.size === 0) return setError("empty_file");
    if (file.size > maxMb * 1024 * 1024) return setError("file_too_large");
    setPending(true);
    setError(null);
    try {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch(`/api/orgs/${org}/imports`, { method: "POST", body });
      const json = await response.json().catch(() => null);
      if (response.ok) return router.push(`/${org}/members/import/${json.id}`);
      const reason = json?.error?.details?.reason;
      setError(REASONS.includes(reason) ? reason : "generic");
    } catch {
      setError("generic");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      {error ? (
        <Alert id="import-file-error">{t(`errors.${error}`, { max: maxMb })}</Alert>
      ) : null}
      <div>
        <label htmlFor="import-file" className="label">{t("file")}</label>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".csv,text/csv,.txt"
          required
          className="input file:mr-3 file:min-h-9 file:rounded-md file:border-0 file:bg-slate-200 file:px-3 file:font-semibold"
          aria-describedby={error ? "import-file-error" : undefined}
        />
      </div>
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending} aria-busy={pending}>
        {pending ? t("uploading") : t("submit")}
      </button>
    </form>
  );
}
