import { useTranslations } from "next-intl";
import type { FeedItem } from "@/lib/feed/queries";

// Pinned, the key moment the post serves (and whether it is happening now), video.
export function FeedBadges({ item }: { item: Pick<FeedItem, "pinned" | "keyMoment" | "kind"> }) {
  const t = useTranslations("feed.card");
  const { keyMoment } = item;
  if (!item.pinned && !keyMoment && item.kind !== "video") return null;
  return (
    <ul className="flex flex-wrap gap-1.5 text-xs font-semibold">
      {item.pinned ? <li className="rounded-full bg-amber-100 px-2.5 py-1 text-amber-900">{t("pinned")}</li> : null}
      {keyMoment ? (
        <li className={`rounded-full px-2.5 py-1 ${keyMoment.now ? "bg-red-100 text-red-900" : "bg-blue-50 text-blue-900"}`}>
          {t("key_moment", { title: keyMoment.title })}
          {keyMoment.now ? <> · {t("happening_now")}</> : null}
        </li>
      ) : null}
      {item.kind === "video" ? <li className="rounded-full bg-slate-100 px-2.5 py-1 text-slate-800">{t("video")}</li> : null}
    </ul>
  );
}
