/**
 * Decodes a docker config `auth` value (base64 of `user:password`); undefined when it is not
 * that shape. The one place a login is read out of it.
 */
export function decodeDockerAuth(auth: string): { username: string; password: string } | undefined {
  const compact = auth.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  const decoded = Buffer.from(compact, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
