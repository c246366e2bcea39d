import { describe, expect, it } from "vitest";
import { demoEnv } from "@/scripts/cli/demo-env";

const services = { databaseUrl: "postgres://x", redisUrl: "redis://x", authSecret: "s".repeat(43) };

describe("the demo's settings", () => {
  it("listen on 127.0.0.1 by default, whatever HOSTNAME a container sets", () => {
    expect(demoEnv({}, services).HOSTNAME).toBe("127.0.0.1");
    expect(demoEnv({ HOSTNAME: "0.0.0.0" }, services).HOSTNAME).toBe("127.0.0.1");
  });

  it("listen where DEMO_HOSTNAME says when told", () => {
    expect(demoEnv({ DEMO_HOSTNAME: "0.0.0.0" }, services).HOSTNAME).toBe("0.0.0.0");
  });

  it("keep development sign-in on unless AUTH_DEV_LOGIN=0 is given", () => {
    expect(demoEnv({}, services).AUTH_DEV_LOGIN).toBe("1");
    expect(demoEnv({ AUTH_DEV_LOGIN: "0" }, services).AUTH_DEV_LOGIN).toBe("0");
  });

  it("build links on APP_URL and never set AUTH_URL", () => {
    const env = demoEnv({ PORT: "4000" }, services);
    expect(env.APP_URL).toBe("http://localhost:4000");
    expect(env.AUTH_URL).toBeUndefined();
  });
});
