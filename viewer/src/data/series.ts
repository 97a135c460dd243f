import { seriesGroup, seriesMeta } from './classify';
import type { SeriesView } from './run-model';
import type { Recording } from './sim-core';

/** One SeriesView per header series (arrays are views into the reader's timeline: read only). */
export function seriesViews(rec: Recording): SeriesView[] {
  return rec.header.series.map((name, i) => {
    const d = rec.series(i);
    return {
      key: name,
      group: seriesGroup(name),
      ...seriesMeta(name),
      tMs: d.timesMs,
      values: d.values,
    };
  });
}
