import { env } from "@/lib/env";
import { createLocalStorage } from "./local";
import { createS3Storage } from "./s3";
import type { Storage } from "./types";

export type { ByteRange, Storage, StoredObject } from "./types";

const globalForStorage = globalThis as unknown as { relaisStorage?: Storage };

export function getStorage(): Storage {
  if (globalForStorage.relaisStorage) return globalForStorage.relaisStorage;
  const e = env();
  const s3 = e.S3_ENDPOINT && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY;
  globalForStorage.relaisStorage = s3
    ? createS3Storage({
        endpoint: e.S3_ENDPOINT!,
        bucket: e.S3_BUCKET!,
        accessKeyId: e.S3_ACCESS_KEY_ID!,
        secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
        region: e.S3_REGION ?? "us-east-1",
        forcePathStyle: e.S3_FORCE_PATH_STYLE,
      })
    : createLocalStorage(e.STORAGE_DIR);
  return globalForStorage.relaisStorage;
}

export const putObject: Storage["putObject"] = (key, bytes, contentType) => getStorage().putObject(key, bytes, contentType);
export const getObject: Storage["getObject"] = (key, options) => getStorage().getObject(key, options);
export const deleteObject: Storage["deleteObject"] = (key) => getStorage().deleteObject(key);
