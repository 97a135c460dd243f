// The traffic source plug-in point: when the packets of a stream are sent. Everything else about a stream
// (sizes, routing, survival-time watchdog) is the stream's (stream.ts).
import type { StreamSpec } from '../../control/seam';
import type { RandomStream } from '../../engine/random';

export interface TrafficSource {
  /**
   * Send time of packet `index` of the current activation, ms after its first packet (0 for index 0):
   * non-decreasing in `index`, and the same value whenever it is asked again for an index (the stream asks
   * more than once: batching, the packet, the survival-time deadline of the one before). Called per packet:
   * keep it cheap and allocation-free.
   */
  offsetMs(index: number): number;
  /** The stream (re)starts: indices begin at 0 again (e.g. forget memoised draws). */
  restart?(): void;
}

export interface TrafficSourceContext {
  readonly spec: StreamSpec;
  /** The stream's own random stream `(spec.id, 'network.traffic')`. */
  readonly random: RandomStream;
}

/** Builds the source of one stream, when it is opened. */
export type TrafficSourceFactory = (context: TrafficSourceContext) => TrafficSource;
