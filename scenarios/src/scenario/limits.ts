/**
 * Plausibility bounds of the scenario format: what `validate` accepts is what `run` survives. Each bound is
 * an assumption (a generous envelope around real plants) unless a source is given; scenarios/README.md
 * lists them. Counts bound memory at build time; the cost guard (src/validate/cost-guard.ts) bounds the work
 * of a run.
 */
export const LIMITS = {
  /** Floor extent, metres: large enough for any single hall (the biggest plants are about 1.5 km long). */
  floorM: 3_000,
  /** Any coordinate, metres (positions outside the floor are reported separately where they matter). */
  coordinateM: 10_000,
  /** Heights (gNB, device, camera, ceiling, clutter), metres. */
  heightM: 200,
  /** Carrier frequency, GHz: the validity range of the TR 38.901 channel models (§7.1: 0.5–100 GHz). */
  carrierGHz: { min: 0.5, max: 100 },
  /** Channel bandwidth, MHz: 5 MHz (smallest FR1 channel, TS 38.101-1 Table 5.3.2-1) to 400 MHz (FR2, TS 38.101-2). */
  bandwidthMHz: { min: 5, max: 400 },
  /** Simulated time of one run, hours: one leap year. */
  runH: 8_784,
  /** Any duration given in a unit (cycle times, repair times, delays), in that unit: ~116 days in seconds. */
  duration: 1e7,
  /** Mean time between random arrivals of a source, seconds: 1 ms (1000 parts/s). */
  minInterarrivalS: 0.001,
  /**
   * Period of a periodic traffic flow, ms: 0.5 ms is the shortest transfer interval of TS 22.104 Table 5.2-1
   * (motion control); at most one day.
   */
  intervalMs: { min: 0.5, max: 86_400_000 },
  /** Batching period of a gateway, ms. */
  aggregationIntervalMs: { min: 1, max: 86_400_000 },
  /** Network delays and timers (deadlines, survival time, handover, core delay), ms: one hour. */
  networkMs: 3_600_000,
  /** Message and frame size, bytes: 100 MB. */
  sizeBytes: 100_000_000,
  /** Bit rates (camera, GBR), Mbit/s: 10 Gbit/s. */
  bitrateMbps: 10_000,
  /** Mean time between failures, hours: at least 3.6 s of operation. */
  mtbfH: { min: 0.001, max: 1e7 },
  /** AGV speed, m/s (forklift AGVs run at about 2 m/s). */
  speedMps: { min: 0.01, max: 20 },
  /** AGV acceleration and deceleration, m/s². */
  accelMps2: { min: 0.01, max: 20 },
  /** Battery: capacity Wh, consumption Wh/m, charge rate W. */
  capacityWh: 1e6,
  consumptionWhPerM: 1_000,
  chargeRateW: 1e7,
  /** Money amounts, EUR. */
  eur: 1e12,
  /** Parts per order of a schedule. */
  orderCount: 1_000_000,
  /** A weight of a product mix. */
  weight: 1e9,
  /** Distribution parameters, in the unit of their field. */
  distributionValue: 1e9,
  /** Entity counts. */
  count: {
    machines: 5_000,
    buffers: 10_000,
    sinks: 1_000,
    gateways: 5_000,
    cameras: 5_000,
    products: 1_000,
    routingSteps: 100,
    sources: 1_000,
    scheduleEntries: 100_000,
    shiftPeriods: 1_000,
    zones: 1_000,
    pathNodes: 20_000,
    pathEdges: 50_000,
    vehicles: 1_000,
    chargers: 1_000,
    gnbs: 200,
    devices: 20_000,
    trafficFlows: 200,
    slices: 16,
    interferenceZones: 200,
    activePeriods: 1_000,
    distributionPoints: 10_000,
  },
} as const;
