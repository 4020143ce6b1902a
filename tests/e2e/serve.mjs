// A minimal static file server on loopback, used by the run command and by the
// tests. Serves nothing outside the given folders.
//
//   node tests/e2e/serve.mjs DIR PORT [/sub/path/=OTHER_DIR ...]
//
// Each extra argument mounts another folder under a path prefix (longest
// prefix first), so an app built for a sub-path can be served beside
// something else at the root, as on a shared intranet server.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] || 'dist');
const port = Number(process.argv[3] || 8080);
const mounts = process.argv.slice(4).map((m) => {
  const at = m.indexOf('=');
  const prefix = m.slice(0, at);
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new Error(`mount prefix must start and end with /: ${m}`);
  return { prefix, dir: path.resolve(m.slice(at + 1)) };
}).sort((a, b) => b.prefix.length - a.prefix.length);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const pathname = decodeURIComponent(url.pathname);
  const mount = mounts.find((m) => pathname.startsWith(m.prefix));
  if (!mount && mounts.some((m) => pathname === m.prefix.slice(0, -1))) {
    // /sub/path → /sub/path/, as static servers do for a folder.
    res.writeHead(301, { location: `${pathname}/` });
    res.end();
    return;
  }
  const base = mount ? mount.dir : root;
  let file = path.join(base, mount ? pathname.slice(mount.prefix.length - 1) : pathname);
  if (file !== base && !file.startsWith(base + path.sep)) { res.writeHead(403); res.end(); return; }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  fs.readFile(file, (err, data) => {
    if (err) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); return; }
    res.writeHead(200, {
      'content-type': types[path.extname(file)] || 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    res.end(data);
  });
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}`
  + mounts.map((m) => `, ${m.dir} at ${m.prefix}`).join('')));
