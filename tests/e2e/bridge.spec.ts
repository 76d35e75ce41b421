import { expect, test } from './fixtures';
import { callApi, rawRequest } from './http';

// The web preview bridge's guards: only this run's page, on this address, may reach the journal.

test('refuses a call without the token', async ({ bridge }) => {
  const response = await callApi(bridge, 'getStatus', {}, {});
  expect(response.status).toBe(401);
  const wrong = await callApi(bridge, 'getStatus', {}, { Authorization: 'Bearer not-the-token' });
  expect(wrong.status).toBe(401);
});

test('answers getStatus with the token', async ({ bridge }) => {
  const response = await callApi(bridge, 'getStatus');
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(JSON.parse(response.body)).toEqual({
    ok: true,
    value: { state: 'no-journal', journalDir: bridge.journalDir },
  });
});

test('refuses a request addressed to another host name (421)', async ({ bridge }) => {
  for (const host of [`localhost:${bridge.port}`, `attacker.example:${bridge.port}`]) {
    const call = await callApi(
      bridge,
      'getStatus',
      {},
      {
        Host: host,
        Authorization: `Bearer ${bridge.token}`,
      },
    );
    expect(call.status, `POST /api/call with Host ${host}`).toBe(421);
    const page = await rawRequest(bridge, { headers: { Host: host } });
    expect(page.status, `GET / with Host ${host}`).toBe(421);
  }
});

test('refuses a call from another origin (403)', async ({ bridge }) => {
  const foreign = await callApi(
    bridge,
    'getStatus',
    {},
    {
      Origin: 'http://attacker.example',
      Authorization: `Bearer ${bridge.token}`,
    },
  );
  expect(foreign.status).toBe(403);
  const otherPort = await callApi(
    bridge,
    'getStatus',
    {},
    {
      Origin: `http://127.0.0.1:${bridge.port + 1}`,
      Authorization: `Bearer ${bridge.token}`,
    },
  );
  expect(otherPort.status).toBe(403);
  const sameOrigin = await callApi(
    bridge,
    'getStatus',
    {},
    {
      Origin: bridge.origin,
      Authorization: `Bearer ${bridge.token}`,
    },
  );
  expect(sameOrigin.status).toBe(200);
});

test('answers an unknown method with 404', async ({ bridge }) => {
  for (const method of ['noSuchMethod', 'constructor', '__proto__']) {
    const response = await callApi(bridge, method);
    expect(response.status, method).toBe(404);
  }
});

test('serves the page under a strict Content-Security-Policy', async ({ bridge }) => {
  const response = await rawRequest(bridge, { path: '/' });
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/html/);
  const csp = response.headers['content-security-policy'];
  expect(typeof csp).toBe('string');
  const directives = new Map(
    String(csp)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
  expect(String(csp)).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'/);
  expect(directives.get('connect-src')).toEqual(["'self'"]);
  expect(directives.get('default-src')).toEqual(["'none'"]);
  expect(directives.get('script-src')).toEqual(["'self'"]);
});

test('serves no file from outside the built renderer', async ({ bridge }) => {
  for (const path of [
    '/..%2f..%2fpackage.json',
    '/%2e%2e/%2e%2e/package.json',
    '/../main/index.js',
  ]) {
    const response = await rawRequest(bridge, { path });
    expect(response.status, path).toBe(404);
  }
});

test('the page keeps its token out of the address bar and stays on 127.0.0.1', async ({
  page,
  appUrl,
  bridge,
  requests,
}) => {
  await page.goto(appUrl);
  await expect(page).toHaveURL(`${bridge.origin}/`);
  expect(requests.length).toBeGreaterThan(0);
});
