"use client";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { measureCaption, measureText, type CaptionNetwork } from "@/lib/posts/caption-limits";

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  hashtags?: string[];
  rows?: number;
  // Either a network (counted as that network counts) or a plain limit in graphemes.
  network?: CaptionNetwork;
  limit?: number;
  multiline?: boolean;
};

// A caption with its live counter, counted by the same module the server validates with.
export function CaptionField({ id, label, value, onChange, error, hashtags = [], rows = 3, network, limit, multiline = true }: Props) {
  const t = useTranslations("posts.editor");
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const measure = network ? measureCaption(network, value) : measureText(value, limit ?? Infinity);
  const counterId = `${id}-counter`;
  const errorId = `${id}-error`;
  const common = {
    id,
    ref,
    value,
    className: `input ${measure.over ? "border-red-700 ring-1 ring-red-700" : ""}`,
    "aria-describedby": [counterId, error ? errorId : null].filter(Boolean).join(" "),
    "aria-invalid": measure.over || Boolean(error) || undefined,
    onChange: (e: React.ChangeEvent<HTMLTextAreaElement | HTMLInputElement>) => onChange(e.target.value),
  };

  function addTag(tag: string) {
    const next = value && !/\s$/.test(value) ? `${value} ${tag}` : `${value}${tag}`;
    onChange(next);
    ref.current?.focus();
  }

  return (
    <div>
      <label htmlFor={id} className="label">{label}</label>
      {multiline ? <textarea rows={rows} {...common} /> : <input {...common} />}
      <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
        <p id={counterId} className={`text-sm tabular-nums ${measure.over ? "font-semibold text-red-800" : "text-slate-700"}`}>
          {measure.over ? t("counter_over", { length: measure.length, limit: measure.limit, over: -measure.remaining }) : t("counter", { length: measure.length, limit: measure.limit })}
        </p>
        {hashtags.length > 0 && (
          <ul className="flex flex-wrap gap-1" aria-label={t("hashtag_chips", { field: label })}>
            {hashtags.map((tag) => (
              <li key={tag}>
                <button type="button" onClick={() => addTag(tag)} className="min-h-11 rounded-full border border-blue-300 bg-blue-50 px-3 text-sm text-blue-900 hover:bg-blue-100" aria-label={t("add_hashtag", { tag, field: label })}>
                  + {tag}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {error && <p id={errorId} className="field-error">{error}</p>}
    </div>
  );
}
