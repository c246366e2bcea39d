// Inclusive byte offsets, as in an HTTP Range header.
export type ByteRange = { start: number; end: number };

export type StoredObject = {
  contentType: string;
  // Bytes in this answer: the whole object, or the range asked for.
  size: number;
  // Either one, once: an S3 body cannot be read twice.
  stream(): ReadableStream<Uint8Array>;
  bytes(): Promise<Uint8Array>;
};

export type Storage = {
  putObject(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  // null when nothing is stored under the key.
  getObject(key: string, options?: { range?: ByteRange }): Promise<StoredObject | null>;
  // Deleting a missing key is not an error: callers may retry.
  deleteObject(key: string): Promise<void>;
};

const KEY = /^[a-z0-9][a-z0-9_.-]*(\/[a-z0-9][a-z0-9_.-]*)*$/i;

// Keys are built by our code, never taken from input; still, a key never leaves its root.
export function assertStorageKey(key: string) {
  if (!KEY.test(key) || key.split("/").some((part) => part === "." || part === "..")) {
    throw new Error(`Invalid storage key: ${key}`);
  }
}
