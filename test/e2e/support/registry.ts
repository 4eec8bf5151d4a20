/**
 * A real container registry for tests: Debian's `docker-registry` (distribution 2.8) on
 * 127.0.0.1 with TLS from a test CA and either htpasswd Basic auth or token auth, filled with
 * images by the real `skopeo` from an OCI layout built here. No network: everything is local.
 * Passwords only ever go through files and stdin, never a process's argv.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Whether the registry tools are installed (the tests skip cleanly when not). */
export function registryToolsMissing(): string | undefined {
  for (const [tool, args] of [['docker-registry', ['--version']], ['skopeo', ['--version']], ['htpasswd', ['-h']], ['openssl', ['version']]] as const) {
    const r = spawnSync(tool, [...args], { stdio: 'ignore' });
    if (r.error) return `${tool} is not installed`;
  }
  return undefined;
}

/** A free TCP port on 127.0.0.1 (closed again before it is returned). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function run(cmd: string, args: string[], opts: { input?: string; cwd?: string } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { cwd: opts.cwd, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${cmd} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
    child.stdin?.end(opts.input ?? '');
  });
}

/** Certificates made by the test: a CA, a server certificate for 127.0.0.1, and a token signer. */
export interface TestCerts {
  dir: string;
  caCert: string;
  serverCert: string;
  serverKey: string;
  /** Self-signed EC P-256 certificate and key that sign registry tokens. */
  signerCert: string;
  signerKey: string;
}

/** Makes the certificates with the openssl CLI. */
export async function makeCerts(): Promise<TestCerts> {
  const dir = mkdtempSync(path.join(tmpdir(), 'privreg-fix-certs-'));
  const f = (name: string): string => path.join(dir, name);
  await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2',
    '-subj', '/CN=privreg-fix test CA', '-keyout', f('ca.key'), '-out', f('ca.crt'),
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  await run('openssl', ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-subj', '/CN=127.0.0.1', '-keyout', f('server.key'), '-out', f('server.csr')]);
  writeFileSync(f('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n');
  await run('openssl', ['x509', '-req', '-in', f('server.csr'), '-CA', f('ca.crt'), '-CAkey', f('ca.key'), '-CAcreateserial',
    '-days', '2', '-extfile', f('server.ext'), '-out', f('server.crt')]);
  await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2',
    '-subj', '/CN=privreg-fix token signer', '-keyout', f('signer.key'), '-out', f('signer.crt')]);
  return { dir, caCert: f('ca.crt'), serverCert: f('server.crt'), serverKey: f('server.key'), signerCert: f('signer.crt'), signerKey: f('signer.key') };
}

/** A running registry; `stop()` kills it (call it in afterAll). */
export interface RunningRegistry {
  host: string;
  port: number;
  stop(): Promise<void>;
}

/** How the registry authenticates clients. */
export type RegistryAuth =
  | { kind: 'none' }
  | { kind: 'htpasswd'; users: Record<string, string> }
  | { kind: 'token'; realm: string; service: string; issuer: string; rootCertBundle: string };

/** Writes an htpasswd file with bcrypt entries; passwords go to htpasswd on stdin (-i). */
async function writeHtpasswd(file: string, users: Record<string, string>): Promise<void> {
  let first = true;
  for (const [user, password] of Object.entries(users)) {
    await run('htpasswd', [first ? '-ciB' : '-iB', file, user], { input: password });
    first = false;
  }
}

/**
 * Starts `docker-registry serve` on a free loopback port, with TLS unless `certs` is undefined
 * (plain HTTP), and waits until it answers.
 */
export async function startRegistry(certs: TestCerts | undefined, auth: RegistryAuth): Promise<RunningRegistry> {
  const dir = mkdtempSync(path.join(tmpdir(), 'privreg-fix-registry-'));
  const port = await freePort();
  let authBlock = '';
  if (auth.kind === 'htpasswd') {
    const file = path.join(dir, 'htpasswd');
    await writeHtpasswd(file, auth.users);
    authBlock = `  htpasswd:\n    realm: privreg-fix-test\n    path: ${file}\n`;
  } else if (auth.kind === 'token') {
    authBlock = `  token:\n    realm: ${auth.realm}\n    service: ${auth.service}\n    issuer: ${auth.issuer}\n    rootcertbundle: ${auth.rootCertBundle}\n`;
  }
  const config = [
    'version: 0.1',
    'log:',
    '  level: error',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${path.join(dir, 'data')}`,
    'http:',
    `  addr: 127.0.0.1:${port}`,
    '  secret: privreg-fix-test-secret',
    ...(certs ? ['  tls:', `    certificate: ${certs.serverCert}`, `    key: ${certs.serverKey}`] : []),
    ...(authBlock ? ['auth:', authBlock] : []),
    '',
  ].join('\n');
  const configFile = path.join(dir, 'config.yml');
  writeFileSync(configFile, config);
  const child = spawn('docker-registry', ['serve', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  await waitForPort(port, child, () => stderr);
  return { host: `127.0.0.1:${port}`, port, stop: () => stopChild(child) };
}

async function waitForPort(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited: ${stderr()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`docker-registry did not start: ${stderr()}`);
}

/** Kills a child process and waits for it to be gone. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}

/** An OCI image layout on disk with one image under each tag. */
export interface OciLayout {
  dir: string;
  /** Manifest digest per tag. */
  digests: Record<string, string>;
}

const sha256 = (data: Buffer): string => `sha256:${createHash('sha256').update(data).digest('hex')}`;

/**
 * Builds an OCI image layout by hand (oci-layout, index.json, blobs/sha256): per tag one image
 * with an empty gzip-compressed tar layer and a config naming it, so each tag has its own digest.
 */
export function buildOciLayout(tags: readonly string[]): OciLayout {
  const dir = mkdtempSync(path.join(tmpdir(), 'privreg-fix-oci-'));
  const blobs = path.join(dir, 'blobs', 'sha256');
  mkdirSync(blobs, { recursive: true });
  const put = (data: Buffer): { digest: string; size: number } => {
    const digest = sha256(data);
    writeFileSync(path.join(blobs, digest.slice('sha256:'.length)), data);
    return { digest, size: data.length };
  };
  const tar = Buffer.alloc(1024); // an empty tar archive: two zero blocks
  const layer = put(gzipSync(tar));
  const manifests = tags.map((tag) => {
    const config = put(Buffer.from(JSON.stringify({
      architecture: 'amd64', os: 'linux', config: { Labels: { tag } },
      rootfs: { type: 'layers', diff_ids: [sha256(tar)] },
    })));
    const manifest = put(Buffer.from(JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layer }],
    })));
    return { mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest, annotations: { 'org.opencontainers.image.ref.name': tag } };
  });
  writeFileSync(path.join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(path.join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests }));
  return { dir, digests: Object.fromEntries(manifests.map((m, i) => [tags[i] as string, m.digest])) };
}

/** A docker-style auth file (what skopeo's --dest-authfile reads) for one registry. */
export function writeAuthFile(host: string, username: string, password: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'privreg-fix-auth-'));
  const file = path.join(dir, 'config.json');
  const auth = Buffer.from(`${username}:${password}`).toString('base64');
  writeFileSync(file, JSON.stringify({ auths: { [host]: { auth } } }), { mode: 0o600 });
  return file;
}

/** A directory skopeo's --dest-cert-dir reads: the CA as `ca.crt`. */
export function certDir(certs: TestCerts): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'privreg-fix-certdir-'));
  copyFileSync(certs.caCert, path.join(dir, 'ca.crt'));
  return dir;
}

/**
 * Pushes `oci:LAYOUT:tag` to `docker://HOST/repository:tag` with the real skopeo: over TLS
 * trusting `caDir` with the login in `authFile`, or (both undefined) over plain HTTP, anonymously.
 */
export async function skopeoPush(layout: OciLayout, tag: string, destination: string, authFile?: string, caDir?: string): Promise<void> {
  const dest = authFile && caDir ? ['--dest-cert-dir', caDir, '--dest-authfile', authFile] : ['--dest-tls-verify=false', '--dest-no-creds'];
  await run('skopeo', ['copy', '--quiet', '--preserve-digests', ...dest, `oci:${layout.dir}:${tag}`, `docker://${destination}`]);
}
