import type { RunSettings } from '../config/index.js';
import { kindFromCrd } from '../kinds/crd-kinds.js';
import { KindRegistry } from '../kinds/registry.js';
import { defaultRules } from '../rules/index.js';
import {
  checkKubernetesVersion, crdKindOf, createValidator, customResourceSchemas, readSchemaDirs,
} from '../validate/index.js';
import type { Rule } from '../rules/rule.js';
import type { Engine } from './fix-text.js';
import { InputIndex } from '../rules/input-index.js';
import { learnCrd } from './learn-input.js';

/**
 * Builds the engine for a run from its run-wide settings. The CRDs of `--schema-dir` count like
 * those of the input, for scope and pod templates as well as validation (with `--no-validate`
 * too), after all of the input's: of two CRDs for one kind, one of the input is used. The engine
 * is handed its rules (by default every rule of `rules/index.ts`). Throws `SchemaPathError`
 * for a schema path that is missing or unreadable.
 */
export async function createEngine(settings: RunSettings, rules: readonly Rule[] = defaultRules()): Promise<Engine> {
  checkKubernetesVersion(settings.kubernetesVersion);
  const schemas = readSchemaDirs(settings.schemaDirs);
  const engine: Engine = {
    rules,
    kinds: new KindRegistry([], settings.kubernetesVersion),
    index: new InputIndex(),
  };
  if (settings.validate) {
    const validator = await createValidator({ kubernetesVersion: settings.kubernetesVersion, schemas: { crds: [], jsonSchemas: schemas.jsonSchemas } });
    engine.validation = { validator, strictKinds: settings.strictKinds };
  }
  schemas.crds.forEach((crd, n) => {
    const kind = kindFromCrd(crd);
    const groupKind = crdKindOf(crd);
    if (!kind || groupKind === undefined) return;
    learnCrd(engine, { groupKind, kind, source: { rank: [1, n] }, ...(engine.validation && { schemas: customResourceSchemas(crd) }) });
  });
  return engine;
}
