/**
 * A disk cache of the validators ajv compiles at run time (CRDs' custom resources): compiling a
 * large CRD schema takes ajv tens to hundreds of milliseconds, every run, while the same CRDs
 * come back run after run (a pre-commit hook, CI). A validator is
 * stored as ajv standalone code under a hash of everything it was compiled from, so an entry
 * can never be stale: a changed schema, ajv version or privreg-fix build is another key.
 *
 * Where: `$PRIVREG_FIX_CACHE_DIR`, else `$XDG_CACHE_HOME/privreg-fix`, else
 * `~/.cache/privreg-fix`. `PRIVREG_FIX_CACHE_DIR=off` turns it off. The cache is an
 * optimisation only: any failure to read or write it is ignored. Entries are code, so only files
 * of the current user that no one else may write are loaded.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { isPrivate, moduleStamp, readPrivateBytes, writePrivateFile } from '../io/private-file.js';

/** Bumped when what is stored changes shape. */
const FORMAT = 1;

const requireHere = createRequire(import.meta.url);

/** The cache directory from the environment, or undefined when caching is off. */
export function compiledCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const own = env.PRIVREG_FIX_CACHE_DIR;
  if (own !== undefined) return own === '' || own === 'off' ? undefined : path.resolve(own);
  const base = env.XDG_CACHE_HOME || (homedir() ? path.join(homedir(), '.cache') : undefined);
  return base ? path.join(base, 'privreg-fix') : undefined;
}

/**
 * What the compiled code depends on besides the schema: this build of privreg-fix (the module
 * that prepares schemas for ajv, by size and time) and the ajv version.
 */
function buildStamp(): string {
  const own = moduleStamp(import.meta.url);
  const ajv = (requireHere('ajv/package.json') as { version: string }).version;
  return `${FORMAT}|${ajv}|${own}`;
}

/** Stored validators, by the hash of what they were compiled from. */
export class CompiledCache {
  private readonly dir: string;
  private readonly stamp = buildStamp();

  constructor(root: string) {
    this.dir = path.join(root, 'validators');
  }

  /** The key of a schema compiled in a given context (e.g. the Kubernetes version). */
  key(schema: unknown, context: string): string {
    return createHash('sha256').update(this.stamp).update('\0').update(context).update('\0').update(JSON.stringify(schema)).digest('hex');
  }

  /** The stored validator of `key`, or undefined. */
  load(key: string): ValidateFunction | undefined {
    let code: string;
    try {
      const file = this.file(key);
      // The file is run as code: only one this user wrote and nobody else can change.
      if (!isPrivate(statSync(file))) return undefined;
      code = readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const module = { exports: {} as unknown };
      // ajv standalone code (written by `store`) is a CommonJS module requiring ajv's runtime
      // helpers. V8's code cache of it, kept beside it, saves compiling it again: 2.9 MB of a
      // corpus's CRD validators in 21 ms instead of 80. V8 refuses a cache made by another
      // version or with other flags (`cachedDataRejected`), but of another source only by its
      // length: the cache starts with a digest of the code it was made from.
      const cacheFile = this.file(key, '.v8');
      const digest = createHash('sha256').update(code).digest();
      const stored = readPrivateBytes(cacheFile);
      const cachedData = stored && stored.length > digest.length && digest.equals(stored.subarray(0, digest.length)) ? stored.subarray(digest.length) : undefined;
      // node:vm is loaded only by a run that loads a stored validator.
      const { Script } = requireHere('node:vm') as typeof import('node:vm');
      const script = new Script(`(function (module, exports, require) {${code}\n})`, { filename: this.file(key), ...(cachedData && { cachedData }) });
      (script.runInThisContext() as (m: typeof module, e: unknown, r: NodeJS.Require) => void)(module, module.exports, requireHere);
      const validate = module.exports as ValidateFunction;
      if (typeof validate !== 'function') return undefined;
      if (cachedData === undefined || script.cachedDataRejected === true) writePrivateFile(cacheFile, Buffer.concat([digest, script.createCachedData()]));
      return validate;
    } catch {
      return undefined;
    }
  }

  /** Stores the standalone code of a validator (atomically; failures are ignored). */
  store(key: string, code: string): void {
    writePrivateFile(this.file(key), code);
  }

  private file(key: string, extension = '.cjs'): string {
    return path.join(this.dir, `${key}${extension}`);
  }
}
