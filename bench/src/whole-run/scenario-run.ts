// The scenario benchmark: a plant scenario through the real pipeline (scenarios' loader, model builder,
// runModel and recorder), with the recording kept in memory and measured.
import { runScenarioFile } from '@factory-twin/scenarios';
import { openRecording } from '@factory-twin/sim-core';
import { since, stamp } from '../clock';

export interface ScenarioRunResult {
  plant: string;
  file: string;
  simulatedHours: number;
  events: number;
  wallMs: number;
  cpuMs: number;
  recordingBytes: number;
  recordedEvents: number;
  bytesPerRecordedEvent: number;
  partsCompleted: number;
  partsCreated: number;
  agvDeliveries: number | null;
  error?: string;
}

/** Runs `file` for `hours` with a recording (in `fidelity`, else the scenario's); a failed run is reported, not thrown. */
export async function runScenarioBench(
  plant: string,
  file: string,
  hours: number,
  fidelity?: 'packet' | 'flow',
): Promise<ScenarioRunResult> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const start = stamp();
  try {
    const run = runScenarioFile(file, {
      lengthH: hours,
      ...(fidelity === undefined ? {} : { patch: { network: { fidelity } } }),
      recordingSink: (b) => {
        chunks.push(b.slice());
        bytes += b.byteLength;
      },
    });
    const elapsed = since(start);
    const all = new Uint8Array(bytes);
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.byteLength;
    }
    const recorded = openRecording(all).recordCount;
    const r = run.result;
    return {
      plant,
      file,
      simulatedHours: r.durationMs / 3.6e6,
      events: r.events,
      wallMs: elapsed.elapsedNs / 1e6,
      cpuMs: elapsed.cpuNs / 1e6,
      recordingBytes: bytes,
      recordedEvents: recorded,
      bytesPerRecordedEvent: recorded > 0 ? bytes / recorded : Number.NaN,
      partsCompleted: r.factory.parts.completed,
      partsCreated: r.factory.parts.created,
      agvDeliveries: r.agv?.delivered ?? null,
    };
  } catch (error) {
    const elapsed = since(start);
    return {
      plant,
      file,
      simulatedHours: hours,
      events: Number.NaN,
      wallMs: elapsed.elapsedNs / 1e6,
      cpuMs: elapsed.cpuNs / 1e6,
      recordingBytes: bytes,
      recordedEvents: Number.NaN,
      bytesPerRecordedEvent: Number.NaN,
      partsCompleted: Number.NaN,
      partsCreated: Number.NaN,
      agvDeliveries: null,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}
