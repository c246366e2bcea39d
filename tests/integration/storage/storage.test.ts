import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalStorage } from "@/lib/storage/local";
import { createS3Storage } from "@/lib/storage/s3";
import type { Storage } from "@/lib/storage/types";

const bytes = new Uint8Array(Array.from({ length: 200 }, (_, i) => i));

// The same behaviour from both backends: what is put comes back with its type, whole or by
// range; a missing key is null; deleting twice is fine.
function behavesLikeStorage(name: string, storage: () => Storage) {
  describe(name, () => {
    it("returns what was put, with its content type", async () => {
      await storage().putObject("orgs/o1/media/a.png", bytes, "image/png");

      const object = await storage().getObject("orgs/o1/media/a.png");

      expect(object).toMatchObject({ contentType: "image/png", size: 200 });
      expect(Buffer.from(await object!.bytes())).toEqual(Buffer.from(bytes));
    });

    it("returns a byte range", async () => {
      await storage().putObject("orgs/o1/media/b.bin", bytes, "application/octet-stream");

      const object = await storage().getObject("orgs/o1/media/b.bin", { range: { start: 10, end: 19 } });

      expect(object?.size).toBe(10);
      expect([...(await new Response(object!.stream()).arrayBuffer().then((b) => new Uint8Array(b)))]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    });

    it("answers null for a key never stored, and after a delete", async () => {
      await storage().putObject("orgs/o1/media/c.png", bytes, "image/png");
      await storage().deleteObject("orgs/o1/media/c.png");
      await storage().deleteObject("orgs/o1/media/c.png");

      expect(await storage().getObject("orgs/o1/media/c.png")).toBeNull();
      expect(await storage().getObject("orgs/o1/media/never.png")).toBeNull();
    });

    it("refuses a key that would leave its root", async () => {
      await expect(storage().putObject("../etc/passwd", bytes, "text/plain")).rejects.toThrow(/Invalid storage key/);
    });
  });
}

let dir: string;
let s3server: S3rver;
let local: Storage;
let s3: Storage;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "relais-storage-"));
  local = createLocalStorage(path.join(dir, "local"));
  // A fake S3 on loopback (no network): the real SDK, signatures and all, talks to it.
  s3server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: path.join(dir, "s3"), configureBuckets: [{ name: "relais", configs: [] }] });
  const { port } = (await s3server.run()) as AddressInfo;
  s3 = createS3Storage({ endpoint: `http://127.0.0.1:${port}`, bucket: "relais", accessKeyId: "S3RVER", secretAccessKey: "S3RVER", region: "us-east-1", forcePathStyle: true });
});

afterAll(async () => {
  await s3server?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

behavesLikeStorage("local disk storage", () => local);
behavesLikeStorage("S3-compatible storage", () => s3);
