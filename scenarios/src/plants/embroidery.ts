import { baselineVariantFiles, gnbLayout, range, standardVariants, wifiGrid } from './layout-helpers';

/**
 * Embroidery workshop after 芸祥绣品 (Yunxiang embroidery, Weihai): 60 computerized multi-head embroidery
 * machines, a single-needle quilting line and inspection, most machines legacy and joined through gateways,
 * live machine-status monitoring, orders tracked against due dates. A part is one embroidery frame.
 * Cycle times, thread-break rates and order sizes are assumptions.
 */
export function embroidery() {
  const W = 100;
  const D = 60;
  const machines: Record<string, unknown>[] = [];
  const rows = range(8, 6, 7); // y of the six rows of embroidery machines
  const gateways: Record<string, unknown>[] = [];
  rows.forEach((y, r) => {
    // Rows 1–4 and the first 8 machines of row 5 are legacy, joined by one gateway per 8 machines.
    range(8, 10, 8.5).forEach((x, k) => {
      const n = r * 10 + k;
      const legacy = n < 48;
      machines.push({
        id: `EMB-${String(n + 1).padStart(2, '0')}`,
        type: 'embroidery',
        label: legacy
          ? 'multi-head embroidery machine (legacy, via gateway)'
          : 'multi-head embroidery machine (5G module)',
        xM: x,
        yM: y,
        widthM: 6.5,
        depthM: 1.6,
        inputBufferId: 'EMB-IN',
        outputBufferId: 'EMB-OUT',
        cycleTimeS: { kind: 'triangular', min: 900, mode: 1200, max: 1800 },
        // Thread breaks: about one every 3 frames, fixed by the operator in a few minutes (assumption).
        failures: { meanCyclesBetweenFailures: 3, mttrMin: { kind: 'lognormal', mean: 4, sd: 2 } },
        ...(legacy ? { legacy: true, gatewayId: `GW${Math.floor(n / 8) + 1}` } : {}),
      });
    });
  });
  for (let g = 0; g < 6; g++)
    gateways.push({
      id: `GW${g + 1}`,
      xM: 2,
      yM: rows[Math.min(5, Math.floor((g * 8 + 4) / 10))] + 3.5,
      conversionDelayMs: 50,
      aggregationIntervalMs: 1000,
    });
  range(10, 4, 10).forEach((y, k) => {
    machines.push({
      id: `QLT-${k + 1}`,
      type: 'quilting',
      label: 'single-needle quilting machine',
      xM: 93,
      yM: y,
      widthM: 3.5,
      depthM: 3,
      inputBufferId: 'QLT-IN',
      outputBufferId: 'QLT-OUT',
      cycleTimeS: { kind: 'triangular', min: 480, mode: 600, max: 780 },
      failures: { mtbfH: 12, mttrMin: 10 },
    });
  });
  [50, 55].forEach((y, k) => {
    machines.push({
      id: `INS-${k + 1}`,
      type: 'inspection',
      label: 'inspection and packing table',
      xM: 93,
      yM: y,
      widthM: 4,
      depthM: 3,
      inputBufferId: 'INS-IN',
      outputBufferId: 'SHIP',
      cycleTimeS: { kind: 'uniform', min: 30, max: 60 },
    });
  });
  const emb = machines.filter((m) => m.type === 'embroidery').map((m) => m.id as string);
  const qlt = ['QLT-1', 'QLT-2', 'QLT-3', 'QLT-4'];
  const ins = ['INS-1', 'INS-2'];
  const connected = machines.filter((m) => !m.legacy);
  const cameras = [
    { id: 'CAM1', xM: 30, yM: 58, heightM: 5, bitrateMbps: 4 },
    { id: 'CAM2', xM: 70, yM: 58, heightM: 5, bitrateMbps: 4 },
  ];
  const normal = (h: number) => [
    { atH: h, productId: 'PANEL-S', count: 80 },
    { atH: h, productId: 'PANEL-L', count: 30 },
    { atH: h, productId: 'QUILT', count: 15 },
  ];
  const scenario = {
    $schema: '../../scenario.schema.json',
    name: 'Embroidery workshop',
    description:
      'Embroidery workshop after 芸祥绣品 (Weihai): 60 computerized embroidery machines (48 legacy behind 6 gateways), a 4-machine quilting line, inspection; live status monitoring and order due dates.',
    floor: { widthM: W, depthM: D, ceilingHeightM: 6 },
    zones: [
      { id: 'Z-EMB', label: 'Computerized embroidery', xM: 4, yM: 4, widthM: 82, depthM: 45 },
      { id: 'Z-QLT', label: 'Quilting line', xM: 89, yM: 4, widthM: 10, depthM: 40 },
      { id: 'Z-INS', label: 'Inspection and packing', xM: 89, yM: 47, widthM: 10, depthM: 12 },
    ],
    machines,
    buffers: [
      { id: 'EMB-IN', label: 'cut fabric and thread kits', xM: 3, yM: 55, capacity: null },
      { id: 'EMB-OUT', label: 'embroidered frames', xM: 87, yM: 30, capacity: null },
      { id: 'QLT-IN', xM: 89, yM: 5, capacity: 20 },
      { id: 'QLT-OUT', xM: 89, yM: 44, capacity: 20 },
      { id: 'INS-IN', xM: 89, yM: 48, capacity: 40 },
    ],
    sinks: [{ id: 'SHIP', label: 'shipping', xM: 97, yM: 59, kind: 'warehouse' }],
    gateways,
    cameras,
    products: [
      {
        id: 'PANEL-S',
        label: 'small logo panels',
        marginEurPerPart: 15,
        routing: [{ machineIds: emb }, { machineIds: ins }],
      },
      {
        id: 'PANEL-L',
        label: 'large decorative panels',
        marginEurPerPart: 30,
        routing: [
          { machineIds: emb, cycleTimeS: { kind: 'triangular', min: 1800, mode: 2400, max: 3300 } },
          { machineIds: ins },
        ],
      },
      {
        id: 'QUILT',
        label: 'embroidered quilt covers',
        marginEurPerPart: 40,
        routing: [
          { machineIds: emb, cycleTimeS: { kind: 'triangular', min: 1200, mode: 1500, max: 2100 } },
          { machineIds: qlt },
          { machineIds: ins },
        ],
      },
    ],
    sources: [
      // Regular customer orders every 2 hours, due within 16 hours; rush orders every 4 hours, due in 4; for
      // a week, day and night (about 76 % of what the embroidery machines make in their two shifts).
      { id: 'ORDERS', bufferId: 'EMB-IN', schedule: range(0, 84, 2).flatMap(normal), dueInH: 16 },
      {
        id: 'RUSH',
        bufferId: 'EMB-IN',
        schedule: range(1, 42, 4).map((h) => ({ atH: h, productId: 'PANEL-S', count: 10 })),
        dueInH: 4,
      },
    ],
    shifts: { cycleH: 24, periods: [{ startH: 0, endH: 16 }] },
    // Workers carry frames between areas.
    transport: { kind: 'fixedDelay', delayS: 90 },
    network: {
      // The flow fidelity passes its validation against packet fidelity on this plant (sim-core network
      // README, `pnpm bench flow-validation`): the default here; `--fidelity packet` or a variant for packets.
      fidelity: 'flow',
      deployment: 'public',
      carrier: { frequencyGHz: 3.5, bandwidthMHz: 100, scsKHz: 30, tddPattern: 'DDDSU' },
      // Assumption: long, low machines (~1.8 m) over ~35 % of the floor.
      clutter: { density: 0.35, heightM: 1.8, sizeM: 6 },
      gnbs: gnbLayout(1, W, D, 5, 24),
      devices: [
        ...connected.map((m) => ({ id: `UE-${m.id}`, kind: 'machine', attachedTo: m.id })),
        ...gateways.map((g) => ({ id: `UE-${g.id}`, kind: 'gateway', attachedTo: g.id })),
        ...cameras.map((c) => ({ id: `UE-${c.id}`, kind: 'camera', attachedTo: c.id, heightM: 5 })),
      ],
      traffic: [
        { id: 'status', trafficClass: 'machineStatus', deviceKinds: ['machine', 'gateway'], sizeBytes: 200 },
        { id: 'orders', trafficClass: 'controlOrder', deviceKinds: ['machine', 'gateway'], sizeBytes: 300 },
        // Live status dashboards: stitch counts, speed, thread state every 5 s.
        {
          id: 'live-status',
          trafficClass: 'telemetry',
          deviceKinds: ['machine', 'gateway'],
          intervalMs: 5000,
          sizeBytes: 600,
        },
        { id: 'video', trafficClass: 'video', deviceKinds: ['camera'], intervalMs: 200, sizeBytes: 100000 },
      ],
      interferenceZones: [
        // Assumption: an in-band emitter (unlicensed repeater) near the quilting line.
        { id: 'IZ-REPEATER', xM: 96, yM: 25, radiusM: 8, powerDbm: -5, heightM: 3 },
      ],
    },
    costs: { baselineVariant: 'public', currency: 'CNY' }, // Weihai plants: amounts shown in yuan
    // Two whole days measured after a first day that builds the overnight backlog (the plant runs in shifts).
    run: { lengthH: 72, warmupH: 24, seed: 2019, replications: 5 },
    variants: standardVariants(W, D, 5, 24),
  };
  // Thread breaks fixed by 8 operators who wait at the foreman's desk; they follow the plant's shifts.
  // Monitored: a stopped head shows on the live status board (status reports, through the gateways for
  // legacy machines). Patrol: the 48 legacy machines have no monitoring; an operator's round passes each
  // machine every 15 minutes (assumptions).
  const maintenance = (unmonitoredMachineIds: string[]) => ({
    crews: { count: 8, homeAt: { xM: 45, yM: 52 }, walkSpeedMps: 1.2 },
    detection: {
      patrolIntervalMin: 15,
      ...(unmonitoredMachineIds.length > 0 ? { unmonitoredMachineIds } : {}),
    },
  });
  const variantFiles = {
    'maintenance-monitored.json': {
      $schema: '../../../scenario.schema.json',
      extends: '../scenario.json',
      name: 'Embroidery workshop: operators fix thread breaks, called by live machine status',
      maintenance: maintenance([]),
    },
    'maintenance-patrol.json': {
      $schema: '../../../scenario.schema.json',
      extends: '../scenario.json',
      name: 'Embroidery workshop: operators fix thread breaks found on their rounds (legacy machines unmonitored)',
      maintenance: maintenance(emb.slice(0, 48)),
    },
    'all-connected.json': {
      $schema: '../../../scenario.schema.json',
      extends: '../scenario.json',
      name: 'Embroidery workshop: every machine retrofitted with its own 5G module',
      // Status goes straight from each machine: no gateway conversion or aggregation delay.
      machines: emb.slice(0, 48).map((id) => ({ id, legacy: false, gatewayId: { $delete: true } })),
      gateways: { $replace: [] },
      network: {
        devices: [
          ...gateways.map((g) => ({ id: `UE-${g.id}`, $remove: true })),
          ...emb.slice(0, 48).map((id) => ({ id: `UE-${id}`, kind: 'machine', attachedTo: id })),
        ],
      },
    },
    // The status quo: nothing monitored, the operators' rounds find every thread break (15 min, as above).
    ...baselineVariantFiles({
      plant: 'Embroidery workshop',
      crews: maintenance([]).crews,
      patrolIntervalMin: 15,
      statusQuoNote: 'operators on rounds every 15 min find the thread breaks',
      accessPoints: wifiGrid(W, D, 3, 2, 4),
      monitored5g: false,
    }),
  };
  return { scenario, variantFiles };
}
