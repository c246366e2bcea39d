"use client";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { loadFeedPageAction } from "@/lib/feed/actions";
import type { FeedItem } from "@/lib/feed/queries";
import type { FeedNetwork } from "@/lib/feed/schemas";
import { FeedCard } from "./feed-card";

type Props = {
  org: string;
  campaign?: string;
  network?: FeedNetwork;
  nextCursor: string | null;
  // The first page, rendered on the server.
  children: React.ReactNode;
};

// The feed list and its "load more": a real submit button (a plain GET of the next page
// without JavaScript), which also fires by itself when it scrolls into view.
export function FeedList({ org, campaign, network, nextCursor, children }: Props) {
  const t = useTranslations("feed.more");
  const [items, setItems] = useState<FeedItem[]>([]);
  const [cursor, setCursor] = useState(nextCursor);
  const [status, setStatus] = useState<"idle" | "loading" | "error">("idle");
  const [announcement, setAnnouncement] = useState("");
  // Cursors already asked for: an observer bound to the previous render may fire once more
  // before the new cursor lands, and must not fetch the same page twice.
  const requested = useRef(new Set<string>());
  const button = useRef<HTMLButtonElement>(null);

  const loadMore = useCallback(async () => {
    if (!cursor || requested.current.has(cursor)) return;
    requested.current.add(cursor);
    setStatus("loading");
    const result = await loadFeedPageAction({ org, campaign, network, cursor }).catch(() => null);
    if (!result?.ok) {
      requested.current.delete(cursor);
      setStatus("error");
      return;
    }
    setItems((previous) => [...previous, ...result.data.items]);
    setCursor(result.data.nextCursor);
    setStatus("idle");
    setAnnouncement(t("loaded", { count: result.data.items.length }));
  }, [cursor, org, campaign, network, t]);

  useEffect(() => {
    const target = button.current;
    // After a failure only the button retries, so a broken connection is not hammered.
    if (!target || status === "error") return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void loadMore();
    }, { rootMargin: "600px 0px" });
    observer.observe(target);
    return () => observer.disconnect();
  }, [loadMore, status]);

  return (
    <>
      <ul className="grid gap-4">
        {children}
        {items.map((item) => (
          <FeedCard key={item.id} org={org} item={item} />
        ))}
      </ul>
      <p aria-live="polite" className="sr-only">{announcement}</p>
      {status === "error" ? <p role="alert" className="field-error">{t("error")}</p> : null}
      {cursor ? (
        <form
          method="get"
          action={`/${org}`}
          onSubmit={(event) => {
            event.preventDefault();
            void loadMore();
          }}
        >
          {campaign ? <input type="hidden" name="campaign" value={campaign} /> : null}
          {network ? <input type="hidden" name="network" value={network} /> : null}
          <input type="hidden" name="cursor" value={cursor} />
          {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus. */}
          <button ref={button} className="btn-secondary w-full" aria-disabled={status === "loading"}>
            {status === "loading" ? t("loading") : t("load")}
          </button>
        </form>
      ) : items.length > 0 ? (
        <p className="py-2 text-center text-sm text-slate-700">{t("end")}</p>
      ) : null}
    </>
  );
}
