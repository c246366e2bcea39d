import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import net from "node:net";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "node_modules", ".bin");

export function bin(name: string) {
  return path.join(BIN, name);
}

export function run(command: string, args: string[], options: SpawnOptions = {}) {
  return new Promise<number>((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", ...options });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = (line: string) => (line ? `[${name}] ${line}` : line);
  child.stdout?.on("data", (d: Buffer) => process.stdout.write(d.toString().split("\n").map(prefix).join("\n")));
  child.stderr?.on("data", (d: Buffer) => process.stderr.write(d.toString().split("\n").map(prefix).join("\n")));
  return child;
}

// A TCP port nothing listens on right now: `preferred` when it is free (a stable port for the
// demo's own servers), else any.
export function freePort(preferred = 0) {
  return new Promise<number>((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(freePort()));
    server.listen(preferred, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
