"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

// Re-renders the page every few seconds while a job it shows is still running.
export function RefreshWhile({ pending, everyMs = 2_000 }: { pending: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [pending, everyMs, router]);
  return null;
}
