import { useTranslations } from "next-intl";

export function Hashtags({ tags, className = "" }: { tags: string[]; className?: string }) {
  const t = useTranslations("feed.card");
  if (tags.length === 0) return null;
  return (
    <p className={`font-medium text-blue-800 ${className}`}>
      <span className="sr-only">{t("hashtags")} </span>
      {tags.join(" ")}
    </p>
  );
}
