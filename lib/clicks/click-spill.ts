import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

const SUFFIX = ".clicks";
// A file another process has not touched for this long belongs to no one any more (its
// process died, or it was claimed by a replay that died): anyone may replay it.
const ORPHANED_AFTER_MS = 30_000;

// Encoded click lines that the Redis stream could not take (it was past its bound, or Redis
// was away longer than the memory buffer lasts), kept in files under `dir` and put back in
// the stream once it has room. One file per process and episode; every operation of one
// process runs in order, so a file is never read while this process still appends to it.
// A file is claimed by renaming it: two redirect processes sharing the folder never replay
// the same file, and a replay cut short is replayed again later (click ids make copies
// harmless).
export class ClickSpill {
  private current: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly owner = `${process.pid}-${randomBytes(4).toString("hex")}`;
  spilled = 0;
  replayed = 0;

  constructor(readonly dir: string) {}

  append(lines: string[]) {
    return this.inOrder(async () => {
      if (!this.current) {
        await fs.mkdir(this.dir, { recursive: true });
        this.current = path.join(this.dir, `${Date.now()}-${this.owner}${SUFFIX}`);
      }
      await fs.appendFile(this.current, `${lines.join("\n")}\n`);
      this.spilled += lines.length;
    });
  }

  // Puts spilled clicks back, a file at a time, while `hasRoom` says the stream takes more.
  // Returns how many clicks went back.
  replay(push: (lines: string[]) => Promise<void>, hasRoom: () => Promise<boolean>, linesPerPush: number) {
    return this.inOrder(async () => {
      // New spills start a new file: the one written so far may be replayed now.
      this.current = null;
      let moved = 0;
      for (const file of await this.claimable()) {
        if (!(await hasRoom())) break;
        const claimed = path.join(this.dir, `${path.basename(file).split(".")[0]}.replaying-${this.owner}`);
        try {
          await fs.rename(file, claimed);
        } catch {
          continue;
        }
        const lines = (await fs.readFile(claimed, "utf8")).split("\n").filter(Boolean);
        for (let i = 0; i < lines.length; i += linesPerPush) await push(lines.slice(i, i + linesPerPush));
        await fs.unlink(claimed);
        moved += lines.length;
      }
      this.replayed += moved;
      return moved;
    });
  }

  private async claimable() {
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    const now = Date.now();
    const files: string[] = [];
    for (const name of names.sort()) {
      const full = path.join(this.dir, name);
      const mine = name.includes(this.owner) && name.endsWith(SUFFIX);
      if (!mine && !(name.endsWith(SUFFIX) || name.includes(".replaying-"))) continue;
      if (!mine) {
        const stat = await fs.stat(full).catch(() => null);
        if (!stat || now - stat.mtimeMs < ORPHANED_AFTER_MS) continue;
      }
      files.push(full);
    }
    return files;
  }

  private inOrder<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => {});
    return run;
  }
}
