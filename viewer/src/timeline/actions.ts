import { clock } from '../store/clock';
import { recordings } from '../store/recording';
import { nextEventTime, prevEventTime, type TimelineAction } from './navigation';

const eventLists = () =>
  recordings
    .getState()
    .runs.filter((r) => r !== null)
    .map((r) => r!.eventTimes);

export function stepToEvent(direction: 1 | -1): void {
  const c = clock.getState();
  const t = direction > 0 ? nextEventTime(eventLists(), c.tMs) : prevEventTime(eventLists(), c.tMs);
  if (t !== undefined) {
    c.pause();
    c.seek(t);
  }
}

/** Applies a timeline action to the shared clock. */
export function runTimelineAction(a: TimelineAction): void {
  const c = clock.getState();
  switch (a.type) {
    case 'toggle':
      c.toggle();
      break;
    case 'step':
      c.pause();
      c.seek(c.tMs + a.ms);
      break;
    case 'event':
      stepToEvent(a.direction);
      break;
    case 'speed':
      if (a.direction > 0) c.faster();
      else c.slower();
      break;
    case 'loop':
      c.setLoop(!c.loop);
      break;
    case 'home':
      c.seek(c.startMs);
      break;
    case 'end':
      c.seek(c.endMs);
      break;
  }
}
