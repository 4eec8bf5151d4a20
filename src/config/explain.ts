import type { SchemaError } from './schema.js';
import { pointerSegments } from './locate.js';
import { suggest } from './suggest.js';

/** A validation problem in words, with where it is. */
export interface Problem {
  /** JSON pointer of the node to point at. */
  pointer: string;
  /** Point at this key inside that node rather than at the node itself. */
  atKey?: string;
  /** Dotted path of the offending key, e.g. `overrides[0].namespace`. */
  key: string;
  message: string;
}

/** What a value of a pattern-checked definition must look like, by definition name. */
const FORMATS: Record<string, string> = {
  namespace: 'a DNS-1123 label (lower-case letters, digits and "-", at most 63 characters)',
  secretName: 'a Secret name (DNS-1123 subdomain: lower-case letters, digits, "-" and ".")',
  registry: 'a registry as HOST[:PORT][/PREFIX], e.g. reg.example.com:5000/mirror',
  registryMap: 'a registry as HOST[:PORT][/PREFIX]',
  registries: 'a registry as HOST[:PORT][/PREFIX]',
  kind: 'a kind as group/Kind or Kind, e.g. argoproj.io/Rollout',
  kubernetesVersion: 'a version like "1.35" (quoted)',
};

const TYPE_WORDS: Record<string, string> = {
  string: 'a string', array: 'a list', object: 'a mapping', boolean: 'true or false',
  integer: 'an integer', number: 'a number', null: 'empty',
};

/**
 * Turns ajv errors into problems a user can act on: unknown keys with a suggestion, missing keys,
 * wrong types and formats in words. `data` is the validated value, used to tell list indexes
 * from keys when naming paths.
 */
export function explainErrors(errors: readonly SchemaError[], data: unknown): Problem[] {
  const problems: Problem[] = [];
  for (const e of errors) {
    // propertyNames reports the inner failure and a summary; keep the summary only.
    if (e.propertyName !== undefined && e.keyword !== 'propertyNames') continue;
    // A failed `if`/union would duplicate the specific error next to it.
    if (e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    problems.push(explain(e, data));
  }
  return problems;
}

function explain(e: SchemaError, data: unknown): Problem {
  const path = dottedPath(e.instancePath, data);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const parent = e.parentSchema as { properties?: Record<string, unknown> } | undefined;
      const known = Object.keys(parent?.properties ?? {}).filter((k) => k !== '$schema');
      const isRules = pointerSegments(e.instancePath).at(-1) === 'rules';
      const hint = suggest(name, known);
      const what = isRules ? 'unknown rule id' : 'unknown key';
      const where = path && !isRules ? ` in ${path}` : '';
      return {
        pointer: e.instancePath, atKey: name, key: join(path, name),
        message: `${what} "${name}"${where}${hint ? ` (did you mean "${hint}"?)` : ''}`,
      };
    }
    case 'required': {
      const name = String(params.missingProperty);
      return { pointer: e.instancePath, key: join(path, name), message: `${path || 'the file'} is missing the required key "${name}"` };
    }
    case 'propertyNames': {
      const name = String(params.propertyName);
      const format = FORMATS[lastName(e.instancePath)] ?? 'a valid key';
      return { pointer: e.instancePath, atKey: name, key: join(path, name), message: `${path} has the key "${name}", which must be ${format}` };
    }
    case 'type': {
      const types = ([] as unknown[]).concat(params.type).map((t) => TYPE_WORDS[String(t)] ?? String(t));
      const wanted = types.length === 2 && types[0] === 'a string' && types[1] === 'a list' ? 'a string or a list of strings' : types.join(' or ');
      // YAML reads 1.30 as the number 1.3: the fix is quoting, so say so.
      const quote = typeof e.data === 'number' && wanted === 'a string' ? ' (put the value in quotes)' : '';
      return { pointer: e.instancePath, key: path, message: `${path || 'the file'} must be ${wanted}${quote}` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const hint = typeof e.data === 'string' ? suggest(e.data, allowed) : undefined;
      return {
        pointer: e.instancePath, key: path,
        message: `${path} must be one of ${allowed.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`,
      };
    }
    case 'pattern': {
      const definition = /#\/definitions\/(\w+)\//.exec(e.schemaPath)?.[1];
      const format = FORMATS[definition ?? ''] ?? FORMATS[lastName(e.instancePath)] ?? `text matching ${String(params.pattern)}`;
      return { pointer: e.instancePath, key: path, message: `${path} must be ${format}, not ${JSON.stringify(e.data)}` };
    }
    default:
      return { pointer: e.instancePath, key: path, message: `${path || 'the file'} ${e.message ?? 'is invalid'}` };
  }
}

/** `/overrides/0/namespace` → `overrides[0].namespace`; odd keys are quoted: `registries["a.io"]`. */
export function dottedPath(pointer: string, data: unknown): string {
  let out = '';
  let value = data;
  for (const seg of pointerSegments(pointer)) {
    if (Array.isArray(value)) {
      out += `[${seg}]`;
      value = value[Number(seg)];
    } else {
      out = join(out, seg);
      value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

function join(path: string, key: string): string {
  if (!/^[A-Za-z_$][\w$-]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}

function lastName(pointer: string): string {
  return pointerSegments(pointer).filter((s) => !/^\d+$/.test(s)).at(-1) ?? '';
}
