/**
 * A worker's CRD knowledge in a parallel run: in phase 1 it learns the CRDs of its own CRD
 * files only; then it learns those of all the others, ending in the state a run on one thread
 * reaches by learning every CRD file in order. The CRD used for a kind depends only on where
 * each CRD is (its rank, see `KindRegistry.addCrdKind`), not on the order they are learned in,
 * so nothing is learned twice or rebuilt; schemas of its own CRDs that stay in use stay compiled.
 */
import type { Engine } from './fix-text.js';
import { learnCrdBatch, type CrdBatch } from './learn-input.js';
import type { CrdsMessage } from './worker-protocol.js';

/** Learns CRD batches into a worker's engine. */
export class WorkerCrds {
  constructor(private readonly engine: Engine) {}

  /** Learns the batch of one of this worker's CRD files. */
  learnOwn(batch: CrdBatch): void {
    learnCrdBatch(batch, this.engine);
  }

  /** Learns the batches of every other worker's CRD files. */
  learnAll(message: CrdsMessage): void {
    for (const { batch } of message.batches) learnCrdBatch(batch, this.engine);
  }
}
