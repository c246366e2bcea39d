// GET /media/<id> – an uploaded or generated medium (public once its post is published)
import { serveMedia } from "@/lib/media/serve-media";

export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return serveMedia(id, request);
}
