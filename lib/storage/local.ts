import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { assertStorageKey, type Storage } from "./types";

// Files under `root`; the content type sits beside each file in `<file>.type`.
export function createLocalStorage(root: string): Storage {
  const base = path.resolve(root);
  const fileOf = (key: string) => {
    assertStorageKey(key);
    return path.join(base, key);
  };

  return {
    async putObject(key, bytes, contentType) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write then rename: a reader never sees half a file.
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
      await fs.writeFile(tmp, bytes);
      await fs.writeFile(`${file}.type`, contentType);
      await fs.rename(tmp, file);
    },
    async getObject(key, options) {
      const file = fileOf(key);
      const stat = await fs.stat(file).catch(() => null);
      if (!stat?.isFile()) return null;
      const contentType = await fs.readFile(`${file}.type`, "utf8").catch(() => "application/octet-stream");
      const range = options?.range;
      const stream = () => Readable.toWeb(createReadStream(file, range)) as ReadableStream<Uint8Array>;
      return {
        contentType,
        size: range ? range.end - range.start + 1 : stat.size,
        stream,
        bytes: async () => new Uint8Array(await new Response(stream()).arrayBuffer()),
      };
    },
    async deleteObject(key) {
      const file = fileOf(key);
      await fs.rm(file, { force: true });
      await fs.rm(`${file}.type`, { force: true });
    },
  };
}
