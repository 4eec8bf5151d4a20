import { readFileSync } from 'node:fs';

/** The fields of privreg-fix's own package.json that the product reports. */
export interface PackageInfo {
  name?: string;
  version?: string;
  homepage?: string;
  repository?: string | { url?: string };
}

let cached: PackageInfo | undefined;

/**
 * Reads privreg-fix's own package.json, once. The relative URL resolves from both `src/io/`
 * (tests, tsx) and `dist/io/` (the published package, bundled or not), which sit two levels
 * below the package root.
 */
export function packageInfo(): PackageInfo {
  cached ??= JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as PackageInfo;
  return cached;
}
