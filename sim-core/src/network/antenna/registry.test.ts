import { describe, expect, it } from 'vitest';
import { antennaOrientation, antennaPatternOf, antennaPatterns, registerAntennaPattern } from './registry';

describe('antenna pattern registry', () => {
  it('lists the built-ins, omni first', () => {
    expect(antennaPatterns.names()).toEqual(['omni', 'sector', 'ceiling']);
  });

  it('an unknown pattern is an error naming the registered ones', () => {
    expect(() => antennaPatternOf({ pattern: 'yagi' })).toThrow(
      'unknown antenna pattern "yagi"; registered: omni, sector, ceiling',
    );
  });

  it("fills in the pattern's defaults: azimuth 0, the pattern's downtilt", () => {
    expect(antennaOrientation(undefined)).toEqual({ azimuthDeg: 0, downtiltDeg: 0 });
    expect(antennaOrientation({ pattern: 'ceiling' })).toEqual({ azimuthDeg: 0, downtiltDeg: 90 });
    expect(antennaOrientation({ pattern: 'sector', azimuthDeg: 45, downtiltDeg: 7 })).toEqual({
      azimuthDeg: 45,
      downtiltDeg: 7,
    });
  });

  it('a pattern registered from code is used when the config names it', () => {
    registerAntennaPattern('test.halfPlane', {
      directional: true,
      create: ({ azimuthDeg }) => ({
        attenuationDb: (dx, dy) =>
          dx * Math.cos((azimuthDeg * Math.PI) / 180) + dy * Math.sin((azimuthDeg * Math.PI) / 180) >= 0
            ? 0
            : 20,
      }),
    });
    const a = antennaPatternOf({ pattern: 'test.halfPlane', azimuthDeg: 90 });
    expect(a.attenuationDb(0, 1, 0)).toBe(0);
    expect(a.attenuationDb(0, -1, 0)).toBe(20);
  });
});
