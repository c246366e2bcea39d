// Runs before `npm run demo`, `npm test` and `npm run bench`: installs dependencies on a
// fresh clone (and again when package-lock.json changed), without prompts.
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const lock = path.join(root, "package-lock.json");
const stamp = path.join(root, "node_modules", ".relais-lock-stamp");
const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1", NEXT_TELEMETRY_DISABLED: "1" };

function install() {
  try {
    execSync("npm ci --no-audit --no-fund --loglevel=error", { cwd: root, stdio: ["ignore", "inherit", "pipe"], env });
  } catch {
    // npm ci rejects a lock whose optional platform binaries (other OSes' builds of swc,
    // tailwind's oxide…) a registry mirror does not serve; npm install accepts it.
    console.log("npm ci refused the lock file; installing with npm install instead…");
    execSync("npm install --no-audit --no-fund", { cwd: root, stdio: "inherit", env });
  }
}

const current = fs.readFileSync(lock, "utf8");
if (!fs.existsSync(stamp) || fs.readFileSync(stamp, "utf8") !== current) {
  console.log("Installing dependencies…");
  install();
  fs.writeFileSync(stamp, fs.readFileSync(lock, "utf8"));
}
