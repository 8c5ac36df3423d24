import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { applyServerTimeouts, defaultServerTimeouts } from './server-timeouts';

let server: Server;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

const listen = (s: Server) =>
  new Promise<number>((resolve) =>
    s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)),
  );

describe('server timeouts', () => {
  it('are explicit, not Node defaults (300 s request timeout, no idle timeout)', () => {
    server = applyServerTimeouts(createServer());
    expect({
      headers: server.headersTimeout,
      request: server.requestTimeout,
      idle: server.timeout,
      keepAlive: server.keepAliveTimeout,
    }).toEqual({
      headers: defaultServerTimeouts.headersTimeoutMs,
      request: defaultServerTimeouts.requestTimeoutMs,
      idle: defaultServerTimeouts.idleTimeoutMs,
      keepAlive: defaultServerTimeouts.keepAliveTimeoutMs,
    });
    expect(server.requestTimeout).not.toBe(300_000);
    expect(server.timeout).toBeGreaterThan(0);
  });

  it('close a connection whose request body stalls', async () => {
    server = applyServerTimeouts(
      createServer((req, res) => {
        req.resume();
        req.on('end', () => res.end('ok'));
      }),
      { ...defaultServerTimeouts, idleTimeoutMs: 200 },
    );
    const port = await listen(server);
    const socket = connect(port, '127.0.0.1');
    socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nonly a few bytes');
    // The server, not the client, ends it: nothing more is ever sent.
    await new Promise<void>((resolve) => socket.on('close', () => resolve()));
    expect(socket.destroyed).toBe(true);
  });
});
