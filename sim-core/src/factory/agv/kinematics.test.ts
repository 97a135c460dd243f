import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  brakeFrom,
  distanceAtS,
  fastestTimeS,
  planProfile,
  profileDurationS,
  speedAtS,
  timeAtDistanceS,
} from './kinematics';
import { type MotionSegment, positionAt } from './motion';

describe('planProfile', () => {
  it('trapezoid: reaches vMax; time = L/v + v/(2a) + v/(2d)', () => {
    const p = planProfile(0, 0, 2, 1, 0.5, 20);
    expect(p.vCruiseMps).toBe(2);
    // accelerate 2 s over 2 m, brake 4 s over 4 m, cruise 14 m at 2 m/s = 7 s
    expect(profileDurationS(p)).toBeCloseTo(20 / 2 + 2 / (2 * 1) + 2 / (2 * 0.5), 12);
    expect(profileDurationS(p)).toBeCloseTo(13, 12);
  });

  it('triangle: too short to reach vMax; time = sqrt(2L(a+d)/(ad))', () => {
    const p = planProfile(0, 0, 2, 1, 1, 2);
    expect(p.vCruiseMps).toBeCloseTo(Math.SQRT2, 12);
    expect(profileDurationS(p)).toBeCloseTo(Math.sqrt((2 * 2 * (1 + 1)) / (1 * 1)), 12);
  });

  it('from a flying start to a flying end', () => {
    // 10 m, v0 = 1, vEnd = 1, vMax = 2, a = d = 1: 1 s + 1.5 m up, 1 s + 1.5 m down, 7 m cruise = 3.5 s
    const p = planProfile(1, 1, 2, 1, 1, 10);
    expect(profileDurationS(p)).toBeCloseTo(5.5, 12);
  });

  it('an end speed out of reach is lowered to what accelerating all the way gives', () => {
    const p = planProfile(0, 5, 5, 2, 2, 1);
    expect(p.vEndMps).toBeCloseTo(2, 12); // sqrt(2 * 2 * 1)
    expect(profileDurationS(p)).toBeCloseTo(1, 12);
  });

  it('covers its length exactly, continuously, never above vMax (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.double({ min: 0.1, max: 2, noNaN: true }),
        fc.double({ min: 0.1, max: 2, noNaN: true }),
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        (v0, vEnd, vMax, a, d, L) => {
          v0 = Math.min(v0, vMax, Math.sqrt(2 * d * L)); // callers guarantee a feasible start
          const p = planProfile(v0, vEnd, vMax, a, d, L);
          const T = profileDurationS(p);
          expect(distanceAtS(p, T)).toBeCloseTo(L, 9);
          expect(p.vCruiseMps).toBeLessThanOrEqual(Math.max(vMax, v0) + 1e-12);
          let prev = 0;
          const n = 200;
          const problems: string[] = [];
          for (let i = 1; i <= n; i++) {
            const t = (T * i) / n;
            const s = distanceAtS(p, t);
            if (s < prev - 1e-9) problems.push(`goes back at ${t}`);
            // no jumps: at most top speed × step
            if (s - prev > p.vCruiseMps * (T / n) + 1e-9) problems.push(`jumps at ${t}`);
            if (speedAtS(p, t) > p.vCruiseMps + 1e-9) problems.push(`too fast at ${t}`);
            prev = s;
          }
          expect(problems).toEqual([]);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('timeAtDistanceS', () => {
  it('trapezoid 0 → 2 m/s at 1 m/s², brake at 0.5 m/s² over 20 m: closed forms per phase', () => {
    const p = planProfile(0, 0, 2, 1, 0.5, 20);
    expect(timeAtDistanceS(p, 0.5)).toBeCloseTo(1, 12); // x = t²/2
    expect(timeAtDistanceS(p, 2)).toBeCloseTo(2, 12); // end of the ramp
    expect(timeAtDistanceS(p, 10)).toBeCloseTo(2 + 8 / 2, 12); // cruise at 2 m/s
    expect(timeAtDistanceS(p, 19)).toBeCloseTo(13 - 2, 12); // last metre braking from rest backwards: t = sqrt(2·1/0.5)
    expect(timeAtDistanceS(p, 20)).toBeCloseTo(13, 12);
    expect(timeAtDistanceS(p, 25)).toBeCloseTo(13, 12);
  });

  it('inverts distanceAtS on every profile (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.double({ min: 0.1, max: 2, noNaN: true }),
        fc.double({ min: 0.1, max: 2, noNaN: true }),
        fc.double({ min: 0.5, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (v0, vEnd, vMax, a, d, length, share) => {
          const p = planProfile(Math.min(v0, vMax), vEnd, vMax, a, d, length);
          const x = share * p.lengthM;
          expect(distanceAtS(p, timeAtDistanceS(p, x))).toBeCloseTo(x, 6);
        },
      ),
      { seed: 42 }, // fixed like the other properties: the same draws on every run
    );
  });
});

describe('fastestTimeS', () => {
  it('from rest: sqrt(2x/a) on the ramp, then cruising at vMax', () => {
    expect(fastestTimeS(0, 1, 0.5, 1.5)).toBeCloseTo(2, 12); // sqrt(2 · 1 / 0.5)
    // ramp to 1.5 m/s takes 3 s over 2.25 m; the other 0.75 m at 1.5 m/s: 0.5 s
    expect(fastestTimeS(0, 3, 0.5, 1.5)).toBeCloseTo(3.5, 12);
    expect(fastestTimeS(1.5, 3, 0.5, 1.5)).toBeCloseTo(2, 12);
  });

  it('no profile covers the distance sooner (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.double({ min: 0.1, max: 2, noNaN: true }),
        fc.double({ min: 0.5, max: 60, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (v0, vMax, a, length, share) => {
          const p = planProfile(Math.min(v0, vMax), 0, vMax, a, a, length);
          const x = share * p.lengthM;
          expect(fastestTimeS(p.v0Mps, x, a, vMax)).toBeLessThanOrEqual(timeAtDistanceS(p, x) + 1e-9);
        },
      ),
      { seed: 42 }, // fixed like the other properties: the same draws on every run
    );
  });
});

describe('brakeFrom', () => {
  it('in cruise: stops v²/(2d) further on', () => {
    const p = planProfile(0, 0, 2, 1, 0.5, 100);
    const { profile, reachesEnd } = brakeFrom(p, 10); // cruising at 2 m/s since t = 2 s, at 2 + 16 = 18 m
    expect(reachesEnd).toBe(false);
    expect(profile.lengthM).toBeCloseTo(18 + 4, 12);
    expect(profileDurationS(profile)).toBeCloseTo(10 + 4, 12);
    // identical motion up to the stop
    for (const t of [0, 1, 2, 5, 10]) expect(distanceAtS(profile, t)).toBeCloseTo(distanceAtS(p, t), 12);
  });

  it('while accelerating: brakes from the speed reached', () => {
    const p = planProfile(0, 0, 2, 1, 1, 100);
    const { profile } = brakeFrom(p, 1); // 1 m/s after 0.5 m
    expect(profile.vCruiseMps).toBeCloseTo(1, 12);
    expect(profile.lengthM).toBeCloseTo(0.5 + 0.5, 12);
    expect(profileDurationS(profile)).toBeCloseTo(2, 12);
  });

  it('near the end of a pass-through: crosses the end at the speed left', () => {
    const p = planProfile(2, 2, 2, 1, 1, 10); // cruise the whole way
    const exact = brakeFrom(p, 4); // at 8 m: the 2 m stop ends exactly at the end
    expect(exact.reachesEnd).toBe(false);
    expect(exact.profile.lengthM).toBeCloseTo(10, 12);
    const { profile, reachesEnd } = brakeFrom(p, 4.5); // at 9 m: v² = 4 - 2·1·1 = 2 at the end
    expect(reachesEnd).toBe(true);
    expect(profile.vEndMps).toBeCloseTo(Math.SQRT2, 12);
    expect(profile.lengthM).toBe(10);
    expect(profileDurationS(profile)).toBeCloseTo(4.5 + (2 - Math.SQRT2) / 1, 12);
  });
});

describe('positionAt', () => {
  const segment: MotionSegment = {
    agvId: 'A',
    kind: 'move',
    fromNodeId: 'a',
    toNodeId: 'b',
    fromXM: 10,
    fromYM: 5,
    toXM: 10,
    toYM: 25,
    edgeLengthM: 20,
    startOffsetM: 4,
    startMs: 1000,
    endMs: 1000 + profileDurationS(planProfile(0, 0, 2, 1, 1, 16)) * 1000,
    profile: planProfile(0, 0, 2, 1, 1, 16),
    loaded: false,
  };

  it('hits the start (offset included) and the end node', () => {
    expect(positionAt(segment, 1000)).toMatchObject({ xM: 10, yM: 9, speedMps: 0 });
    const end = positionAt(segment, segment.endMs);
    expect(end.xM).toBe(10);
    expect(end.yM).toBeCloseTo(25, 12);
    expect(end.speedMps).toBe(0);
    expect(positionAt(segment, 0).yM).toBe(9); // before: clamped
    expect(positionAt(segment, 1e9).yM).toBeCloseTo(25, 12); // after: clamped
    expect(positionAt(segment, 1500).headingRad).toBeCloseTo(Math.PI / 2, 12);
  });

  it('is continuous in time', () => {
    let prev = positionAt(segment, segment.startMs);
    for (let t = segment.startMs; t <= segment.endMs; t += 10) {
      const p = positionAt(segment, t);
      expect(Math.hypot(p.xM - prev.xM, p.yM - prev.yM)).toBeLessThanOrEqual(2 * 0.01 + 1e-9);
      prev = p;
    }
  });
});
