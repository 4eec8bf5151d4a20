/**
 * A worker's CRD knowledge in a parallel run: in phase 1 it learns the CRDs of its own CRD
 * files only; then it learns all of them, ending in the state a run on one thread reaches by
 * learning every CRD file in order (without compiling its own schemas again).
 */
import { KindRegistry } from '../kinds/registry.js';
import { detach } from '../manifest/detach.js';
import type { Engine } from './fix-text.js';
import type { CrdBatch } from './learn-input.js';
import type { CrdsMessage } from './worker-protocol.js';

/** The CRD batches a worker made and learned, and where each schema it knows came from. */
export class WorkerCrds {
  private readonly own = new Map<number, CrdBatch>();
  /** Schema key -> number of the batch it was learned from. */
  private readonly schemaFrom = new Map<string, number>();

  constructor(
    private readonly engine: Engine,
    private readonly kubernetesVersion: string,
  ) {}

  /** Learns the batch of one of this worker's CRD files (numbered `index`). */
  learnOwn(index: number, batch: CrdBatch): void {
    // Kept until every batch is known: copied off its file's text (see `detach`).
    this.own.set(index, detach(batch));
    for (const kind of batch.kinds) this.engine.kinds.addCrdKind(kind);
    this.learnSchemas(index, batch);
  }

  /** Learns every batch (the others' from the message, its own kept ones), as if in order. */
  learnAll(message: CrdsMessage): void {
    const all: (CrdBatch | undefined)[] = Array.from({ length: message.count }, (_, i) => this.own.get(i));
    for (const { index, batch } of message.batches) all[index] = batch;
    // Kinds merge (the first scope wins): rebuilt from scratch, in file order.
    const kinds = new KindRegistry([], this.kubernetesVersion);
    for (const batch of all) for (const kind of batch?.kinds ?? []) kinds.addCrdKind(kind);
    this.engine.kinds = kinds;
    // Schemas: the last file's wins; those already learned from that very file stay compiled.
    const winner = new Map<string, number>();
    all.forEach((batch, i) => {
      for (const list of batch?.schemas ?? []) for (const { key } of list) winner.set(key, i);
    });
    all.forEach((batch, i) => {
      if (batch) this.learnSchemas(i, batch, (key) => winner.get(key) === i && this.schemaFrom.get(key) !== i);
    });
    this.own.clear();
  }

  private learnSchemas(index: number, batch: CrdBatch, wanted: (key: string) => boolean = () => true): void {
    const validator = this.engine.validation?.validator;
    if (!validator) return;
    for (const list of batch.schemas) {
      const schemas = list.filter((s) => wanted(s.key));
      if (schemas.length === 0) continue;
      validator.addCustomResourceSchemas(schemas);
      for (const { key } of schemas) this.schemaFrom.set(key, index);
    }
  }
}
