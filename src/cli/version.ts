import { packageInfo } from '../io/package-info.js';

/** The package version, from package.json. */
export function packageVersion(): string {
  return packageInfo().version ?? '0.0.0';
}
