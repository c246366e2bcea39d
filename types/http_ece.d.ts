// http_ece ships no types: the two calls the tests use (RFC 8188 content coding).
declare module "http_ece" {
  import type { ECDH } from "node:crypto";
  type Params = { version?: "aes128gcm" | "aesgcm"; privateKey?: ECDH; dh?: string | Buffer; authSecret?: string | Buffer; keyid?: string; salt?: string | Buffer; rs?: number };
  export function decrypt(buffer: Buffer, params: Params): Buffer;
  export function encrypt(buffer: Buffer, params: Params): Buffer;
}
