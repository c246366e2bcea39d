import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER } from "./client-address-header";

// The visitor's address in a server action or route handler, for rate limits. Without the
// web process in front (next dev) every visitor shares one budget.
export async function requestClientAddress() {
  return (await headers()).get(CLIENT_ADDRESS_HEADER) || "unknown";
}
