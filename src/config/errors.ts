/** A config file that cannot be used; the CLI reports it as a usage error (exit 2). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    message: string,
    /** The config file concerned. */
    readonly path: string,
    /** 1-based position of the offending node, when known. */
    readonly line?: number,
    readonly column?: number,
    /** Dotted path of the offending key, e.g. `pullSecret` or `overrides[0].namespace`. */
    readonly key?: string,
  ) {
    super(message);
  }
}
