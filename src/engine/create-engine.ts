import type { RunSettings } from '../config/index.js';
import { availableKubernetesVersions, createValidator, UnknownKubernetesVersionError } from '../validate/index.js';
import { KindRegistry } from '../kinds/registry.js';
import { defaultRules } from '../rules/index.js';
import type { Engine } from './fix-text.js';
import type { FixOptions } from './options.js';
import { InputIndex } from './input-index.js';
import { learnInput } from './learn-input.js';

/** An engine for one run, with a way to learn CRDs from texts before files are fixed. */
export interface RunEngine extends Engine {
  onCrd?: (crd: unknown) => void;
  registerText(text: string, options: FixOptions): void;
}

/** Builds the engine for a run from its run-wide settings. */
export async function createEngine(settings: RunSettings): Promise<RunEngine> {
  const versions = availableKubernetesVersions();
  if (!versions.includes(settings.kubernetesVersion)) throw new UnknownKubernetesVersionError(settings.kubernetesVersion, versions);
  const engine: RunEngine = {
    rules: defaultRules(),
    kinds: new KindRegistry([], settings.kubernetesVersion),
    index: new InputIndex(),
    registerText(text: string, options: FixOptions): void {
      learnInput(text, options, engine);
    },
  };
  if (settings.validate) {
    const validator = await createValidator({ kubernetesVersion: settings.kubernetesVersion, schemaDirs: settings.schemaDirs });
    engine.validation = { validator, strictKinds: settings.strictKinds, reportedKinds: new Set() };
    engine.onCrd = (crd) => validator.addCustomResourceDefinition(crd);
  }
  return engine;
}
