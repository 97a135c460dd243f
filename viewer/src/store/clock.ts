import { createStore } from 'zustand/vanilla';

/** Playback speeds offered by the UI (simulated ms per wall ms). */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024] as const;

export interface ClockState {
  tMs: number;
  startMs: number;
  endMs: number;
  playing: boolean;
  speed: number;
  loop: boolean;
}

export interface ClockActions {
  setRange(startMs: number, endMs: number): void;
  seek(tMs: number): void;
  play(): void;
  pause(): void;
  toggle(): void;
  setSpeed(speed: number): void;
  faster(): void;
  slower(): void;
  setLoop(loop: boolean): void;
  /** Moves the clock by `wallMs` of real time at the current speed; returns true when time moved. */
  advance(wallMs: number): boolean;
}

export type Clock = ClockState & ClockActions;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The playback clock lives outside React: the frame loop reads it with getState(). */
export function createClock(initial: Partial<ClockState> = {}) {
  return createStore<Clock>()((set, get) => ({
    tMs: 0,
    startMs: 0,
    endMs: 0,
    playing: false,
    speed: 1,
    loop: false,
    ...initial,
    setRange: (startMs, endMs) => set({ startMs, endMs: Math.max(startMs, endMs), tMs: startMs }),
    seek: (tMs) => {
      const { startMs, endMs } = get();
      set({ tMs: clamp(tMs, startMs, endMs) });
    },
    play: () => {
      const { tMs, endMs, startMs } = get();
      set({ playing: true, tMs: tMs >= endMs ? startMs : tMs });
    },
    pause: () => set({ playing: false }),
    toggle: () => (get().playing ? get().pause() : get().play()),
    setSpeed: (speed) => set({ speed }),
    faster: () => set({ speed: stepSpeed(get().speed, 1) }),
    slower: () => set({ speed: stepSpeed(get().speed, -1) }),
    setLoop: (loop) => set({ loop }),
    advance: (wallMs) => {
      const s = get();
      if (!s.playing || wallMs <= 0) return false;
      let t = s.tMs + wallMs * s.speed;
      if (t >= s.endMs) {
        if (s.loop && s.endMs > s.startMs) {
          t = s.startMs + ((t - s.startMs) % (s.endMs - s.startMs));
        } else {
          set({ tMs: s.endMs, playing: false });
          return true;
        }
      }
      set({ tMs: t });
      return true;
    },
  }));
}

export function stepSpeed(speed: number, direction: 1 | -1): number {
  if (direction > 0) return SPEEDS.find((s) => s > speed) ?? SPEEDS[SPEEDS.length - 1];
  return [...SPEEDS].reverse().find((s) => s < speed) ?? SPEEDS[0];
}

export type ClockStore = ReturnType<typeof createClock>;

/** The one shared clock: in compare mode both runs follow it. */
export const clock = createClock();
