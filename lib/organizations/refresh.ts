import { revalidatePath } from "next/cache";
import type { Tenant } from "@/lib/tenancy";

// Wraps a use case run by a server action: once it succeeds, the workspace's pages (header,
// lists) render fresh on the next visit.
export function refreshingWorkspace<I, T>(fn: (tenant: Tenant, input: I) => Promise<T>) {
  return async (tenant: Tenant, input: I) => {
    const result = await fn(tenant, input);
    revalidatePath(`/${tenant.orgSlug}`, "layout");
    return result;
  };
}
