"use client";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action";

type Action = (input: Record<string, string>) => Promise<ActionResult>;

const fromBase64Url = (value: string) => {
  const padded = (value + "===".slice((value.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
};
const toBase64Url = (buffer: ArrayBuffer | null) => (buffer ? btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "") : "");

// This device's web push subscription: the service worker registered, the browser asked, the
// subscription stored for this workspace (one per device).
export function PushToggle({ org, vapidKey, subscribe, unsubscribe }: { org: string; vapidKey: string; subscribe: Action; unsubscribe: Action }) {
  const t = useTranslations("alerts.preferences");
  const [supported, setSupported] = useState(true);
  const [endpoint, setEndpoint] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!("serviceWorker" in navigator) || !("PushManager" in window)) {
      setSupported(false);
      return;
    }
    navigator.serviceWorker
      .register("/sw.js")
      .then((reg) => reg.pushManager.getSubscription())
      .then((sub) => setEndpoint(sub?.endpoint ?? null))
      .catch(() => setSupported(false));
  }, []);
  if (!supported) return <p className="text-sm text-slate-700">{t("push_unsupported")}</p>;
  const on = async () => {
    setBusy(true);
    try {
      const reg = await navigator.serviceWorker.ready;
      const sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: fromBase64Url(vapidKey) });
      const result = await subscribe({ org, endpoint: sub.endpoint, p256dh: toBase64Url(sub.getKey("p256dh")), auth: toBase64Url(sub.getKey("auth")) });
      if (result.ok) setEndpoint(sub.endpoint);
    } finally {
      setBusy(false);
    }
  };
  const off = async () => {
    setBusy(true);
    try {
      const reg = await navigator.serviceWorker.ready;
      const sub = await reg.pushManager.getSubscription();
      if (sub) {
        await unsubscribe({ org, endpoint: sub.endpoint });
        await sub.unsubscribe();
      }
      setEndpoint(null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="space-y-2">
      {endpoint && <p role="status" className="text-sm text-green-800">{t("push_on")}</p>}
      <button type="button" className="btn-secondary w-full sm:w-auto" disabled={busy} onClick={endpoint ? off : on}>
        {endpoint ? t("disable_push") : t("enable_push")}
      </button>
    </div>
  );
}
