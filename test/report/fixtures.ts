import type { FileResult, Finding, RunResult, TextEdit } from '../../src/core/types.js';
import { createPositionMapper } from '../../src/yaml/positions.js';

/** A finding at the offset range [start, end) of `source`, positions computed like the engine. */
export function findingAt(
  source: string,
  start: number,
  end: number,
  extra: Partial<Finding> & Pick<Finding, 'ruleId'>,
): Finding {
  const m = createPositionMapper(source);
  return {
    severity: 'error',
    message: `${extra.ruleId} here`,
    start,
    end,
    startPos: m.positionAt(start),
    endPos: m.positionAt(end),
    ...extra,
  };
}

/** Applies edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

export const DEPLOY = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx',
  '',
].join('\n');

/** A run with one fixable deployment, one clean file and one skipped template. */
export function sampleRun(mode: RunResult['mode'] = 'check'): RunResult {
  const metaAt = DEPLOY.indexOf('metadata:');
  const nsInsert = DEPLOY.indexOf('  name: web');
  const nsEdit: TextEdit = { start: nsInsert, end: nsInsert, text: '  namespace: shop\n' };
  const specAt = DEPLOY.indexOf('    spec:') + 4;
  const secretAt = DEPLOY.indexOf('      containers:');
  const secretEdit: TextEdit = { start: secretAt, end: secretAt, text: '      imagePullSecrets:\n        - name: regcred\n' };
  const object = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', documentIndex: 0 };
  const deploy: FileResult = {
    path: 'apps/web.yaml',
    absolutePath: '/repo/apps/web.yaml',
    source: DEPLOY,
    output: applyEdits(DEPLOY, [nsEdit, secretEdit]),
    findings: [
      findingAt(DEPLOY, metaAt, metaAt + 'metadata'.length, {
        ruleId: 'missing-namespace', message: 'Deployment "web" has no namespace', fieldPath: 'metadata', object, fix: [nsEdit],
      }),
      findingAt(DEPLOY, specAt, specAt + 4, {
        ruleId: 'missing-pull-secret', message: 'pod spec does not list imagePullSecret "regcred"',
        fieldPath: 'spec.template.spec', object, fix: [secretEdit],
      }),
      findingAt(DEPLOY, DEPLOY.indexOf('nginx'), DEPLOY.indexOf('nginx') + 5, {
        ruleId: 'namespace-mismatch', severity: 'warning', message: 'odd, but, fine: 100%\nsecond line', object,
      }),
    ],
    skipped: false,
  };
  const clean: FileResult = { path: 'apps/ok.yaml', source: 'a: 1\n', output: 'a: 1\n', findings: [], skipped: false };
  const tpl = 'image: {{ .Values.image }}\n';
  const template: FileResult = {
    path: 'charts/t.yaml', source: tpl, output: tpl, skipped: true,
    findings: [findingAt(tpl, 7, 9, { ruleId: 'template-skipped', message: 'Helm template markers; skipped' })],
  };
  if (mode === 'write') deploy.written = true;
  return { mode, files: [deploy, clean, template], durationMs: 84.4 };
}
