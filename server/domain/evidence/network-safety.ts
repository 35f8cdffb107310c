// Which repository URLs and resolved addresses a verifier may contact. Pure: the I/O layer
// resolves names and asks these functions before every connection.

export type UrlCheck = { ok: true; url: URL; host: string } | { ok: false; reason: string };

/** Whether a file path lies inside one of the roots (both already normalised absolute paths). */
export function isInsideRoot(filePath: string, roots: readonly string[]): boolean {
  return roots.some((root) => {
    const base = root.endsWith("/") ? root : `${root}/`;
    return filePath.startsWith(base) && !filePath.slice(base.length).split("/").includes("..");
  });
}

/**
 * https (and ssh for git) only; file and loopback only when explicitly allowed for local use.
 * `localRoots` names the only folders whose file repositories are allowed without that (the
 * demo's own repositories under the data directory).
 */
export function checkRepositoryUrl(raw: string, allowLocal: boolean, localRoots: readonly string[] = []): UrlCheck {
  const text = raw.trim();
  if (text.startsWith("-")) return { ok: false, reason: "a repository URL cannot start with '-'" };
  if (/^[a-z][a-z0-9+.-]*::/i.test(text))
    return { ok: false, reason: "git remote-helper transports (such as ext::) are refused" };
  // scp-like git@host:path is ssh
  const scp = /^([A-Za-z0-9._-]+)@([A-Za-z0-9.-]+):(?!\/\/)(.+)$/.exec(text);
  let url: URL;
  try {
    url = new URL(scp ? `ssh://${scp[1]}@${scp[2]}/${scp[3]}` : text);
  } catch {
    return { ok: false, reason: `"${text}" is not a URL` };
  }
  if (url.protocol === "file:") {
    if (allowLocal || (!url.host && isInsideRoot(decodeURIComponent(url.pathname), localRoots)))
      return { ok: true, url, host: "" };
    return {
      ok: false,
      reason:
        "file repositories are allowed only with TOLLGATE_ALLOW_LOCAL_NETWORK=1 (or the demo's own, under the " +
        "data directory)",
    };
  }
  if (url.protocol !== "https:" && url.protocol !== "ssh:")
    return { ok: false, reason: `only https and ssh repositories are allowed, not ${url.protocol.replace(":", "")}` };
  if (url.username && url.protocol === "https:") return { ok: false, reason: "credentials in the URL are refused" };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!host) return { ok: false, reason: "the URL has no host" };
  // DNS names and IP literals only: ssh URLs allow far more in a host, and it reaches ssh's options
  if (!/^[A-Za-z0-9.-]+$/.test(host) && !/^[0-9A-Fa-f:.]+$/.test(host))
    return { ok: false, reason: `"${host}" is not a host name or address` };
  return { ok: true, url, host };
}

/** Parses dotted, decimal, octal or hex IPv4 forms (as inet_aton does) into 32 bits. */
export function parseIpv4(text: string): number | null {
  const parts = text.split(".");
  if (parts.length < 1 || parts.length > 4) return null;
  const values: number[] = [];
  for (const part of parts) {
    if (!/^(0x[0-9a-f]+|0[0-7]*|[1-9][0-9]*)$/i.test(part)) return null;
    values.push(
      part.toLowerCase().startsWith("0x")
        ? Number.parseInt(part, 16)
        : part.length > 1 && part.startsWith("0")
          ? Number.parseInt(part, 8)
          : Number(part),
    );
  }
  const last = values.pop() ?? 0;
  if (values.some((v) => v > 255) || last >= 2 ** (8 * (4 - values.length))) return null;
  return values.reduce((acc, v, i) => acc + v * 2 ** (8 * (3 - i)), 0) + last;
}

function ipv4Private(n: number): boolean {
  const a = Math.floor(n / 2 ** 24);
  const b = Math.floor(n / 2 ** 16) % 256;
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127) ||
    // benchmarking networks: routed inside data centres, never public services
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224
  );
}

// IPv6 ranges that carry or translate to an IPv4 address (NAT64, 6to4, Teredo, SIIT) or are not
// routed publicly (documentation, discard): a probe could reach a private IPv4 host through them.
const IPV6_TRANSLATED = /^(64:ff9b:|2002:|2001:0{0,4}:|2001::|2001:db8:|100::|100:0{1,4}:|::ffff:0{1,4}:)/;

/** True for loopback, private, link-local, unique-local, multicast, unspecified and IPv4-mapped private addresses. */
export function isNonPublicAddress(address: string): boolean {
  const v4 = parseIpv4(address);
  if (v4 !== null) return ipv4Private(v4);
  const lower = address.toLowerCase().replace(/^\[|\]$/g, "");
  if (!lower.includes(":")) return true;
  const mapped = /^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower) ?? /^::(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped?.[1]) {
    const inner = parseIpv4(mapped[1]);
    return inner === null || ipv4Private(inner);
  }
  if (/^::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}$/.test(lower)) return true;
  if (IPV6_TRANSLATED.test(lower)) return true;
  return lower === "::" || lower === "::1" || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || lower.startsWith("ff");
}

/** Loopback only (127.0.0.0/8, ::1, and their mapped forms): what the local-use setting opens. */
export function isLoopbackAddress(address: string): boolean {
  const lower = address.toLowerCase().replace(/^\[|\]$/g, "");
  const v4 = parseIpv4(lower.replace(/^::ffff:/, ""));
  if (v4 !== null) return Math.floor(v4 / 2 ** 24) === 127;
  return lower === "::1";
}
