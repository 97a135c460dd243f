import type { ContenderId, HoldCase, MemoryCase } from './hold-model';

/** The targets for our 2-core machine: benchmark goals, reported as pass/miss, not tests. */
export interface TargetResult {
  name: string;
  /** Human-readable goal, e.g. ">= 12 M ops/s". */
  goal: string;
  /** Measured value in the goal's unit (medians by the wall clock), or null when the run did not measure it. */
  measured: number | null;
  unit: string;
  pass: boolean | null;
  /** The same from process CPU time: what the code does when it has a core to itself. */
  measuredCpu: number | null;
  passCpu: boolean | null;
}

type Lookup = (contender: ContenderId, n: number) => number | undefined;

interface Target {
  name: string;
  unit: string;
  goal: string;
  measure(
    ops: Lookup,
    memory: (contender: ContenderId, n: number) => MemoryCase | undefined,
  ): number | undefined;
  pass(value: number): boolean;
}

const M = 1e6;

// Throughput targets are on the classic Exp(1) increments; the other distributions are in the tables.
const TARGETS: Target[] = [
  rawAtLeast(10_000, 12),
  rawAtLeast(100_000, 8),
  rawAtLeast(1_000_000, 2.5),
  {
    name: 'EventQueue vs heap-js at N=1e4',
    unit: 'x',
    goal: '>= 4x',
    measure: (ops) => ratio(ops('event-queue', 10_000), ops('heap-js', 10_000)),
    pass: (v) => v >= 4,
  },
  {
    name: 'Simulation (RxJS path) at N=1e4',
    unit: 'M ops/s',
    goal: '>= 5 M ops/s',
    measure: (ops) => scale(ops('simulation', 10_000), M),
    pass: (v) => v >= 5,
  },
  {
    name: 'Simulation vs VirtualTimeScheduler at N=1e4',
    unit: 'x',
    goal: '>= 1000x',
    measure: (ops) => ratio(ops('simulation', 10_000), ops('virtual-time', 10_000)),
    pass: (v) => v >= 1000,
  },
  {
    name: 'EventQueue storage per pending event at N=1e6',
    unit: 'bytes',
    goal: '<= 40 bytes',
    measure: (_ops, memory) => memory('event-queue', 1_000_000)?.engineBytesPerEvent,
    pass: (v) => v <= 40,
  },
];

function rawAtLeast(n: number, millions: number): Target {
  return {
    name: `EventQueue raw at N=${n.toExponential().replace('+', '')}`,
    unit: 'M ops/s',
    goal: `>= ${millions} M ops/s`,
    measure: (ops) => scale(ops('event-queue', n), M),
    pass: (v) => v >= millions,
  };
}

function ratio(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined ? undefined : a / b;
}

function scale(a: number | undefined, by: number): number | undefined {
  return a === undefined ? undefined : a / by;
}

export function evaluateTargets(cases: HoldCase[], memory: MemoryCase[]): TargetResult[] {
  const exp = (contender: ContenderId, n: number) =>
    cases.find((c) => c.contender === contender && c.n === n && c.distribution === 'exp');
  const wall: Lookup = (contender, n) => exp(contender, n)?.medianOpsPerSec;
  const cpu: Lookup = (contender, n) => exp(contender, n)?.medianCpuOpsPerSec;
  const mem = (contender: ContenderId, n: number) =>
    memory.find((m) => m.contender === contender && m.n === n);
  return TARGETS.map((t) => {
    const value = t.measure(wall, mem);
    const valueCpu = t.measure(cpu, mem);
    return {
      name: t.name,
      goal: t.goal,
      unit: t.unit,
      measured: value ?? null,
      pass: value === undefined ? null : t.pass(value),
      measuredCpu: valueCpu ?? null,
      passCpu: valueCpu === undefined ? null : t.pass(valueCpu),
    };
  });
}
