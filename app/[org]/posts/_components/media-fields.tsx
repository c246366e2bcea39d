"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { LinkPreview } from "@/db/schema/posts";
import { fetchLinkPreviewAction } from "@/lib/link-preview/actions";
import { MEDIA_ACCEPT } from "@/lib/media/schemas";
import { mediaUrl } from "@/lib/media/urls";

// A refusal code from another domain's action, in words when that domain has them.
function useRefusal() {
  const t = useTranslations();
  return (code: string | undefined, namespaces: string[]) => {
    for (const ns of namespaces) if (code && t.has(`${ns}.${code}`)) return t(`${ns}.${code}`);
    return t("errors.fields.invalid");
  };
}

export type UploadedMedia = { id: string; kind: "image" | "video" };

export function MediaUpload({ org, id, label, value, onChange, imagesOnly = false }: { org: string; id: string; label: string; value: UploadedMedia | null; onChange: (m: UploadedMedia | null) => void; imagesOnly?: boolean }) {
  const t = useTranslations("posts.editor");
  const refusal = useRefusal();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  function upload(file: File | undefined) {
    if (!file) return;
    start(async () => {
      // The file itself is the body: the route reads it up to the limit and no further.
      const answer = await fetch(`/api/orgs/${encodeURIComponent(org)}/media`, { method: "POST", body: file, headers: { "content-type": file.type || "application/octet-stream" } }).catch(() => null);
      const body = (await answer?.json().catch(() => null)) as { id?: string; kind?: UploadedMedia["kind"]; error?: { code?: string; details?: { file?: string[] } } } | null;
      if (answer?.ok && body?.id && body.kind) {
        setError(null);
        onChange({ id: body.id, kind: body.kind });
      } else if (body?.error?.code === "payload_too_large") setError(refusal("media_too_large", ["media.errors"]));
      else setError(refusal(body?.error?.details?.file?.[0] ?? `codes.${body?.error?.code ?? "internal"}`, ["media.errors", "errors.fields", "errors"]));
    });
  }
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="label">{label}</label>
      <input id={id} type="file" accept={imagesOnly ? "image/png,image/jpeg,image/webp" : MEDIA_ACCEPT} className="input" onChange={(e) => upload(e.target.files?.[0])} aria-describedby={error ? `${id}-error` : undefined} disabled={pending} />
      {pending && <p role="status" className="text-sm text-slate-700">{t("uploading")}</p>}
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
      {value && (
        <div className="space-y-2">
          {value.kind === "image" ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={mediaUrl(value.id)} alt={t("uploaded_preview")} className="max-h-48 rounded-lg border border-slate-200" />
          ) : (
            <video src={mediaUrl(value.id)} controls className="max-h-48 rounded-lg border border-slate-200" aria-label={t("uploaded_preview")} />
          )}
          <button type="button" className="btn-secondary" onClick={() => onChange(null)}>{t("remove_media")}</button>
        </div>
      )}
    </div>
  );
}

export function LinkFields({ org, url, preview, onUrl, onPreview, error }: { org: string; url: string; preview: LinkPreview | null; onUrl: (u: string) => void; onPreview: (p: LinkPreview | null) => void; error: string | null }) {
  const t = useTranslations("posts.editor");
  const refusal = useRefusal();
  const [pending, start] = useTransition();
  const [fetchError, setFetchError] = useState<string | null>(null);
  function fetchPreview() {
    start(async () => {
      const result = await fetchLinkPreviewAction({ org, url });
      if (result.ok) {
        setFetchError(null);
        onPreview(result.data);
      } else setFetchError(refusal(result.fieldErrors?.url?.[0], ["integrations.link_preview.errors", "errors.fields"]));
    });
  }
  const shown = preview && preview.url === url ? preview : null;
  return (
    <div className="space-y-2">
      <label htmlFor="linkUrl" className="label">{t("link_url")}</label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input id="linkUrl" type="url" inputMode="url" className="input" value={url} placeholder="https://" onChange={(e) => onUrl(e.target.value)} aria-describedby={error || fetchError ? "linkUrl-error" : undefined} />
        <button type="button" className="btn-secondary shrink-0" onClick={fetchPreview} disabled={!url || pending}>
          {pending ? t("fetching_preview") : t("fetch_preview")}
        </button>
      </div>
      {(error || fetchError) && <p id="linkUrl-error" className="field-error">{error ?? fetchError}</p>}
      {shown && (
        <div className="flex gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3">
          {shown.imageMediaId && (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={mediaUrl(shown.imageMediaId)} alt="" className="size-20 shrink-0 rounded object-cover" />
          )}
          <div className="min-w-0">
            <p className="font-semibold">{shown.title ?? shown.url}</p>
            {shown.description && <p className="line-clamp-2 text-sm text-slate-700">{shown.description}</p>}
            {shown.siteName && <p className="text-xs text-slate-700">{shown.siteName}</p>}
          </div>
        </div>
      )}
    </div>
  );
}
