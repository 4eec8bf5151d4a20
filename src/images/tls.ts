import { readFile } from 'node:fs/promises';
import { createSecureContext, rootCertificates } from 'node:tls';
import { CredentialsError } from '../registry/logins.js';

/**
 * Where Linux distributions keep the system's CA bundle: the files Go's crypto/x509 reads, so
 * privreg-fix trusts what skopeo, crane and docker (all Go) trust on the same machine.
 */
const SYSTEM_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/tls/cacert.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem',
];

const PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

async function firstReadable(files: readonly string[]): Promise<string | undefined> {
  for (const f of files) {
    const text = await readFile(f, 'utf8').catch(() => undefined);
    if (text !== undefined) return text;
  }
  return undefined;
}

/**
 * The CA certificates registries are checked against: Node's bundled roots, the system bundle
 * (`SSL_CERT_FILE`, else the distribution's), `NODE_EXTRA_CA_CERTS`, and the `--registry-ca`
 * files, which are checked one by one so a bad one is named.
 */
export async function trustedCas(registryCaFiles: readonly string[], env: NodeJS.ProcessEnv): Promise<string[]> {
  const extra: string[] = [];
  for (const file of registryCaFiles) {
    const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
      throw new CredentialsError(`--registry-ca ${file} ${e.code === 'ENOENT' ? 'does not exist' : `cannot be read (${e.code ?? 'error'})`}`);
    });
    const certs = text.match(PEM) ?? [];
    if (certs.length === 0) throw new CredentialsError(`--registry-ca ${file} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
    try {
      createSecureContext({ ca: certs });
    } catch {
      throw new CredentialsError(`--registry-ca ${file}: the TLS library cannot read its certificate`);
    }
    extra.push(...certs);
  }
  const system = (await firstReadable(env['SSL_CERT_FILE'] ? [env['SSL_CERT_FILE']] : SYSTEM_BUNDLES)) ?? '';
  const nodeExtra = env['NODE_EXTRA_CA_CERTS'] ? ((await firstReadable([env['NODE_EXTRA_CA_CERTS']])) ?? '') : '';
  return [...rootCertificates, ...(system.match(PEM) ?? []), ...(nodeExtra.match(PEM) ?? []), ...extra];
}
