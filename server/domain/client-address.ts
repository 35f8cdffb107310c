// Whose address a request has. The server puts the connection's own address in x-tollgate-peer
// (scripts/server.mjs); a client's X-Forwarded-For is believed only when that connection comes
// from a proxy named in TRUSTED_PROXIES, and then read from the right, past every trusted proxy,
// so a client cannot put a made-up address in front of the real one.

export const PEER_HEADER = "x-tollgate-peer";
const UNKNOWN = "unknown";

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIpAddress(value: string): boolean {
  if (IPV4.test(value)) return true;
  if (!value.includes(":") || !/^[0-9a-f:.]+$/i.test(value)) return false;
  try {
    // the URL parser knows every IPv6 form
    new URL(`http://[${value}]/`);
    return true;
  } catch {
    return false;
  }
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are one address. */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

/** TRUSTED_PROXIES: comma-separated addresses; anything that is not an IP address is an error. */
export function parseTrustedProxies(value: string | undefined): Set<string> {
  const proxies = new Set<string>();
  for (const part of (value ?? "").split(",")) {
    const address = normaliseAddress(part);
    if (!address) continue;
    if (!isIpAddress(address)) throw new Error(`TRUSTED_PROXIES: "${part.trim()}" is not an IP address`);
    proxies.add(address);
  }
  return proxies;
}

export function clientAddress(
  headers: { peer: string | null | undefined; forwardedFor: string | null | undefined },
  trusted: ReadonlySet<string>,
): string {
  const peer = headers.peer ? normaliseAddress(headers.peer) : "";
  if (!peer) return UNKNOWN;
  if (!trusted.has(peer)) return peer.slice(0, 64);
  const hops = (headers.forwardedFor ?? "").split(",").map(normaliseAddress).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = hops[i]!;
    if (!trusted.has(hop)) return isIpAddress(hop) ? hop : UNKNOWN;
  }
  return hops[0]?.slice(0, 64) ?? peer;
}
