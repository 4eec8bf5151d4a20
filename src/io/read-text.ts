import { open } from 'node:fs/promises';

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
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size > maxBytes) throw new ReadError(`too large (${mib(size)}; the limit is ${mib(maxBytes)})`);
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (e) {
    if (e instanceof ReadError) throw e;
    const err = e as NodeJS.ErrnoException;
    throw new ReadError(err.code === 'EISDIR' ? 'is a directory' : (err.code ?? err.message));
  }
  // decodeText checks the size again: the file may have grown between stat and read.
  return decodeText(bytes, maxBytes);
}
