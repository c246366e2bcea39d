"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

// Re-renders the page (the server reads the boards again) when the contest's boards change:
// server-sent events fed by Redis pub/sub, at most one refresh a second.
export function LiveRefresh({ url, topic }: { url: string; topic: string }) {
  const router = useRouter();
  useEffect(() => {
    const source = new EventSource(url);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        router.refresh();
      }, 1_000);
    };
    source.addEventListener(topic, refresh);
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [url, topic, router]);
  return null;
}
