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
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { createHash } from '../core/digest.js';
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

/** A CommonJS module's wrapper function. */
type ModuleFunction = (exports: unknown, require: (id: string) => unknown, module: { exports: unknown }, filename: string, dirname: string) => void;

/**
 * Runs CommonJS `code` as the module `filename` with V8's code cache of it kept in `cacheFile`,
 * which starts with `header` (what tells the code it was made from: V8 itself tells another
 * source only by its length, and refuses a cache of another V8 or other flags). The cache is
 * made when missing, told apart or refused. Returns the module's exports.
 */
function runModule(code: string, filename: string, cacheFile: string, header: Buffer, require: (id: string) => unknown, module: { exports: unknown }): unknown {
  const stored = readPrivateBytes(cacheFile);
  const cachedData = stored && stored.length > header.length && header.equals(stored.subarray(0, header.length)) ? stored.subarray(header.length) : undefined;
  // node:vm is loaded only by a run that runs a module so.
  const { Script } = requireHere('node:vm') as typeof import('node:vm');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, { filename, ...(cachedData && { cachedData }) });
  (script.runInThisContext() as ModuleFunction)(module.exports, require, module, filename, path.dirname(filename));
  if (cachedData === undefined || script.cachedDataRejected === true) writePrivateFile(cacheFile, Buffer.concat([header, script.createCachedData()]));
  return module.exports;
}

/**
 * Stored validators, by the hash of what they were compiled from, and V8's code cache of the
 * stored ones and of the built-in validator modules.
 */
export class CompiledCache {
  private readonly dir: string;
  private readonly codeDir: string;
  private stampOf: string | undefined;
  /** Built-in modules loaded, by file (as Node's own module cache keeps them). */
  private readonly builtins = new Map<string, { exports: unknown }>();

  constructor(root: string) {
    this.dir = path.join(root, 'validators');
    this.codeDir = path.join(root, 'code');
  }

  private get stamp(): string {
    return (this.stampOf ??= buildStamp());
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
      // ajv standalone code (written by `store`) is a CommonJS module requiring ajv's runtime
      // helpers. Its code cache saves compiling it again (2.9 MB of a corpus's CRD validators
      // load in 21 ms instead of 80); its header is a digest of the code.
      const digest = createHash('sha256').update(code).digest();
      const validate = runModule(code, this.file(key), this.file(key, '.v8'), digest, requireHere, { exports: {} }) as ValidateFunction;
      return typeof validate === 'function' ? validate : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * A built-in validator module of the package (CommonJS, requiring only modules beside it) and
   * what it requires, run with V8's code cache of each (a Deployment, a CronJob and a Service
   * load 410 KB of them). A cache is told from another module's by the module file's path and
   * stat (size, modification and change times, inode), as the package's files change only when
   * it is installed again; named by the file's name and a hash of its directory.
   */
  loadBuiltin(file: string): unknown {
    const known = this.builtins.get(file);
    if (known) return known.exports;
    const module = { exports: {} as unknown };
    this.builtins.set(file, module);
    try {
      // Stat before reading: a file changed in between is told by a stat older than its text.
      const st = statSync(file);
      const code = readFileSync(file, 'utf8');
      const header = Buffer.from(`${JSON.stringify([file, st.size, st.mtimeMs, st.ctimeMs, st.ino])}\n`);
      const dir = path.dirname(file);
      const cacheFile = path.join(this.codeDir, `${path.basename(file)}.${nameHash(dir)}.v8`);
      const required = (id: string): unknown => (id.startsWith('./') ? this.loadBuiltin(path.join(dir, id)) : createRequire(file)(id));
      return runModule(code, file, cacheFile, header, required, module);
    } catch (e) {
      this.builtins.delete(file);
      throw e;
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

/** A short hash of a text for naming a file (FNV-1a; what the file holds is checked apart). */
function nameHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
