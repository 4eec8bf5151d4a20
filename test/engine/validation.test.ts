/**
 * The validation of a fixed file: the fixed documents the fix changed are validated again (an
 * error the fix would introduce keeps the file as it is); the others, whose data the
 * verification found equal to the original's, are not.
 */
import { describe, expect, it } from 'vitest';
import { resolveRun } from '../../src/api/options.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { fixText, type Engine } from '../../src/engine/fix-text.js';
import type { Validator } from '../../src/validate/index.js';
import { clusterRole, settingsConfigMap } from '../fixtures-support/manifests.js';

const TEXT = `${clusterRole('reader')}---\n${settingsConfigMap('data:\n  mode: fast\n')}`;

/** The engine of a run with `--namespace team`, its validator counting what it validates. */
async function countingEngine(wrap: (validate: Validator['validate']) => Validator['validate'] = (v) => v): Promise<{ engine: Engine; seen: unknown[]; options: Parameters<typeof fixText>[2] }> {
  const resolved = await resolveRun({ cwd: process.cwd(), namespace: 'team', config: false });
  const engine = await createEngine(resolved.settings);
  const real = engine.validation?.validator;
  if (!real) throw new Error('validation is on by default');
  const seen: unknown[] = [];
  const validate = wrap(real.validate.bind(real));
  const validator = Object.create(real) as Validator;
  validator.validate = (node, data) => {
    seen.push(data);
    return validate(node, data);
  };
  engine.validation = { validator, strictKinds: false };
  return { engine, seen, options: resolved.optionsFor(`${process.cwd()}/x.yaml`) };
}

describe('validation of a fixed file', () => {
  it('validates again only the documents the fix changed', async () => {
    const { engine, seen, options } = await countingEngine();
    const r = fixText('x.yaml', TEXT, options, engine);
    expect(r.output).toContain('namespace: team');
    expect(r.findings.filter((f) => f.ruleId === 'schema')).toEqual([]);
    const kinds = seen.map((d) => (d as { kind: string }).kind);
    // The original's two documents, then only the fixed ConfigMap: the ClusterRole is unchanged.
    expect(kinds).toEqual(['ClusterRole', 'ConfigMap', 'ConfigMap']);
    expect(seen[2]).toMatchObject({ metadata: { namespace: 'team' } });
  });

  it('keeps the file as it is when the fix would introduce a schema error', async () => {
    // A validator that finds the namespace of a ConfigMap wrong: only the fixed text has one.
    const { engine, options } = await countingEngine((validate) => (node, data) => {
      const d = data as { kind?: string; metadata?: { namespace?: string } };
      if (d.kind === 'ConfigMap' && d.metadata?.namespace) return { status: 'invalid', errors: [{ fieldPath: 'metadata.namespace', message: 'not allowed here', start: 0, end: 1 }] };
      return validate(node, data);
    });
    const r = fixText('x.yaml', TEXT, options, engine);
    expect(r.output).toBe(TEXT);
    expect(r.findings.map((f) => f.message)).toContainEqual(expect.stringContaining('the fix would introduce a schema error (metadata.namespace: not allowed here)'));
  });
});
