import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN } from '../e2e/cli.js';

export { BIN, ROOT, runCli, tempDir } from '../e2e/cli.js';

/** Whether a command runs on this machine (`cmd args` exits 0). */
export function hasCommand(cmd: string, args: string[] = ['--help']): boolean {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000 });
  return r.error === undefined && r.status === 0;
}

/** Writes an executable `#!/bin/sh` wrapper that runs the built bin with `args` then its own. */
export function writeWrapper(file: string, args: string[]): string {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  writeFileSync(file, `#!/bin/sh\nexec ${quoted} "$@"\n`);
  chmodSync(file, 0o755);
  return path.resolve(file);
}

/** A Deployment with comments, no namespace, no pull secret and a Docker Hub image. */
export const DEPLOYMENT = `# the web front end
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web # keep this comment
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx:1.27 # pinned
`;
