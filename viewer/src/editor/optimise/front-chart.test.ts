import type { FrontMemberJson } from '@factory-twin/scenarios/browser';
import { describe, expect, it } from 'vitest';
import { type ChartBox, frontChart, onTimeOf } from './front-chart';

const member = (id: string, tcoEur: number, worstOnTime: number, extra: Partial<FrontMemberJson> = {}) =>
  ({
    id,
    layout: '',
    deployment: 'public',
    feasible: true,
    capexEur: 0,
    tcoEur,
    floorShare: 1,
    pathShare: 1,
    coverage: 1,
    worstOnTime,
    maxLoad: 0.1,
    onTime: {},
    confirmed: null,
    variantFile: `variants/${id}.json`,
    gnbs: [],
    ...extra,
  }) satisfies FrontMemberJson;

const box: ChartBox = { width: 220, height: 120, left: 20, bottom: 20, top: 0, right: 0 };

describe('the front chart', () => {
  it('puts cost on x and on time on y, with 8 % of the range as margin on each side', () => {
    const c = frontChart([member('a', 100_000, 0.9), member('b', 200_000, 0.99)], box);
    // x: 100k…200k widened by 8k each side → 92k…208k over the 200 px plot.
    expect(c.x).toEqual({ min: 92_000, max: 208_000 });
    const [a, b] = c.dots;
    expect(a.cx).toBeCloseTo(20 + (8_000 / 116_000) * 200, 9);
    expect(b.cx).toBeCloseTo(20 + (108_000 / 116_000) * 200, 9);
    // y: 0.9…0.99 widened by 0.0072; higher on-time is higher on the screen (smaller y).
    expect(a.cy).toBeCloseTo((1 - 0.0072 / 0.1044) * 100, 9);
    expect(b.cy).toBeCloseTo((1 - 0.0972 / 0.1044) * 100, 9);
    expect(c.proxy).toBe(true);
    expect(c.sized).toBe(false);
    expect(new Set(c.dots.map((d) => d.r))).toEqual(new Set([5]));
  });

  it('takes the simulated worst class when confirmed, and sizes dots by simulated throughput', () => {
    const ci = (mean: number) => ({ mean, halfWidth: 0.01 });
    const confirmed = (tput: number, video: number) => ({
      runs: 2,
      throughputPerHour: ci(tput),
      onTime: { video: ci(video), motionControl: ci(0.999) },
    });
    const a = member('a', 1, 0.5, { confirmed: confirmed(10, 0.8) });
    const b = member('b', 2, 0.5, { confirmed: confirmed(20, 0.95) });
    expect(onTimeOf(a)).toEqual({ value: 0.8, simulated: true });
    const c = frontChart([a, b, member('c', 3, 0.7)], box);
    expect(c.dots.map((d) => d.r)).toEqual([4, 10, 5]);
    expect(c.sized).toBe(true);
    expect(c.proxy).toBe(true); // c is not simulated
  });

  it('puts a single member in the middle', () => {
    const [d] = frontChart([member('a', 5e5, 0.95)], box).dots;
    expect(d.cx).toBeCloseTo(120, 9);
    expect(d.cy).toBeCloseTo(50, 9);
  });
});
