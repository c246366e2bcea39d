import { getTranslations } from "next-intl/server";

const TONES: Record<string, string> = {
  draft: "bg-slate-100 text-slate-800 border-slate-300",
  in_review: "bg-amber-50 text-amber-900 border-amber-300",
  approved: "bg-sky-50 text-sky-900 border-sky-300",
  scheduled: "bg-indigo-50 text-indigo-900 border-indigo-300",
  published: "bg-green-50 text-green-900 border-green-300",
  active: "bg-green-50 text-green-900 border-green-300",
  expired: "bg-slate-100 text-slate-700 border-slate-300",
  ended: "bg-slate-100 text-slate-700 border-slate-300",
  archived: "bg-slate-100 text-slate-700 border-slate-300",
};

// A campaign's or a post's status, as words (colour only repeats them).
export async function StatusBadge({ kind, status }: { kind: "campaign" | "post"; status: string }) {
  const t = await getTranslations(kind === "campaign" ? "campaigns.statuses" : "posts.statuses");
  return <span className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-semibold ${TONES[status] ?? TONES.draft}`}>{t(status)}</span>;
}
