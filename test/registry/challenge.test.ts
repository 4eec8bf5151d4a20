import { describe, expect, it } from 'vitest';
import { parseAuthChallenges, pickChallenge } from '../../src/registry/challenge.js';

describe('parseAuthChallenges (WWW-Authenticate)', () => {
  it('reads a distribution Bearer challenge with realm, service and scope', () => {
    expect(parseAuthChallenges('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"')).toEqual([
      { scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/nginx:pull' } },
    ]);
  });

  it('reads Basic with a realm, case-insensitive scheme and parameter names', () => {
    expect(parseAuthChallenges('BASIC Realm="Registry Realm"')).toEqual([{ scheme: 'basic', params: { realm: 'Registry Realm' } }]);
  });

  it('keeps commas and escaped quotes inside quoted strings', () => {
    const [c] = parseAuthChallenges('Bearer realm="https://a/token",scope="repository:a/b:pull,push",error="say \\"hi\\""');
    expect(c?.params).toEqual({ realm: 'https://a/token', scope: 'repository:a/b:pull,push', error: 'say "hi"' });
  });

  it('splits several challenges in one header; a comma then name= continues the current one', () => {
    const cs = parseAuthChallenges('Basic realm="x", Bearer realm="https://t/token", service="s", Negotiate');
    expect(cs.map((c) => c.scheme)).toEqual(['basic', 'bearer', 'negotiate']);
    expect(cs[1]?.params).toEqual({ realm: 'https://t/token', service: 's' });
  });

  it('reads unquoted token values, token68 and insufficient_scope errors', () => {
    expect(parseAuthChallenges('Bearer realm=https://t/token,error=insufficient_scope')[0]?.params).toEqual({ realm: 'https://t/token', error: 'insufficient_scope' });
    expect(parseAuthChallenges('Negotiate abc123==')[0]?.params).toEqual({ token68: 'abc123==' });
  });

  it('never throws on garbage', () => {
    for (const h of ['', ',,,', '"', '=', 'Bearer realm="unterminated', 'Bearer ,,, realm', '\u0000\u00ff']) expect(() => parseAuthChallenges(h)).not.toThrow();
  });

  it('pickChallenge prefers Bearer, then Basic, and ignores schemes it cannot answer', () => {
    expect(pickChallenge(parseAuthChallenges('Basic realm="x", Bearer realm="y"'))?.scheme).toBe('bearer');
    expect(pickChallenge(parseAuthChallenges('Negotiate, Basic realm="x"'))?.scheme).toBe('basic');
    expect(pickChallenge(parseAuthChallenges('Negotiate'))).toBeUndefined();
  });
});
