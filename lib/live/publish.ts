import { getRedis, whenReady } from "@/lib/redis";
import { liveChannel } from "./topics";

// Tells every open stream on this topic that something changed. Best effort: a viewer that
// misses one message catches up with the next (or on reload); the facts are in PostgreSQL.
export async function publishLive(orgId: string, topic: string, data: unknown) {
  try {
    const redis = getRedis();
    await whenReady(redis);
    await redis.publish(liveChannel(orgId, topic), JSON.stringify(data));
  } catch (error) {
    console.error(`[live] ${topic}: ${(error as Error).message}`);
  }
}
