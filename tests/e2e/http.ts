import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { type Bridge } from './fixtures';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  path?: string;
  /** Sent exactly as given; a Host here replaces the one Node would send. */
  headers?: Record<string, string>;
  body?: string;
}

/**
 * One HTTP request to the bridge with full control of the headers (fetch would fix Host and
 * Origin itself), over a fresh connection.
 */
export function rawRequest(bridge: Bridge, options: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: bridge.port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers ?? {},
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/** A contract call as the page makes it: POST /api/call with the token, unless told otherwise. */
export function callApi(
  bridge: Bridge,
  method: string,
  input: unknown = {},
  headers: Record<string, string> = { Authorization: `Bearer ${bridge.token}` },
): Promise<RawResponse> {
  return rawRequest(bridge, {
    method: 'POST',
    path: '/api/call',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ method, input }),
  });
}
