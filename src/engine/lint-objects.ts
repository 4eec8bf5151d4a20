import { detectLayout, type Layout } from '../fix/layout.js';
import { findPair, type YAMLMap } from '../yaml/nodes.js';
import type { ManifestObject } from '../manifest/objects.js';
import { followPath } from '../kinds/pod-specs.js';
import type { RuleFinding, RuleReport } from '../rules/rule.js';
import { objectPodSpecs, type ObjectPodSpecs } from '../kinds/pod-data.js';
import type { Engine } from './fix-text.js';
import type { FixOptions } from '../core/options.js';
import { suppressedRules } from '../rules/suppressions.js';

/**
 * Runs every rule over every object of one text (or those `only` keeps; the others still lend
 * the file's layout); returns the raw reports.
 */
export function lintObjects(
  text: string,
  objects: readonly ManifestObject[],
  engine: Pick<Engine, 'rules' | 'kinds' | 'index'>,
  options: FixOptions,
  only?: (object: ManifestObject) => boolean,
): RuleReport[] {
  const { rules, kinds, index } = engine;
  const reports: RuleReport[] = [];
  const unknownKinds = new Set<string>();
  // Objects without block collections of their own borrow the file's habits.
  let fileLayout: Layout | null | undefined; // null: looked, found nothing
  const layoutOfFile = (): Layout | undefined => {
    if (fileLayout === undefined) {
      fileLayout = null;
      for (const o of objects) {
        const l = detectLayout(text, o.node);
        if (l.found) {
          fileLayout = l;
          break;
        }
      }
    }
    return fileLayout ?? undefined;
  };
  const wantsKindInfo = options.namespace !== undefined || options.pullSecrets.length > 0 || options.registry !== undefined
    || Object.keys(options.registries).length > 0;
  for (const object of objects) {
    if (only && !only(object)) continue;
    const { apiVersion, kind } = object.ref;
    const info = kinds.lookup(apiVersion, kind, options.kinds);
    const suppressed = suppressedRules(object);
    if (suppressed.has('all')) continue;
    if (info.scope === undefined && wantsKindInfo && !suppressed.has('unknown-kind')) {
      const key = `${apiVersion}/${kind}`;
      if (!unknownKinds.has(key)) {
        unknownKinds.add(key);
        const kindNode = findPair(object.node, 'kind')?.value as { range?: [number, number, number] } | null | undefined;
        const at = kindNode?.range ?? object.node.range;
        // With --namespace, an object of unknown scope may be applied to the wrong namespace: an error.
        reports.push({
          ruleId: 'unknown-kind',
          ...(options.namespace !== undefined ? { severity: 'error' as const } : {}),
          message: `${key} is not a known kind (no CRD in the input or --schema-dir, not in the built-in tables), so it is not known whether it takes a namespace; left alone. Give its CRD with --schema-dir or declare it under "kinds" in the config (kind, scope, podSpecPaths) to fix it`,
          start: at?.[0] ?? 0,
          end: at?.[1] ?? 0,
          object: object.ref,
        });
      }
    }
    let layout: Layout | undefined;
    let podSpecs: ObjectPodSpecs | undefined;
    let ruleId = '';
    const ctx = {
      text,
      object,
      kind: info,
      options,
      index,
      layout: (): Layout => {
        if (layout) return layout;
        const own = detectLayout(text, object.node, firstPodSpec(object.node, info.podSpecPaths));
        return (layout = own.found ? own : (layoutOfFile() ?? own));
      },
      podSpecs: (): ObjectPodSpecs => (podSpecs ??= objectPodSpecs(object.node, info, object.doc)),
      // A rule reports its own id only.
      report: (r: RuleFinding): void => {
        reports.push({ ...r, ruleId, object: object.ref });
      },
    };
    for (const rule of rules) {
      if (suppressed.has(rule.meta.id)) continue;
      ruleId = rule.meta.id;
      rule.check(ctx);
    }
  }
  return reports;
}

/** The first pod-spec map of an object, whose sequences show the preferred list style. */
function firstPodSpec(root: YAMLMap, paths: readonly string[]): YAMLMap | undefined {
  for (const p of paths) {
    const found = followPath(root, p).found[0];
    if (found) return found.node;
  }
  return undefined;
}
