/**
 * Wall clock (what the tables report) and process CPU time (user + system, all threads) of a timed run.
 * On a loaded machine the wall clock includes time spent waiting for a core; CPU time does not, so the
 * two together tell slow code from a busy machine.
 */
export interface Stamp {
  wallNs: bigint;
  cpu: NodeJS.CpuUsage;
}

export interface Elapsed {
  elapsedNs: number;
  cpuNs: number;
}

export function stamp(): Stamp {
  const cpu = process.cpuUsage();
  return { wallNs: process.hrtime.bigint(), cpu };
}

export function since(start: Stamp): Elapsed {
  const wallNs = process.hrtime.bigint();
  const cpu = process.cpuUsage(start.cpu);
  return { elapsedNs: Number(wallNs - start.wallNs), cpuNs: (cpu.user + cpu.system) * 1000 };
}
