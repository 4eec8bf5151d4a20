/** Whether a decoded YAML/JSON value is a map (an object that is not an array or null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The items of a `List` object as Kubernetes decodes one (`kind: List` or any `*List` kind, as
 * `kubectl get -o yaml` writes them, with `items` a list), else undefined.
 */
export function listItems(value: unknown): unknown[] | undefined {
  if (!isRecord(value) || typeof value.kind !== 'string' || !value.kind.endsWith('List')) return undefined;
  return Array.isArray(value.items) ? (value.items as unknown[]) : undefined;
}
