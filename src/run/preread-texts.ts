import type { DiscoveredFile } from '../io/discover.js';

/**
 * Texts the pre-pass of a run has already read, kept (up to a budget) so that processing the
 * file does not read it a second time. Each text is handed out once: a file processed again
 * (a CRD file fixed once more) reads the file anew. Past the budget files are simply read
 * again, so that memory stays flat on a large tree. A budget of 0 keeps nothing.
 */
export class PrereadTexts {
  private readonly texts = new Map<DiscoveredFile, string>();
  private kept = 0;
  private full = false;

  constructor(private readonly budget: number = PREREAD_BUDGET) {
    this.full = budget <= 0;
  }

  /** Keeps `text` for `file` while the budget allows (offer files in the order they are processed). */
  offer(file: DiscoveredFile, text: string): void {
    // Only the first files, which are processed first and soonest release their texts.
    if (this.full || this.kept + text.length > this.budget) {
      this.full = true;
      return;
    }
    this.kept += text.length;
    this.texts.set(file, text);
  }

  /** The kept text of `file` (given out once), or undefined: read it from disk. */
  take(file: DiscoveredFile): string | undefined {
    const text = this.texts.get(file);
    if (text !== undefined) this.texts.delete(file);
    return text;
  }

  /** The kept text of `file`, kept for `take`. */
  peek(file: DiscoveredFile): string | undefined {
    return this.texts.get(file);
  }

  /** Drops every kept text. */
  clear(): void {
    this.texts.clear();
  }
}

/** Characters of text kept between the pre-pass and processing (about as many bytes). */
export const PREREAD_BUDGET = 16 * 1024 * 1024;
