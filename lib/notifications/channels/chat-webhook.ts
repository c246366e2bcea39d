import { request } from "undici";
import type { RenderedMessage } from "../message";

export type WebhookResult = { ok: true } | { ok: false; transient: boolean; reason: string };

// Slack's incoming webhook takes `text` (mrkdwn); Teams' takes a message with an Adaptive Card.
export function webhookBody(kind: "slack" | "teams", message: RenderedMessage) {
  if (kind === "slack") return { text: `*${message.title}*\n${message.body}\n<${message.url}|${message.action}>` };
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        content: {
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            { type: "TextBlock", text: message.title, weight: "Bolder", size: "Medium", wrap: true },
            { type: "TextBlock", text: message.body, wrap: true },
          ],
          actions: [{ type: "Action.OpenUrl", title: message.action, url: message.url }],
        },
      },
    ],
  };
}

export async function postWebhook(url: string, kind: "slack" | "teams", message: RenderedMessage): Promise<WebhookResult> {
  try {
    const res = await request(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(webhookBody(kind, message)), headersTimeout: 10_000, bodyTimeout: 10_000 });
    const text = await res.body.text();
    if (res.statusCode >= 200 && res.statusCode < 300) return { ok: true };
    return { ok: false, transient: res.statusCode === 429 || res.statusCode >= 500, reason: `${kind} ${res.statusCode} ${text.slice(0, 200)}`.trim() };
  } catch (error) {
    return { ok: false, transient: true, reason: `${kind} network: ${(error as Error).message}` };
  }
}
