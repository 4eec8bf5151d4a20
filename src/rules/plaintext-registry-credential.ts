import { findPair } from '../yaml/nodes.js';
import { findPlaintextRegistryCredentials } from '../credentials/index.js';
import type { Rule } from './rule.js';

/**
 * `plaintext-registry-credential`: a docker-registry Secret with a real login is committed in
 * the scanned files. Names the registries, never the credential.
 */
export const plaintextRegistryCredentialRule: Rule = {
  meta: {
    id: 'plaintext-registry-credential', defaultSeverity: 'error', fixable: false, docs: 'README.md#rules',
    description: 'A docker-registry Secret with a real credential is committed in the scanned files.',
  },
  check(ctx): void {
    const { node, ref, doc, fieldPrefix } = ctx.object;
    if (ref.kind !== 'Secret' || ref.apiVersion !== 'v1') return;
    const found = findPlaintextRegistryCredentials(node.toJS(doc));
    if (!found) return;
    const at = (findPair(node, 'data') ?? findPair(node, 'stringData'))?.key as { range?: number[] } | undefined;
    const range = at?.range ?? node.range ?? [0, 0];
    ctx.report({
      message: `Secret "${ref.name ?? ''}" holds a registry login for ${found.registries.map((r) => `"${r}"`).join(', ')} in plain base64; keep it out of version control (create it with 'privreg-fix create secret docker-registry ... | kubectl apply -f -', or encrypt it)`,
      start: range[0] ?? 0,
      end: range[1] ?? 0,
      fieldPath: `${fieldPrefix}data`,
    });
  },
};
