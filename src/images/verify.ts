import type { FileResult, Finding, Severity } from '../core/types.js';
import type { ManifestResult, ManifestQuery, RegistryClient } from '../registry/client.js';
import { isTlsTrustError } from '../registry/http.js';
import type { LoginStore } from '../registry/logins.js';
import { mapLimit } from '../registry/pool.js';
import { copyReference, formatImage, pulledReference, type ImageEntry, type ImageLocation, type Inventory } from './inventory.js';

/** Rule ids of `images --verify`. */
export const VERIFY_RULES = {
  'not-found': 'image-not-found',
  'auth-failed': 'registry-auth-failed',
  unreachable: 'registry-unreachable',
} as const;

/** The rule id for image fields that are not literal references and so cannot be checked. */
export const NOT_VERIFIED_RULE = 'image-not-verified';

/** What `--verify` found: the answer per image, and findings per file for the reporters. */
export interface VerifyOutcome {
  results: Map<ImageEntry, ManifestResult>;
  files: FileResult[];
  /** Distinct manifests asked for, and registries asked. */
  queries: number;
  registries: number;
}

const queryKey = (q: ManifestQuery): string => `${q.registry}/${q.repository}@${q.reference}`;

/**
 * Asks the destination registry of every image whether its manifest is there, one request
 * per distinct destination (several sources may share one), at most `concurrency` at a time.
 * Each failure becomes a finding at every place that names the image.
 */
export async function verifyInventory(inventory: Inventory, client: Pick<RegistryClient, 'checkManifest'>, concurrency: number, logins?: Pick<LoginStore, 'noteFor'>): Promise<VerifyOutcome> {
  const queries = new Map<string, ManifestQuery>();
  const queryOf = new Map<ImageEntry, string>();
  for (const image of inventory.images) {
    const d = image.destination;
    const q: ManifestQuery = { registry: d.registry, repository: d.repository, reference: pulledReference(d) };
    queries.set(queryKey(q), q);
    queryOf.set(image, queryKey(q));
  }
  const list = [...queries.values()];
  const answers = await mapLimit(list, concurrency, (q) => client.checkManifest(q));
  const byKey = new Map(list.map((q, i) => [queryKey(q), answers[i] as ManifestResult]));
  const results = new Map<ImageEntry, ManifestResult>();
  for (const image of inventory.images) results.set(image, byKey.get(queryOf.get(image) ?? '') as ManifestResult);
  return { results, files: findingsByFile(inventory, results, logins), queries: list.length, registries: new Set(list.map((q) => q.registry)).size };
}

function finding(location: ImageLocation, ruleId: string, severity: Severity, message: string): Finding {
  return {
    ruleId, severity, message,
    start: location.start, end: location.end, startPos: location.startPos, endPos: location.endPos,
    fieldPath: location.fieldPath, object: location.object,
  };
}

/** What to do about a transport failure, when its cause says. */
function hintFor(code: string | undefined): string {
  if (code !== undefined && isTlsTrustError(code)) return "; if the registry's certificate comes from a private CA, pass the CA with --registry-ca FILE";
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'EPROTO') return '; if the registry serves plain HTTP, name it with --insecure-registry HOST';
  return '';
}

function messageFor(image: ImageEntry, result: Exclude<ManifestResult, { status: 'present' }>, logins?: Pick<LoginStore, 'noteFor'>): string {
  const dest = formatImage(image.destination);
  if (result.status === 'not-found') {
    const copy = image.moved ? `; copy it first: crane copy ${copyReference(image.source)} ${copyReference(image.destination)}` : '';
    return `image "${dest}" not found: ${result.message}${copy}`;
  }
  if (result.status === 'auth-failed') {
    const note = logins?.noteFor(image.destination.registry, image.destination.repository);
    const hint = note ? `; the docker config names this registry, but ${note}` : result.anonymous ? '; give the login the pods use (--secret-file, --docker-config or --password-stdin)' : '';
    return `cannot pull "${dest}": authentication failed: ${result.message}${hint}`;
  }
  return `cannot check "${dest}": ${result.message}${hintFor(result.code)}`;
}

/** Findings per file, sorted by position, as the report formatters take them. */
function findingsByFile(inventory: Inventory, results: ReadonlyMap<ImageEntry, ManifestResult>, logins?: Pick<LoginStore, 'noteFor'>): FileResult[] {
  const byFile = new Map<string, Finding[]>();
  const push = (file: string, f: Finding): void => {
    const list = byFile.get(file) ?? [];
    byFile.set(file, list);
    list.push(f);
  };
  for (const image of inventory.images) {
    const result = results.get(image);
    if (!result || result.status === 'present') continue;
    for (const location of image.locations) push(location.file, finding(location, VERIFY_RULES[result.status], 'error', messageFor(image, result, logins)));
  }
  for (const location of inventory.unresolved) {
    push(location.file, finding(location, NOT_VERIFIED_RULE, 'warning', `"${location.value}" is not a literal image reference, so it was not checked; render templates or substitute variables first`));
  }
  return [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, findings]) => ({
    path,
    source: '',
    output: '',
    findings: findings.sort((a, b) => a.start - b.start),
    skipped: false,
  }));
}
