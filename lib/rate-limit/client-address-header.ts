// The web process (server.ts) writes the visitor's address, read with lib/net/client-address
// through TRUSTED_PROXIES, into this header on every request, replacing whatever the client
// sent under that name.
export const CLIENT_ADDRESS_HEADER = "x-relais-client-address";
