import type { Contender, ContenderId } from '../hold-model';
import { eventQueueContender } from './event-queue';
import { heapJsContender } from './heap-js';
import { simulationContender } from './simulation';
import { tinyQueueContender } from './tinyqueue';
import { typedHeapContender } from './typed-heap';
import { virtualTimeContender } from './virtual-time';

/** Every contender, in table order. */
export const CONTENDERS: Record<ContenderId, Contender> = {
  'event-queue': eventQueueContender,
  'typed-heap': typedHeapContender,
  simulation: simulationContender,
  'virtual-time': virtualTimeContender,
  'heap-js': heapJsContender,
  tinyqueue: tinyQueueContender,
};

export const CONTENDER_IDS = Object.keys(CONTENDERS) as ContenderId[];
