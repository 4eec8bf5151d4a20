import { describe, expect, it } from 'vitest';
import { parseObjects } from '../../src/api/objects.js';
import { parseConfig } from '../../src/config/load.js';
import { documentsData } from '../../src/engine/verify.js';
import { parseManifest } from '../../src/yaml/parse.js';

/** YAML 1.1 scalars as the API server reads them (go-yaml v2), not as YAML 1.2 would. */
const MANIFEST = `apiVersion: v1
kind: ConfigMap
metadata:
  name: dialect
data:
  enabled: yes
  mode: 0644
  big: 1_000
  when: 2020-01-01
  exp: e5
`;

describe('one YAML dialect for every entry point', () => {
  it('the library\'s parseObjects decodes a manifest exactly as the engine does', () => {
    const engine = documentsData(parseManifest('x.yaml', MANIFEST).docs);
    expect(parseObjects(MANIFEST)).toEqual(engine);
    expect((engine[0] as { data: Record<string, unknown> }).data).toEqual({ enabled: true, mode: 420, big: 1000, when: '2020-01-01', exp: 'e5' });
  });

  it('config files are read in the same dialect (a bare off is a rule turned off)', () => {
    const config = parseConfig('rules:\n  namespace-mismatch: off\n', '/repo/.privreg-fix.yaml');
    expect(config.settings.rules).toEqual({ 'namespace-mismatch': false });
    // `0644` is the number 420 to the API server, and to the config reader: not a namespace name.
    expect(() => parseConfig('namespace: 0644\n', '/repo/.privreg-fix.yaml')).toThrow(/namespace must be a string/);
  });
});
