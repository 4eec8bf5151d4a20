import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments, type Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PARSE_OPTIONS } from '../../src/yaml/options.js';
import { availableKubernetesVersions, createValidator, UnknownKubernetesVersionError } from '../../src/validate/index.js';
import { formatFieldPath } from '../../src/validate/locate.js';

function parseOne(text: string): { node: Node; value: unknown } {
  const [doc] = parseAllDocuments(text, PARSE_OPTIONS);
  if (doc === undefined || !('contents' in doc) || doc.contents === null) throw new Error('no document');
  return { node: doc.contents, value: doc.toJS() };
}

describe('validate API', () => {
  it('lists the bundled Kubernetes versions', () => {
    expect(availableKubernetesVersions()).toContain('1.35');
  });

  it('rejects an unknown Kubernetes version', async () => {
    await expect(createValidator({ kubernetesVersion: '0.1' })).rejects.toBeInstanceOf(UnknownKubernetesVersionError);
  });

  it('returns offsets of the offending node', async () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {port: 8080}\n';
    const { node, value } = parseOne(text);
    const result = (await createValidator()).validate(node, value);
    expect(result.status).toBe('invalid');
    if (result.status !== 'invalid') return;
    const [error] = result.errors;
    expect(error?.fieldPath).toBe('data.port');
    expect(text.slice(error?.start, error?.end)).toBe('8080');
  });

  it('formats field paths the Kubernetes way', () => {
    expect(formatFieldPath(['spec', 'containers', 0, 'ports', 1, 'containerPort'])).toBe('spec.containers[0].ports[1].containerPort');
    expect(formatFieldPath(['metadata', 'labels', 'app.kubernetes.io/name'])).toBe('metadata.labels[app.kubernetes.io/name]');
  });

  it('adds CRDs and JSON Schema files from --schema-dir', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'privreg-schemas-'));
    mkdirSync(join(dir, 'example.com'));
    writeFileSync(
      join(dir, 'crd.yaml'),
      [
        'apiVersion: apiextensions.k8s.io/v1',
        'kind: CustomResourceDefinition',
        'metadata: {name: gadgets.example.com}',
        'spec:',
        '  group: example.com',
        '  names: {kind: Gadget, plural: gadgets}',
        '  scope: Namespaced',
        '  versions:',
        '    - name: v1',
        '      served: true',
        '      storage: true',
        '      schema:',
        '        openAPIV3Schema:',
        '          type: object',
        '          properties:',
        '            spec: {type: object, properties: {size: {type: integer}}}',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'example.com', 'thing_v1.json'),
      JSON.stringify({
        type: 'object',
        properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, spec: { type: 'object', required: ['color'] } },
        additionalProperties: false,
      }),
    );
    const validator = await createValidator({ schemaDirs: [dir] });
    const gadget = parseOne('apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\nspec: {size: big}\n');
    expect(validator.validate(gadget.node, gadget.value)).toMatchObject({
      status: 'invalid',
      errors: [{ fieldPath: 'spec.size', message: 'must be integer, got string "big"' }],
    });
    const thing = parseOne('apiVersion: example.com/v1\nkind: Thing\nmetadata: {name: t}\nspec: {}\nextra: 1\n');
    expect(validator.validate(thing.node, thing.value)).toMatchObject({
      status: 'invalid',
      errors: [
        { fieldPath: 'spec.color', message: 'required field "color" is missing' },
        { fieldPath: 'extra', message: 'unknown field "extra"' },
      ],
    });
  });
});
