import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, createServer as createTcpServer, type AddressInfo } from 'node:net';
import { rootCertificates } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttp, TransportError } from '../../src/registry/http.js';
import { freePort, makeCerts, registryToolsMissing, type TestCerts } from '../e2e/support/registry.js';

// Loopback servers only: a plain HTTP server, an HTTPS server with a test CA, a CONNECT proxy.
const noOpenssl = registryToolsMissing()?.startsWith('openssl');
const listen = async (server: Server | ReturnType<typeof createTcpServer>): Promise<number> => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
};
const noProxy = { proxy: {} };

describe('createHttp (undici adapter)', () => {
  let certs: TestCerts;
  let plain: Server;
  let tls: Server;
  let proxy: ReturnType<typeof createTcpServer>;
  let plainPort: number;
  let tlsPort: number;
  let proxyPort: number;
  const tunnels: string[] = [];

  beforeAll(async () => {
    plain = createHttpServer((req, res) => {
      if (req.url === '/slow') setTimeout(() => res.end(), 3000).unref();
      else res.writeHead(401, { 'www-authenticate': 'Basic realm="x"' }).end('denied');
    });
    plainPort = await listen(plain);
    proxy = createTcpServer((client) => {
      client.once('data', (head) => {
        const target = /^CONNECT (\S+)/.exec(head.toString())?.[1] ?? '';
        tunnels.push(target);
        const [host, port] = target.split(':');
        const upstream = connect(Number(port), host, () => {
          client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
          upstream.pipe(client).pipe(upstream);
        });
        upstream.on('error', () => client.destroy());
      });
    });
    proxyPort = await listen(proxy);
    if (noOpenssl) return;
    certs = await makeCerts();
    tls = createHttpsServer({ cert: readFileSync(certs.serverCert), key: readFileSync(certs.serverKey) }, (_req, res) => res.writeHead(200).end('ok'));
    tlsPort = await listen(tls);
  });
  afterAll(async () => {
    plain?.closeAllConnections();
    for (const s of [plain, tls, proxy]) await new Promise((r) => (s ? s.close(() => r(undefined)) : r(undefined)));
  });

  it('returns status, headers and body', async () => {
    const http = createHttp({ timeoutMs: 5000, ...noProxy });
    const r = await http.send(`http://127.0.0.1:${plainPort}/v2/`, { method: 'GET', headers: {} });
    expect([r.status, r.header('www-authenticate'), await r.text()]).toEqual([401, 'Basic realm="x"', 'denied']);
    await http.close();
  });

  it('a refused connection and a timeout are TransportErrors with a cause', async () => {
    const http = createHttp({ timeoutMs: 300, ...noProxy });
    const port = await freePort();
    await expect(http.send(`http://127.0.0.1:${port}/v2/`, { method: 'GET', headers: {} })).rejects.toMatchObject({ code: 'ECONNREFUSED', transient: false });
    const slow = await http.send(`http://127.0.0.1:${plainPort}/slow`, { method: 'GET', headers: {} }).then((r) => r.text()).catch((e: unknown) => e);
    expect(slow).toBeInstanceOf(TransportError);
    expect((slow as TransportError).message).toContain('timeout');
    await http.close();
  });

  it('a CA outside the trust store is a TLS error; trusted with the CA added', async (ctx) => {
    if (noOpenssl) ctx.skip();
    const url = `https://127.0.0.1:${tlsPort}/v2/`;
    const untrusted = createHttp({ timeoutMs: 5000, ...noProxy });
    const e = await untrusted.send(url, { method: 'GET', headers: {} }).catch((x: unknown) => x) as TransportError;
    expect(e).toBeInstanceOf(TransportError);
    expect(e.message).toMatch(/^TLS: .*certificate/);
    const trusted = createHttp({ ca: [...rootCertificates, readFileSync(certs.caCert, 'utf8')], timeoutMs: 5000, ...noProxy });
    expect((await trusted.send(url, { method: 'GET', headers: {} })).status).toBe(200);
    await Promise.all([untrusted.close(), trusted.close()]);
  });

  it('goes through HTTPS_PROXY (a CONNECT tunnel) unless NO_PROXY names the host', async (ctx) => {
    if (noOpenssl) ctx.skip();
    const url = `https://127.0.0.1:${tlsPort}/v2/`;
    const ca = [readFileSync(certs.caCert, 'utf8')];
    const proxied = createHttp({ ca, timeoutMs: 5000, proxy: { https: `http://127.0.0.1:${proxyPort}` } });
    tunnels.length = 0;
    expect((await proxied.send(url, { method: 'GET', headers: {} })).status).toBe(200);
    expect(tunnels).toEqual([`127.0.0.1:${tlsPort}`]);
    const bypass = createHttp({ ca, timeoutMs: 5000, proxy: { https: `http://127.0.0.1:${proxyPort}`, noProxy: '127.0.0.1' } });
    tunnels.length = 0;
    expect((await bypass.send(url, { method: 'GET', headers: {} })).status).toBe(200);
    expect(tunnels).toEqual([]);
    await Promise.all([proxied.close(), bypass.close()]);
  });
});
