import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

let validator: ValidateFunction | undefined;

/**
 * The compiled validator of `schemas/config.schema.json`, built on first use. The schema is read
 * from the package root, which is two levels up from both `src/config/` and `dist/config/`.
 */
export function configValidator(): ValidateFunction {
  if (validator) return validator;
  const schema = JSON.parse(readFileSync(configSchemaUrl(), 'utf8')) as object;
  // verbose: errors carry their parentSchema, which lists the known keys for suggestions.
  const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true });
  validator = ajv.compile(schema);
  return validator;
}

/** Where the config schema lives. */
export function configSchemaUrl(): URL {
  return new URL('../../schemas/config.schema.json', import.meta.url);
}

/** ajv's error type, re-exported so callers need not depend on ajv. */
export type SchemaError = ErrorObject;
