import { lookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import { isLoopbackAddress, isNonPublicAddress } from "../../domain/evidence/network-safety";

// A name is resolved once, every answer is checked, and the connection is then made to that very
// address: a DNS answer that changes between the check and the connect (rebinding) cannot steer
// a probe to a private host.

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

export type Resolution = { ok: true; pinned: ResolvedAddress } | { ok: false; reason: string };

/** Resolves `host` and answers the address to connect to, or why none may be contacted. */
export async function resolvePublic(host: string, allowLoopback: boolean, resolver: Resolver): Promise<Resolution> {
  const addresses = await resolver(host).catch(() => []);
  if (addresses.length === 0) return { ok: false, reason: `${host} does not resolve` };
  // one non-public answer refuses the name: the others could be rotated away at any time
  const blocked = addresses.find(
    (a) => isNonPublicAddress(a.address) && !(allowLoopback && isLoopbackAddress(a.address)),
  );
  if (blocked) return { ok: false, reason: `${host} resolves to a non-public address (${blocked.address}); refused` };
  return { ok: true, pinned: addresses[0]! };
}

/** A lookup for node:http(s) that answers only the address already checked. */
export function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) (callback as unknown as (error: null, addresses: ResolvedAddress[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
}

/** git's and curl's form of a pinned name: HOST:PORT:ADDRESS, IPv6 in brackets. */
export function curlResolveEntry(host: string, port: number, pinned: ResolvedAddress): string {
  return `${host}:${port}:${pinned.family === 6 ? `[${pinned.address}]` : pinned.address}`;
}
