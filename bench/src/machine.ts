import os from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  os: string;
  arch: string;
  totalMemoryGiB: number;
  node: string;
  v8: string;
  /** 1-minute load average when the run started (other work on the machine slows the wall clock). */
  loadAverage: number;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    os: `${os.type()} ${os.release()}`,
    arch: os.arch(),
    totalMemoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    v8: process.versions.v8,
    loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
  };
}
