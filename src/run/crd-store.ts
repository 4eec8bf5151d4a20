/**
 * What each CRD file of the input taught the last cached run (its `CrdBatch`), kept beside the
 * result cache in a file of its own (`<cache file>.crds`): CRD schemas are most of what a cache
 * holds, and a run needs them only when some file is to be fixed, so an unchanged tree never
 * reads them. A batch is reused when the file's text (by digest), the place it is shown at and
 * the run's settings are as when it was stored; its rank among the run's CRD files is set anew
 * (see `ranked`). Missing, corrupt, foreign or unwritable: ignored, as the result cache.
 */
import { isRecord } from '../core/data.js';
import type { CrdBatch, LearnedCrd } from '../engine/learn-input.js';
import type { CustomResourceSchema } from '../validate/index.js';
import type { JsonObject } from '../validate/compact-schema.js';
import { readPrivateJson, writePrivateFile } from '../io/private-file.js';

const FORMAT = 'privreg-fix CRD store 2';

/** A batch as stored: each schema as JSON text, parsed when the validator first needs it. */
interface StoredBatch {
  crds: (Omit<LearnedCrd, 'schemas'> & { schemas?: { key: string; schema: string }[] })[];
}

interface Stored {
  key: string;
  batch: StoredBatch;
}

function toStored(batch: CrdBatch): StoredBatch {
  return { crds: batch.crds.map(({ schemas, ...crd }) => (schemas ? { ...crd, schemas: schemas.map((s) => ({ key: s.key, schema: JSON.stringify(s.schema) })) } : crd)) };
}

/** A schema whose JSON text is parsed on first use (most custom resources of a tree are not fixed again). */
function lazySchema(key: string, json: string): CustomResourceSchema {
  let schema: JsonObject | undefined;
  return {
    key,
    get schema(): JsonObject {
      schema ??= JSON.parse(json) as JsonObject;
      return schema;
    },
  };
}

function fromStored(batch: StoredBatch): CrdBatch | undefined {
  if (!Array.isArray(batch.crds)) return undefined;
  const crds: LearnedCrd[] = [];
  for (const { schemas, ...crd } of batch.crds) {
    if (schemas !== undefined && !(Array.isArray(schemas) && schemas.every((s) => typeof s.key === 'string' && typeof s.schema === 'string'))) return undefined;
    crds.push(schemas ? { ...crd, schemas: schemas.map((s) => lazySchema(s.key, s.schema)) } : crd);
  }
  return { crds };
}

function read(file: string): Record<string, Stored> {
  const empty = Object.create(null) as Record<string, Stored>;
  const batches = readPrivateJson(file, FORMAT)?.batches;
  return isRecord(batches) ? Object.assign(empty, batches) : empty;
}

/** A batch with its CRDs ranked as the `fileRank`-th CRD file of this run (see `crdBatchOf`). */
export function ranked(batch: CrdBatch, fileRank: number): CrdBatch {
  return { crds: batch.crds.map((c) => ({ ...c, source: { ...c.source, rank: [0, fileRank, c.source.documentIndex ?? 0] } })) };
}

/** The CRD batches of a cache (see the module comment), read on first use. */
export class CrdStore {
  private batches: Record<string, Stored> | undefined;
  private dirty = false;

  constructor(readonly file: string) {}

  private all(): Record<string, Stored> {
    this.batches ??= read(this.file);
    return this.batches;
  }

  /** The batch stored for a file under `key`. */
  get(absolute: string, key: string): CrdBatch | undefined {
    const stored = this.all()[absolute];
    return stored?.key === key && isRecord(stored.batch) ? fromStored(stored.batch) : undefined;
  }

  set(absolute: string, key: string, batch: CrdBatch): void {
    const batches = this.all();
    if (batches[absolute]?.key === key) return;
    batches[absolute] = { key, batch: toStored(batch) };
    this.dirty = true;
  }

  /** Writes the store when it changed, keeping the batches of the paths `keep` says yes to. */
  save(keep: (absolute: string) => boolean): void {
    if (!this.dirty || this.batches === undefined) return;
    for (const path of Object.keys(this.batches)) if (!keep(path)) delete this.batches[path];
    writePrivateFile(this.file, JSON.stringify({ format: FORMAT, batches: this.batches }));
    this.dirty = false;
  }
}
