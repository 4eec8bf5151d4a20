/**
 * A token issuer for a registry in `auth: token` mode (the distribution token spec): checks
 * HTTP Basic logins and answers with a JWT signed ES256 by the test's signer key. The JWT
 * header carries the signer certificate in `x5c`; distribution 2.8 accepts it when that
 * certificate chains to its `rootcertbundle` (here: the certificate itself).
 */
import { sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the issuer needs to know; `requests` counts the token requests it answered. */
export interface TokenServer {
  realm: string;
  service: string;
  issuer: string;
  requests: number;
  stop(): Promise<void>;
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** The DER of the first certificate of a PEM file, base64 (what `x5c` holds). */
function pemBody(pem: string): string {
  const m = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(pem);
  if (!m) throw new Error('no certificate');
  return (m[1] as string).replace(/\s+/g, '');
}

/** Starts the issuer on a free loopback port; `users` maps user names to passwords. */
export async function startTokenServer(signerCert: string, signerKey: string, users: Record<string, string>): Promise<TokenServer> {
  const x5c = [pemBody(readFileSync(signerCert, 'utf8'))];
  const key = readFileSync(signerKey, 'utf8');
  const service = 'privreg-fix-test-registry';
  const issuer = 'privreg-fix-test-issuer';
  const state = { requests: 0 };
  const server: Server = createServer((req, res) => {
    state.requests++;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const header = req.headers.authorization ?? '';
    let subject = '';
    if (header.startsWith('Basic ')) {
      const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const user = decoded.slice(0, colon);
      if (colon <= 0 || users[user] !== decoded.slice(colon + 1)) {
        res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"errors":[{"code":"UNAUTHORIZED"}]}');
        return;
      }
      subject = user;
    }
    // Anonymous users get a token without access; logged-in users get what they asked for.
    const access = subject === '' ? [] : url.searchParams.getAll('scope').map((scope) => {
      const [type, ...rest] = scope.split(':');
      const actions = (rest.pop() ?? '').split(',');
      return { type, name: rest.join(':'), actions };
    });
    const now = Math.floor(Date.now() / 1000);
    const head = b64url(JSON.stringify({ typ: 'JWT', alg: 'ES256', x5c }));
    const claims = b64url(JSON.stringify({ iss: issuer, sub: subject, aud: service, exp: now + 300, nbf: now - 10, iat: now, jti: `${now}-${state.requests}`, access }));
    const signature = sign('sha256', Buffer.from(`${head}.${claims}`), { key, dsaEncoding: 'ieee-p1363' });
    const token = `${head}.${claims}.${b64url(signature)}`;
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token, access_token: token, expires_in: 300 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    realm: `http://127.0.0.1:${port}/token`,
    service,
    issuer,
    get requests() {
      return state.requests;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
