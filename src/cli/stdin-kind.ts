import { fstatSync } from 'node:fs';

/**
 * Whether this process's stdin (fd 0) is a pipe (`cat app.yaml | privreg-fix`) or a non-empty
 * regular file (`privreg-fix < app.yaml`), found with fstat, without reading or waiting on it.
 * A terminal, `/dev/null` (what CI runners and a closed stdin give), or a socket (what a
 * Node.js parent's default `stdio: 'pipe'` gives, whether it writes or not) is not.
 */
export function stdinPiped(): boolean {
  try {
    const s = fstatSync(0);
    return s.isFIFO() || (s.isFile() && s.size > 0);
  } catch {
    return false;
  }
}
