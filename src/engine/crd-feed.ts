import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { Engine } from './fix-text.js';
import { learnCrdBatch, type CrdBatch } from './learn-input.js';

/**
 * A worker's side of the CRD broadcast: batches arrive on a port in file order and are learned
 * only when a file needs them, so that every file sees exactly the CRDs it would see in a run on
 * one thread (those of the CRD files before it, and its own). Waiting is synchronous (the file
 * is being fixed inside a synchronous call): `Atomics.wait` on the shared count of batches sent.
 */
export class CrdFeed {
  /** Number of the next batch to take from the port. */
  private next = 0;
  /** Batches of this worker's own files, learned when their file was parsed. */
  private readonly own = new Set<number>();

  constructor(
    private readonly port: MessagePort,
    private readonly sent: Int32Array,
    private readonly engine: Engine,
  ) {}

  /** Learns every batch numbered below `count` not learned yet, waiting for them if need be. */
  learnUpTo(count: number): void {
    while (this.next < count) {
      const received = receiveMessageOnPort(this.port);
      if (received === undefined) {
        // Sleeps until the main thread sends another batch (a timeout guards against a missed wake).
        Atomics.wait(this.sent, 0, Atomics.load(this.sent, 0), 200);
        continue;
      }
      if (!this.own.has(this.next)) learnCrdBatch(received.message as CrdBatch, this.engine);
      this.own.delete(this.next);
      this.next++;
    }
  }

  /** Learns the batch of a file of this worker right away; its broadcast copy is then skipped. */
  learnOwn(index: number, batch: CrdBatch): void {
    learnCrdBatch(batch, this.engine);
    if (index >= this.next) this.own.add(index);
  }
}
