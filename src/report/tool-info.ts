import { packageInfo } from '../io/package-info.js';

/** Name, version and home page of privreg-fix, as reporters print them. */
export interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
}

let cached: ToolInfo | undefined;

/** privreg-fix's name, version and home page, from its package.json. */
export function toolInfo(): ToolInfo {
  if (cached) return cached;
  const pkg = packageInfo();
  const name = pkg.name ?? 'privreg-fix';
  cached = {
    name,
    version: pkg.version ?? '0.0.0',
    informationUri: pkg.homepage ?? repositoryUrl(pkg.repository) ?? `https://www.npmjs.com/package/${name}`,
  };
  return cached;
}

/** Turns package.json's `repository` (string or object, maybe `git+…`/`.git`) into a web URL. */
function repositoryUrl(repo: string | { url?: string } | undefined): string | undefined {
  const raw = typeof repo === 'string' ? repo : repo?.url;
  if (!raw) return undefined;
  if (/^github:/.test(raw) || /^[\w-]+\/[\w.-]+$/.test(raw)) {
    return `https://github.com/${raw.replace(/^github:/, '')}`;
  }
  const url = raw.replace(/^git\+/, '').replace(/\.git$/, '');
  return /^https?:\/\//.test(url) ? url : undefined;
}
