import { applyRecord, type DecodedChunk, firstAfter, recordAt } from './chunk-decoder';
import { msToUs } from './format';
import type { Recording } from './recording';
import { ReplayState } from './replay-state';
import type { DecodedRecord } from './types';

/**
 * Playback over a recording. `seek` forward applies only the records since the last position (and may
 * cross into the next chunk); seeking backwards or more than one chunk ahead restarts from the target
 * chunk's snapshot, exactly like `Recording.stateAt`. The state object is reused (no allocation per frame).
 */
export class ReplayCursor {
  readonly state: ReplayState;
  private chunkIndex = -1;
  private chunk: DecodedChunk | undefined;
  /** Next record of `chunk` to apply. */
  private position = 0;
  private timeUs = Number.NEGATIVE_INFINITY;
  private lastSeekJumped = true;

  constructor(private readonly recording: Recording) {
    this.state = new ReplayState(recording.entities.length);
  }

  get timeMs(): number {
    return this.state.timeMs;
  }

  /** Whether the last seek restarted from a snapshot (so records in between were not visited). */
  get jumped(): boolean {
    return this.lastSeekJumped;
  }

  /**
   * Moves to `timeMs` and returns the state there. When moving forward incrementally, `onRecord` (if given)
   * sees every record passed (time in (previous, timeMs]), in order.
   */
  seek(timeMs: number, onRecord?: (record: DecodedRecord) => void): ReplayState {
    const timeUs = msToUs(timeMs);
    const target = this.recording.chunkIndexAt(timeUs);
    const forward = timeUs >= this.timeUs;
    const canContinue =
      forward &&
      (target === this.chunkIndex ||
        (target === this.chunkIndex + 1 && this.recording.followsDirectly(this.chunkIndex)));
    this.lastSeekJumped = !canContinue;
    if (!canContinue) this.restart(target);
    else if (target !== this.chunkIndex) {
      this.applyUpTo(Number.POSITIVE_INFINITY, onRecord);
      this.chunkIndex = target;
      this.chunk = this.recording.decoded(target);
      this.position = 0;
    }
    this.applyUpTo(timeUs, onRecord);
    this.timeUs = timeUs;
    this.state.timeMs = timeMs;
    return this.state;
  }

  private restart(target: number): void {
    this.chunkIndex = target;
    this.position = 0;
    if (target < 0) {
      this.chunk = undefined;
      this.state.clear();
    } else {
      this.chunk = this.recording.decoded(target);
      this.state.copyFrom(this.chunk.snapshot);
    }
  }

  private applyUpTo(timeUs: number, onRecord?: (record: DecodedRecord) => void): void {
    const chunk = this.chunk;
    if (chunk === undefined) return;
    const end = firstAfter(chunk, timeUs, this.position);
    for (let i = this.position; i < end; i++) {
      applyRecord(chunk, i, this.state);
      if (onRecord) onRecord(recordAt(chunk, i));
    }
    this.position = end;
  }
}
