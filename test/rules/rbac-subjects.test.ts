import { describe, expect, it } from 'vitest';
import { fixText, type Engine } from '../../src/engine/fix-text.js';
import { InputIndex } from '../../src/rules/input-index.js';
import { learnInput } from '../../src/engine/learn-input.js';
import { defaultFixOptions, type FixOptions } from '../../src/core/options.js';
import { KindRegistry } from '../../src/kinds/registry.js';
import { defaultRules } from '../../src/rules/index.js';

const SA = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: operator\n';
const CRB = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: operator
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: operator}
subjects:
- kind: ServiceAccount
  name: operator
  namespace: myproject
`;

const options = (over: Partial<FixOptions> = {}): FixOptions => ({ ...defaultFixOptions(), namespace: 'shop', ...over });

/** Learns every text first (as the pre-pass does), then fixes `target`. */
function run(texts: [string, FixOptions][], target: string, targetOptions: FixOptions) {
  const engine: Engine = { rules: defaultRules(), kinds: new KindRegistry(), index: new InputIndex() };
  for (const [text, o] of texts) learnInput(text, o, engine);
  return fixText('crb.yaml', target, targetOptions, engine);
}

const subjectFindings = (r: ReturnType<typeof run>) => r.findings.filter((f) => f.ruleId === 'rbac-subject-namespace');

describe('rbac-subject-namespace', () => {
  it('follows a ServiceAccount defined in another file that the fix moves', () => {
    const r = run([[SA, options()], [CRB, options()]], CRB, options());
    expect(subjectFindings(r).map((f) => [f.ruleId, f.severity, f.fieldPath])).toEqual([['rbac-subject-namespace', 'error', 'subjects[0].namespace']]);
    expect(r.output).toBe(CRB.replace('namespace: myproject', 'namespace: shop'));
  });

  it('moves nothing without --namespace, or when missing-namespace is off for the ServiceAccount', () => {
    const none = defaultFixOptions();
    expect(subjectFindings(run([[SA, none], [CRB, none]], CRB, none))).toEqual([]);
    const off = options({ rules: { 'missing-namespace': 'off' } });
    expect(subjectFindings(run([[SA, off], [CRB, options()]], CRB, options()))).toEqual([]);
  });

  it('leaves a subject alone when the ServiceAccount already has a namespace, or is not in the input', () => {
    const placed = SA.replace('name: operator\n', 'name: operator\n  namespace: myproject\n');
    expect(subjectFindings(run([[placed, options()], [CRB, options()]], CRB, options()))).toEqual([]);
    expect(subjectFindings(run([[CRB, options()]], CRB, options()))).toEqual([]);
  });

  it('leaves a subject alone that names the namespace of another ServiceAccount of that name in the input', () => {
    const other = SA.replace('name: operator\n', 'name: operator\n  namespace: myproject\n');
    const r = run([[SA, options()], [other, options()], [CRB, options()]], CRB, options());
    expect(subjectFindings(r)).toEqual([]);
  });

  it('reports without a fix when ServiceAccounts of that name move into different namespaces', () => {
    const r = run([[SA, options()], [SA, options({ namespace: 'billing' })], [CRB, options()]], CRB, options());
    const [f] = subjectFindings(r);
    expect(f?.fix).toBeUndefined();
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('into "billing", "shop"');
    expect(r.output).toBe(CRB);
  });

  it('a RoleBinding subject without namespace follows the binding, and the binding follows --namespace', () => {
    const rb = CRB.replace('ClusterRoleBinding', 'RoleBinding').replace('  namespace: myproject\n', '');
    const r = run([[SA, options()], [rb, options()]], rb, options());
    expect(subjectFindings(r)).toEqual([]);
    expect(r.output).toContain('  namespace: shop\n');
  });

  it('a RoleBinding subject without namespace in a binding kept elsewhere gets the namespace added', () => {
    const rb = CRB.replace('ClusterRoleBinding', 'RoleBinding').replace('  name: operator\nroleRef', '  name: operator\n  namespace: apps\nroleRef')
      .replace('  namespace: myproject\n', '');
    const r = run([[SA, options()], [rb, options()]], rb, options());
    expect(subjectFindings(r).map((f) => f.message)).toEqual([expect.stringContaining('has no namespace (so "apps", the RoleBinding\'s)')]);
    expect(r.output.endsWith('  name: operator\n  namespace: shop\n')).toBe(true);
  });

  it('can be turned off, and the annotation suppresses it', () => {
    const off = options({ rules: { 'rbac-subject-namespace': 'off' } });
    expect(run([[SA, options()], [CRB, off]], CRB, off).output).toBe(CRB);
    const annotated = CRB.replace('  name: operator\nroleRef', '  name: operator\n  annotations: {privreg-fix.io/ignore: rbac-subject-namespace}\nroleRef');
    expect(subjectFindings(run([[SA, options()], [annotated, options()]], annotated, options()))).toEqual([]);
  });

  it('a ServiceAccount in a template (left alone by the fix) is not moved, so its subjects stay', () => {
    const templated = `${SA}  labels: {{ include "labels" . }}\n`;
    expect(subjectFindings(run([[templated, options()], [CRB, options()]], CRB, options()))).toEqual([]);
  });

  it('reads JSON manifests too', () => {
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'operator' } });
    const r = run([[json, options()], [CRB, options()]], CRB, options());
    expect(subjectFindings(r)).toHaveLength(1);
  });
});
