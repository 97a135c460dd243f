import type { Part } from '../part';

/** What happens to a part after its cycle: held longer at the machine (inspection, rework), then scrapped or passed. */
export interface CycleQualityOutcome {
  /** Extra time the part stays in the machine, ms (0: none). */
  holdMs: number;
  /** Scrapped once the hold ends (or at once without one). */
  scrap: boolean;
}

/** The machine's view of quality control: called once per finished cycle that is not scrap. */
export interface CycleQuality {
  /** `part` finished its cycle on `machineId`; `defectMade`: the machine just gave it a latent defect. */
  cycleEnded(machineId: string, part: Part, defectMade: boolean): CycleQualityOutcome;
}
