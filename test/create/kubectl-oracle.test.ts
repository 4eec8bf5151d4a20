import { execFileSync } from 'node:child_process';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { decodeDockerConfig, runWith, KUBECTL as kubectl } from './fake-io.js';


interface Case {
  label: string;
  server?: string;
  username: string;
  password: string;
  email?: string;
  namespace?: string;
}

const cases: Case[] = [
  { label: 'with email', server: 'reg.example.com:5000', username: 'ci-bot', password: 'not-a-real-password', email: 'ci@example.com' },
  { label: 'without email', server: 'reg.example.com', username: 'ci-bot', password: 'not-a-real-password' },
  { label: 'unicode username', server: 'ghcr.io', username: 'jöhn-ü-日本', password: 'not-a-real-pässword' },
  { label: 'password with colons', server: 'reg.example.com:5000', username: 'u', password: 'not:a:real:password' },
  { label: 'HTML-ish characters', server: 'reg.example.com', username: 'a&b', password: '<not-a-real>&"password"\\' },
  { label: 'default server (Docker Hub)', username: 'hub-user', password: 'not-a-real-password', namespace: 'team-a' },
];

function kubectlSecret(c: Case): { text: string; obj: { data?: Record<string, string>; metadata?: { namespace?: string } } } {
  const args = ['create', 'secret', 'docker-registry', 'regcred'];
  if (c.server !== undefined) args.push(`--docker-server=${c.server}`);
  args.push(`--docker-username=${c.username}`, `--docker-password=${c.password}`);
  if (c.email !== undefined) args.push(`--docker-email=${c.email}`);
  if (c.namespace !== undefined) args.push(`--namespace=${c.namespace}`);
  args.push('--dry-run=client', '-o', 'yaml');
  const text = execFileSync(kubectl ?? 'kubectl', args, { encoding: 'utf8', env: { ...process.env, KUBECONFIG: '/dev/null' } });
  return { text, obj: parse(text) as { data?: Record<string, string> } };
}

describe('create secret docker-registry matches kubectl', () => {
  it.skipIf(kubectl === undefined).each(cases)('$label', async (c) => {
    const args = ['secret', 'docker-registry', 'regcred', '--docker-username', c.username, '--password-env', 'REG_PASSWORD'];
    if (c.server !== undefined) args.push('--docker-server', c.server);
    if (c.email !== undefined) args.push('--docker-email', c.email);
    if (c.namespace !== undefined) args.push('-n', c.namespace);
    const ours = await runWith(args, { env: { REG_PASSWORD: c.password } });
    expect(ours.code).toBe(0);
    expect(ours.stderr).toBe('');
    const oursObj = parse(ours.stdout) as { data?: Record<string, string>; metadata?: { namespace?: string } };

    const theirs = kubectlSecret(c);
    expect(decodeDockerConfig(oursObj)).toEqual(decodeDockerConfig(theirs.obj));
    // Same bytes too: field order and Go's escaping of < > & are reproduced.
    expect(oursObj.data?.['.dockerconfigjson']).toBe(theirs.obj.data?.['.dockerconfigjson']);
    expect(oursObj.metadata?.namespace).toBe(theirs.obj.metadata?.namespace);
    expect(ours.stdout).not.toContain('creationTimestamp');
  });
});
