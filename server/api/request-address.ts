import { clientAddress, parseTrustedProxies, PEER_HEADER } from "../domain/client-address";
import { env } from "../env";

// The client address of a request: the connection's (set by scripts/server.mjs), or what a
// trusted proxy forwarded (TRUSTED_PROXIES).

let trusted: Set<string> | undefined;

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : (value ?? null);
}

export function requestAddress(headers: HeaderSource): string {
  trusted ??= parseTrustedProxies(env().TRUSTED_PROXIES);
  return clientAddress(
    { peer: header(headers, PEER_HEADER), forwardedFor: header(headers, "x-forwarded-for") },
    trusted,
  );
}
