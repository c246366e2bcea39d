import "server-only";
import { createRedis } from "@/lib/redis";
import { liveChannel } from "./topics";

const HEARTBEAT_MS = 15_000;

// A server-sent events response fed by Redis pub/sub, for a route handler that has already
// checked who is asking. Each open stream holds one subscriber connection, closed when the
// viewer leaves. `initial` (optional) is sent first, so a page opened between two updates is
// not stale.
export function liveStream(request: Request, orgId: string, topics: string[], initial?: () => Promise<unknown>) {
  const encoder = new TextEncoder();
  const subscriber = createRedis({ maxRetriesPerRequest: null });
  subscriber.on("error", () => {});
  const channels = topics.map((topic) => liveChannel(orgId, topic));
  let heartbeat: NodeJS.Timeout | undefined;

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (chunk: string) => {
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          // The viewer left between two messages.
        }
      };
      const close = () => {
        clearInterval(heartbeat);
        subscriber.disconnect();
        try {
          controller.close();
        } catch {}
      };
      request.signal.addEventListener("abort", close);
      subscriber.on("message", (channel: string, message: string) => {
        const topic = topics[channels.indexOf(channel)];
        if (topic) send(`event: ${topic}\ndata: ${message}\n\n`);
      });
      await subscriber.subscribe(...channels);
      if (initial) send(`event: initial\ndata: ${JSON.stringify(await initial())}\n\n`);
      heartbeat = setInterval(() => send(`: keep-alive\n\n`), HEARTBEAT_MS);
    },
    cancel() {
      clearInterval(heartbeat);
      subscriber.disconnect();
    },
  });

  return new Response(body, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
}
