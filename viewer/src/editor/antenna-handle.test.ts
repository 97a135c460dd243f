import { describe, expect, it } from 'vitest';
import { azimuthToward } from './antenna-handle';
import { arrowLengthM } from './BoresightArrow';

describe('turning a gNB antenna on the plan', () => {
  it('gives the scenario azimuth: degrees from +x toward +y, in [0, 360), on 5° steps', () => {
    expect(azimuthToward(10, 10, 20, 10)).toBe(0); // east
    expect(azimuthToward(10, 10, 10, 20)).toBe(90); // north (+y)
    expect(azimuthToward(10, 10, 0, 10)).toBe(180);
    expect(azimuthToward(10, 10, 10, 0)).toBe(270); // south, not −90
    expect(azimuthToward(0, 0, 10, 10 * Math.tan((32 * Math.PI) / 180))).toBe(30);
    expect(azimuthToward(0, 0, 10, -0.1)).toBe(0); // −0.6° rounds to 0, not 360
  });

  it('draws the boresight shorter the more it tilts down, and none near straight down', () => {
    expect(arrowLengthM(0)).toBe(10);
    expect(arrowLengthM(60)).toBeCloseTo(5, 12);
    expect(arrowLengthM(85)).toBe(0);
    expect(arrowLengthM(90)).toBe(0);
  });
});
