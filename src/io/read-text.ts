import { close, fstat, open, read } from 'node:fs';

/** A file that cannot be read as text. */
export class ReadError extends Error {}

/**
 * Largest file accepted, in bytes. The YAML syntax tree takes about 50 bytes of memory per byte
 * of text, so bigger files would need gigabytes; no real manifest comes near (the largest CRD
 * bundles are a few MB). See docs/RELIABILITY.md for measurements.
 */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** A size in MiB for messages. */
const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MiB`;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes bytes as UTF-8 text, keeping a byte-order mark; rejects binary, non-UTF-8 and too large data. */
export function decodeText(bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): string {
  if (bytes.length > maxBytes) throw new ReadError(`too large (${mib(bytes.length)}; the limit is ${mib(maxBytes)})`);
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new ReadError(`binary data (a NUL byte at offset ${nul}); not a text file`);
  try {
    return decoder.decode(bytes);
  } catch {
    throw new ReadError('not valid UTF-8 text');
  }
}

/** Reads a file as UTF-8 text (BOM kept), with a clear error for anything else. */
export async function readText(file: string, maxBytes = MAX_FILE_BYTES): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readBytes(file, maxBytes);
  } catch (e) {
    if (e instanceof ReadError) throw e;
    const err = e as NodeJS.ErrnoException;
    throw new ReadError(err.code === 'EISDIR' ? 'is a directory' : (err.code ?? err.message));
  }
  // decodeText checks the size again: the file may have grown between stat and read.
  return decodeText(bytes, maxBytes);
}

/**
 * A file's bytes: open, stat (a file over `maxBytes` is refused unread), read into one buffer of
 * the stated size (grown if the file grew, up to one byte over the limit), close. Node's
 * callback API, not `fs/promises`: its FileHandle and promises cost about half as much again
 * per file, and `readFile` stats once more (docs/PERFORMANCE.md).
 */
function readBytes(file: string, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    open(file, 'r', (openError, fd) => {
      if (openError) return reject(openError);
      const done = (error: Error | null, bytes?: Buffer): void => {
        close(fd, () => (error ? reject(error) : resolve(bytes as Buffer)));
      };
      fstat(fd, (statError, stats) => {
        if (statError) return done(statError);
        if (stats.size > maxBytes) return done(new ReadError(`too large (${mib(stats.size)}; the limit is ${mib(maxBytes)})`));
        let buffer = Buffer.allocUnsafe(stats.size + 1);
        let length = 0;
        const next = (): void => {
          read(fd, buffer, length, buffer.length - length, null, (readError, got) => {
            if (readError) return done(readError);
            if (got === 0) return done(null, buffer.subarray(0, length));
            length += got;
            if (length === buffer.length) {
              if (length > maxBytes) return done(null, buffer);
              const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
              buffer.copy(grown, 0, 0, length);
              buffer = grown;
            }
            next();
          });
        };
        next();
      });
    });
  });
}
