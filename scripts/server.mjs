#!/usr/bin/env node
// The HTTP server `npm start` runs: Next's request handler behind Node's http server, so the app
// learns the address the connection really came from. Next itself only keeps a client-sent
// X-Forwarded-For when there is one; here every request carries the socket's address in
// x-tollgate-peer (overwriting whatever the client sent), and the app decides from it and
// TRUSTED_PROXIES whose address a request has (server/domain/client-address.ts).
// Listens on 127.0.0.1 unless HOST says otherwise (HOST=0.0.0.0 exposes it on every interface).
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const host = process.env.HOST?.trim() || "127.0.0.1";
const port = Number(process.env.PORT || "3000");

const app = next({ dev, dir: root, hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  req.headers["x-tollgate-peer"] = req.socket.remoteAddress ?? "";
  handle(req, res).catch((error) => {
    console.error("request failed:", error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
    res.end("Internal Server Error");
  });
});
server.listen(port, host, () => {
  const shown = host.includes(":") ? `[${host}]` : host;
  console.log(
    `[server] listening on http://${shown}:${port}` +
      (host === "127.0.0.1" ? " (this machine only; set HOST=0.0.0.0 to expose it)" : ""),
  );
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
