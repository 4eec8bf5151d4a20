import { readFile } from 'node:fs/promises';

/** A file that cannot be read as text. */
export class ReadError extends Error {}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes bytes as UTF-8 text, keeping a byte-order mark; rejects binary and non-UTF-8 data. */
export function decodeText(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new ReadError(`binary data (a NUL byte at offset ${nul}); not a text file`);
  try {
    return decoder.decode(bytes);
  } catch {
    throw new ReadError('not valid UTF-8 text');
  }
}

/** Reads a file as UTF-8 text (BOM kept), with a clear error for anything else. */
export async function readText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new ReadError(err.code === 'EISDIR' ? 'is a directory' : (err.code ?? err.message));
  }
  return decodeText(bytes);
}
