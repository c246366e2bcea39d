import { request } from "undici";
import webpush from "web-push";
import type { VapidKeys } from "../secrets";
import type { RenderedMessage } from "../message";

export type PushTarget = { endpoint: string; p256dh: string; auth: string };
export type PushResult = { ok: true } | { ok: false; gone: boolean; transient: boolean; reason: string };

// One encrypted Web Push message (RFC 8291, aes128gcm) to one device. web-push builds the
// encrypted body and VAPID headers; we send it ourselves so a 404/410 (the subscription is
// gone) and a 429/5xx (try later) are told apart.
export async function sendPush(target: PushTarget, message: RenderedMessage & { tag: string; urgent: boolean }, keys: VapidKeys, subject: string): Promise<PushResult> {
  const payload = JSON.stringify({ title: message.title, body: message.body, url: message.url, tag: message.tag });
  const details = webpush.generateRequestDetails({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, payload, {
    vapidDetails: { subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
    TTL: 24 * 3600,
    urgency: message.urgent ? "high" : "normal",
    contentEncoding: "aes128gcm",
  });
  try {
    const res = await request(details.endpoint, { method: "POST", headers: details.headers as Record<string, string>, body: details.body ?? undefined, headersTimeout: 10_000, bodyTimeout: 10_000 });
    const text = await res.body.text();
    if (res.statusCode >= 200 && res.statusCode < 300) return { ok: true };
    return { ok: false, gone: res.statusCode === 404 || res.statusCode === 410, transient: res.statusCode === 429 || res.statusCode >= 500, reason: `push ${res.statusCode} ${text.slice(0, 200)}`.trim() };
  } catch (error) {
    return { ok: false, gone: false, transient: true, reason: `push network: ${(error as Error).message}` };
  }
}
