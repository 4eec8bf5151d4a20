import { gunzipSync } from 'node:zlib';

const BLOCK = 512;

function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length);
  const nul = raw.indexOf(0);
  return raw.subarray(0, nul === -1 ? raw.length : nul).toString('utf8');
}

function octal(header: Buffer, start: number, length: number): number {
  const text = field(header, start, length).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

/** The `path` record of a PAX extended header (`<len> path=<value>\n` records). */
function paxPath(data: Buffer): string | undefined {
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    if (space === -1) return undefined;
    const length = parseInt(data.subarray(at, space).toString('ascii'), 10);
    if (!(length > 0)) return undefined;
    const record = data.subarray(space + 1, at + length - 1).toString('utf8');
    if (record.startsWith('path=')) return record.slice(5);
    at += length;
  }
  return undefined;
}

/**
 * The regular files of a gzipped tar archive (a packaged Helm chart, `charts/x-1.0.0.tgz`), by
 * path. Enough of the format for what `helm package` writes: ustar names with prefix, PAX and
 * GNU long names. Directories, links and other entries are skipped.
 */
export function readTarGz(archive: Uint8Array): Map<string, Buffer> {
  const data = gunzipSync(archive);
  const files = new Map<string, Buffer>();
  let longName: string | undefined;
  for (let at = 0; at + BLOCK <= data.length;) {
    const header = data.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) break;
    const size = octal(header, 124, 12);
    const type = String.fromCharCode(header[156] ?? 0);
    const body = data.subarray(at + BLOCK, at + BLOCK + size);
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x' || type === 'L') {
      longName = type === 'x' ? paxPath(body) : field(body, 0, body.length);
      continue;
    }
    if (type === 'g') continue;
    const prefix = field(header, 257, 6).startsWith('ustar') ? field(header, 345, 155) : '';
    const name = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    longName = undefined;
    if (type === '0' || type === '\0') files.set(name.replace(/^\.\//, ''), Buffer.from(body));
  }
  return files;
}
