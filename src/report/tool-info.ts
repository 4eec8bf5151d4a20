import { readFileSync } from 'node:fs';

/** Name, version and home page of privreg-fix, as reporters print them. */
export interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
}

let cached: ToolInfo | undefined;

/**
 * Reads privreg-fix's own package.json once. The relative URL resolves from both `src/report/`
 * (tests, tsx) and `dist/report/` (published package), which sit at the same depth.
 */
export function toolInfo(): ToolInfo {
  if (cached) return cached;
  const url = new URL('../../package.json', import.meta.url);
  const pkg = JSON.parse(readFileSync(url, 'utf8')) as {
    name?: string;
    version?: string;
    homepage?: string;
    repository?: string | { url?: string };
  };
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
