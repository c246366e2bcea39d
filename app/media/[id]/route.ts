// GET /media/<id> – an uploaded or generated medium (public once its post is published)
import { publicRoute } from "@/lib/api";
import { serveMedia } from "@/lib/media/serve-media";

export const GET = publicRoute<{ id: string }, Request>((request, { id }) => serveMedia(id, request));
