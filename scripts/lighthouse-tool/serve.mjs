// A static host for measurements, like the one the site is published on:
// serves a built output folder on 127.0.0.1 with the headers of its
// `_headers` file (the CSP among them) and gzip for text, as such hosts do.
//
//   node serve.mjs OUT_DIR PORT
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

const [root, port] = [process.argv[2], Number(process.argv[3] || 8807)];
if (!root) {
  console.error("usage: node serve.mjs OUT_DIR [PORT]");
  process.exit(2);
}

const types = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
};
const compressible = /^(text\/|application\/(json|xml)|image\/svg)/;

async function siteHeaders() {
  try {
    const text = await readFile(join(root, "_headers"), "utf8");
    return text
      .split("\n")
      .filter((line) => /^\s+\S+:/.test(line))
      .map((line) => line.trim().split(/:\s*(.*)/s).slice(0, 2));
  } catch {
    return [];
  }
}
const headers = await siteHeaders();

async function find(path) {
  let file = join(root, normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, ""));
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    return { file, body: await readFile(file), status: 200 };
  } catch {
    const notFound = join(root, "404.html");
    return { file: notFound, body: await readFile(notFound).catch(() => Buffer.from("")), status: 404 };
  }
}

createServer(async (request, response) => {
  const { file, body, status } = await find(new URL(request.url, "http://x").pathname);
  const type = types[extname(file)] || "application/octet-stream";
  for (const [name, value] of headers) response.setHeader(name, value);
  response.setHeader("Content-Type", type);
  let bytes = body;
  if (compressible.test(type) && /\bgzip\b/.test(request.headers["accept-encoding"] || "")) {
    bytes = gzipSync(body);
    response.setHeader("Content-Encoding", "gzip");
  }
  response.setHeader("Content-Length", bytes.length);
  response.writeHead(status);
  response.end(request.method === "HEAD" ? undefined : bytes);
}).listen(port, "127.0.0.1", () => console.log(`serving ${root} at http://127.0.0.1:${port}/`));
