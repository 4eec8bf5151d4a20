/** Splits an apiVersion into its API group ('' for the core group) and version. */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  if (slash === -1) return { group: '', version: apiVersion };
  return { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** The key the kind tables use: `group/Kind`, or `Kind` alone for the core group. */
export function groupKindKey(apiVersion: string, kind: string): string {
  const { group } = splitApiVersion(apiVersion);
  return group === '' ? kind : `${group}/${kind}`;
}
