import { afterAll, describe, expect, it } from "vitest";
import { publishLive } from "@/lib/live/publish";
import { liveStream } from "@/lib/live/stream";
import { closeRedis } from "@/lib/redis";

afterAll(async () => {
  await closeRedis();
});

async function readEvents(response: Response, count: number) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const events: { event: string; data: unknown }[] = [];
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
    for (;;) {
      const end = text.indexOf("\n\n");
      if (end < 0) break;
      const block = text.slice(0, end);
      text = text.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) });
    }
  }
  await reader.cancel();
  return events;
}

describe("live streams", () => {
  it("delivers what another connection publishes, on the organisation's topic only", async () => {
    const controller = new AbortController();
    const request = new Request("http://localhost/stream", { signal: controller.signal });
    const response = liveStream(request, "org_a", ["alert-1"], async () => ({ sent: 0 }));
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reading = readEvents(response, 2);
    // The subscription is set up asynchronously: publish until the viewer has heard one.
    await new Promise((r) => setTimeout(r, 300));
    await publishLive("org_b", "alert-1", { sent: 99 });
    await publishLive("org_a", "alert-1", { sent: 5 });
    const events = await reading;
    controller.abort();
    expect(events).toEqual([
      { event: "initial", data: { sent: 0 } },
      { event: "alert-1", data: { sent: 5 } },
    ]);
  });
});
