// npm run start:web -- --journal DIR [--port N]
// The web preview bridge: the built renderer and the journal contract over HTTP on 127.0.0.1
// only, guarded by a random per-run token. For development and browser tests where no Electron
// binary exists; never the product (npm start is the Electron app).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { extname, join, normalize, relative, resolve, isAbsolute } from 'node:path';
import { parseArgs } from 'node:util';
import { startCoreWorker } from '../../src/core/worker/host';
import { defaultJournalDir } from '../../src/core/paths';
import { isMethodName } from '../../src/shared/methods';
import { ensureBuilt } from './build';
import { contentSecurityPolicy } from '../../src/shared/csp';

const CSP = contentSecurityPolicy("'self'");

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Largest request body accepted: an entry's document plus room for its JSON envelope. */
const MAX_BODY = 40 * 1024 * 1024;

const { values } = parseArgs({
  options: { journal: { type: 'string' }, port: { type: 'string', default: '0' } },
});
const journalDir = resolve(values.journal ?? (process.env.LEAN_ON_JOURNAL || defaultJournalDir()));
const root = resolve('out');
ensureBuilt(root);

const rendererDir = join(root, 'renderer');
const token = randomBytes(24).toString('base64url');
const core = await startCoreWorker(join(root, 'main', 'core-worker.js'), { journalDir });

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
} as const;

function send(response: ServerResponse, status: number, body: string | Buffer, type: string) {
  response.writeHead(status, { 'Content-Type': type, ...SECURITY_HEADERS });
  response.end(body);
}

function authorized(request: IncomingMessage): boolean {
  const header = request.headers.authorization ?? '';
  const given = Buffer.from(header.replace(/^Bearer /, ''));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

async function handleCall(request: IncomingMessage, response: ServerResponse, host: string) {
  // Only this page may call: a request from another origin (or a rebound host name) is refused.
  const origin = request.headers.origin;
  if (request.method !== 'POST' || (origin !== undefined && origin !== `http://${host}`)) {
    send(response, 403, 'Forbidden', 'text/plain');
    return;
  }
  if (!authorized(request)) {
    send(response, 401, 'Unauthorized', 'text/plain');
    return;
  }
  let call: { method?: unknown; input?: unknown };
  try {
    call = JSON.parse(await readBody(request)) as typeof call;
  } catch {
    send(response, 400, 'Bad request', 'text/plain');
    return;
  }
  if (!isMethodName(call.method)) {
    send(response, 404, 'Unknown method', 'text/plain');
    return;
  }
  const method = call.method;
  // The app asks for a stream: one line per progress report, then the result's line.
  if ((request.headers.accept ?? '').includes('application/x-ndjson')) {
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/x-ndjson' });
    const result = await core.request(method, call.input, ({ fraction, label }) => {
      response.write(`${JSON.stringify({ progress: { method, fraction, label } })}\n`);
    });
    response.end(`${JSON.stringify({ result })}\n`);
    return;
  }
  const result = await core.request(method, call.input);
  send(response, 200, JSON.stringify(result), 'application/json');
}

function serveFile(pathname: string, response: ServerResponse) {
  const file = normalize(
    join(rendererDir, decodeURIComponent(pathname === '/' ? '/index.html' : pathname)),
  );
  const inside = relative(rendererDir, file);
  if (
    inside.startsWith('..') ||
    isAbsolute(inside) ||
    !existsSync(file) ||
    !statSync(file).isFile()
  ) {
    send(response, 404, 'Not found', 'text/plain');
    return;
  }
  send(response, 200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
}

const server = createServer((request, response) => {
  const address = server.address();
  const host = typeof address === 'object' && address ? `127.0.0.1:${address.port}` : '';
  if (request.headers.host !== host) {
    send(response, 421, 'Misdirected request', 'text/plain');
    return;
  }
  const { pathname } = new URL(request.url ?? '/', `http://${host}`);
  if (pathname === '/api/call') {
    handleCall(request, response, host).catch(() =>
      send(response, 500, 'Internal error', 'text/plain'),
    );
  } else if (request.method === 'GET') {
    serveFile(pathname, response);
  } else {
    send(response, 405, 'Method not allowed', 'text/plain');
  }
});

server.listen(Number(values.port), '127.0.0.1', () => {
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('The bridge could not listen.');
  process.stdout.write(`READY http://127.0.0.1:${address.port}/?token=${token}\n`);
});

async function stop() {
  server.close();
  await core.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
