import type { S3Client } from "@aws-sdk/client-s3";
import { assertStorageKey, type Storage } from "./types";

export type S3Options = {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  forcePathStyle: boolean;
};

// Any S3-compatible store (AWS, MinIO, Garage, Ceph, R2…). The SDK loads on first use, so an
// installation on local disk never pays for it.
export function createS3Storage(options: S3Options): Storage {
  const Bucket = options.bucket;
  let ready: Promise<{ client: S3Client; sdk: typeof import("@aws-sdk/client-s3") }> | undefined;
  const connect = () =>
    (ready ??= import("@aws-sdk/client-s3").then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        endpoint: options.endpoint,
        region: options.region,
        forcePathStyle: options.forcePathStyle,
        credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      }),
    })));

  return {
    async putObject(key, bytes, contentType) {
      assertStorageKey(key);
      const { client, sdk } = await connect();
      await client.send(new sdk.PutObjectCommand({ Bucket, Key: key, Body: bytes, ContentType: contentType, ContentLength: bytes.byteLength }));
    },
    async getObject(key, options) {
      assertStorageKey(key);
      const { client, sdk } = await connect();
      const range = options?.range;
      try {
        const out = await client.send(new sdk.GetObjectCommand({ Bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }));
        const body = out.Body!;
        return {
          contentType: out.ContentType ?? "application/octet-stream",
          size: out.ContentLength ?? 0,
          stream: () => body.transformToWebStream() as ReadableStream<Uint8Array>,
          bytes: () => body.transformToByteArray(),
        };
      } catch (error) {
        if (error instanceof sdk.NoSuchKey || (error as { name?: string }).name === "NoSuchKey") return null;
        throw error;
      }
    },
    async deleteObject(key) {
      assertStorageKey(key);
      const { client, sdk } = await connect();
      await client.send(new sdk.DeleteObjectCommand({ Bucket, Key: key }));
    },
  };
}
