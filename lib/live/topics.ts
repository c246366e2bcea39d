import { queuePrefix } from "@/lib/jobs/queues";

// Live updates cross processes through Redis pub/sub: whichever web process holds a
// viewer's stream hears what any worker or web process published. Topics are scoped to an
// organisation, so a channel name never lets one workspace listen to another's.
export const liveChannel = (orgId: string, topic: string) => `${queuePrefix()}:live:${orgId}:${topic}`;
