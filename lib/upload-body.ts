import { AppError } from "@/lib/errors";

// The body of an upload, read from the request stream up to `limit` bytes and no further.
// A declared Content-Length above the limit is refused before anything is read; a chunked
// body without a length is cut off as soon as it passes the limit (the rest is never pulled),
// so at most `limit` bytes are ever held. Answered 413 payload_too_large by the route.
export async function readBodyWithin(req: Request, limit: number): Promise<Uint8Array> {
  const declared = req.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= limit)) {
    await req.body?.cancel().catch(() => {});
    throw new AppError("payload_too_large", `The body is over ${limit} bytes`);
  }
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new AppError("payload_too_large", `The body is over ${limit} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
