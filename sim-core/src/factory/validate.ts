import { type DistributionSpec, validateDistribution } from '../engine/distributions';
import type { FactoryConfig, OperationConfig } from './config';
import { failureModels } from './failures/registry';
import { validateQuality } from './inspection/validate';
import { validateMaintenance } from './maintenance/validate';

/** True if `x` is a single distribution (it has a `kind`), not a per-machine map. */
export function isDistribution(x: OperationConfig['cycleTime']): x is DistributionSpec {
  return typeof (x as { kind?: unknown }).kind === 'string';
}

/**
 * Cross-reference checks of a FactoryConfig (ids exist and are unique, values are in range).
 * The zod schema in scenarios/ checks shapes; this checks what a schema cannot see. Returns
 * human-readable problems, empty if the config is usable.
 */
export function validateFactoryConfig(config: FactoryConfig, hasTransportService: boolean): string[] {
  const problems: string[] = [];
  const say = (msg: string) => problems.push(msg);
  const dist = (where: string, spec: unknown) => {
    for (const p of validateDistribution(spec)) say(`${where}: ${p}`);
  };
  const unique = (what: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) say(`duplicate ${what} id "${id}"`);
      seen.add(id);
    }
    return seen;
  };

  const machineIds = unique(
    'machine',
    config.machines.map((m) => m.id),
  );
  const productIds = unique(
    'product',
    config.products.map((p) => p.id),
  );
  const gatewayIds = unique(
    'gateway',
    (config.gateways ?? []).map((g) => g.id),
  );
  const sinkIds = new Set(config.sinks.map((s) => s.id));
  // Stations share one namespace: explicit buffers, sinks, auto machine buffers, source outlets.
  const autoBuffers = [
    ...config.machines.flatMap((m) => [
      ...(m.inputBufferId === undefined ? [`${m.id}.in`] : []),
      ...(m.outputBufferId === undefined ? [`${m.id}.out`] : []),
    ]),
    ...config.sources.filter((s) => s.stationId === undefined).map((s) => s.id),
  ];
  const bufferIds = new Set([...(config.buffers ?? []).map((b) => b.id), ...autoBuffers]);
  unique('station', [
    ...(config.buffers ?? []).map((b) => b.id),
    ...config.sinks.map((s) => s.id),
    ...autoBuffers,
  ]);
  unique('network endpoint', ['control', ...machineIds, ...gatewayIds]);
  if (config.sinks.length === 0) say('at least one sink is needed');

  for (const b of config.buffers ?? []) {
    if (b.capacity !== null && !(Number.isInteger(b.capacity) && b.capacity >= 1)) {
      say(`buffer ${b.id}: capacity must be null (unlimited) or an integer >= 1, got ${b.capacity}`);
    }
  }
  const sinkById = (id: string) => sinkIds.has(id);

  for (const m of config.machines) {
    const where = `machine ${m.id}`;
    if (m.inputBufferId !== undefined && !bufferIds.has(m.inputBufferId)) {
      say(`${where}: input buffer "${m.inputBufferId}" is not a buffer`);
    }
    if (m.outputBufferId !== undefined && !bufferIds.has(m.outputBufferId) && !sinkById(m.outputBufferId)) {
      say(`${where}: output "${m.outputBufferId}" is neither a buffer nor a sink`);
    }
    for (const [name, c] of [
      ['inputCapacity', m.inputCapacity],
      ['outputCapacity', m.outputCapacity],
    ] as const) {
      if (c !== undefined && c !== null && !(Number.isInteger(c) && c >= 1)) {
        say(`${where}: ${name} must be null or an integer >= 1, got ${c}`);
      }
    }
    const p = m.scrapProbability;
    if (p !== undefined && !(p >= 0 && p <= 1)) say(`${where}: scrapProbability must be in [0, 1], got ${p}`);
    if (m.legacy && (m.gatewayId === undefined || !gatewayIds.has(m.gatewayId))) {
      say(`${where}: a legacy machine needs an existing gatewayId, got ${m.gatewayId}`);
    }
    const f = m.failures;
    if (f !== undefined) {
      if (!failureModels.has(f.kind))
        say(`${where}: unknown failure model "${f.kind}"; registered: ${failureModels.names().join(', ')}`);
      else for (const p of failureModels.get(f.kind).problems?.(f) ?? []) say(`${where}: ${p}`);
      if (f.repairTime !== undefined) dist(`${where} repairTime`, f.repairTime);
    }
    const s = m.setupTimes;
    if (s?.default) dist(`${where} setup default`, s.default);
    for (const [to, spec] of Object.entries(s?.byProduct ?? {})) dist(`${where} setup to ${to}`, spec);
    for (const [from, row] of Object.entries(s?.matrix ?? {})) {
      for (const [to, spec] of Object.entries(row)) dist(`${where} setup ${from}→${to}`, spec);
    }
  }

  const outputOf = new Map(config.machines.map((m) => [m.id, m.outputBufferId]));
  for (const product of config.products) {
    const where = `product ${product.id}`;
    if (product.routing.length === 0) say(`${where}: routing is empty`);
    if (product.sinkId !== undefined && !sinkIds.has(product.sinkId)) {
      say(`${where}: sink "${product.sinkId}" does not exist`);
    }
    product.routing.forEach((op, k) => {
      const opWhere = `${where} operation ${k} (${op.operation})`;
      if (op.machines.length === 0) say(`${opWhere}: no eligible machine`);
      for (const id of op.machines) {
        if (!machineIds.has(id)) say(`${opWhere}: machine "${id}" does not exist`);
        const out = outputOf.get(id);
        if (k < product.routing.length - 1 && out !== undefined && sinkIds.has(out)) {
          say(`${opWhere}: machine ${id} outputs into sink ${out}, but the part has more operations`);
        }
      }
      if (isDistribution(op.cycleTime)) dist(`${opWhere} cycleTime`, op.cycleTime);
      else {
        for (const id of op.machines) {
          const spec = op.cycleTime[id];
          if (spec === undefined) say(`${opWhere}: no cycleTime for machine ${id}`);
          else dist(`${opWhere} cycleTime on ${id}`, spec);
        }
      }
    });
  }

  for (const s of config.sources) {
    const where = `source ${s.id}`;
    if (s.stationId !== undefined && !bufferIds.has(s.stationId))
      say(`${where}: station "${s.stationId}" is not a buffer`);
    if (s.interarrival === undefined && (s.schedule ?? []).length === 0)
      say(`${where}: needs interarrival or schedule`);
    if (s.interarrival !== undefined) dist(`${where} interarrival`, s.interarrival);
    const mix = s.productMix ?? {};
    let total = 0;
    for (const [p, w] of Object.entries(mix)) {
      if (!productIds.has(p)) say(`${where}: productMix names unknown product "${p}"`);
      if (!(w >= 0)) say(`${where}: productMix weight of ${p} must be >= 0, got ${w}`);
      else total += w;
    }
    if (s.productMix !== undefined && !(total > 0)) say(`${where}: productMix weights must not all be 0`);
    for (const e of s.schedule ?? []) {
      if (!productIds.has(e.productId)) say(`${where}: schedule names unknown product "${e.productId}"`);
      if (!(Number.isInteger(e.count) && e.count >= 0))
        say(`${where}: schedule count must be an integer >= 0`);
      if (!(e.atMs >= 0)) say(`${where}: schedule atMs must be >= 0`);
    }
    if (s.orders !== undefined && !(s.orders.dueInMs >= 0)) say(`${where}: orders.dueInMs must be >= 0`);
  }
  if (config.products.length === 0) say('at least one product is needed');

  for (const g of config.gateways ?? []) {
    if (!(g.conversionDelayMs >= 0)) say(`gateway ${g.id}: conversionDelayMs must be >= 0`);
    const a = g.aggregationIntervalMs;
    if (a !== undefined && !(a >= 0)) say(`gateway ${g.id}: aggregationIntervalMs must be >= 0`);
  }
  const t = config.transport;
  if (t === 'agv' && !hasTransportService)
    say("transport 'agv' needs a TransportService in buildFactory's options");
  if (typeof t === 'object' && !(t.fixedDelayMs >= 0)) say('transport.fixedDelayMs must be >= 0');
  if (config.warmUpMs !== undefined && !(config.warmUpMs >= 0)) say('warmUpMs must be >= 0');
  problems.push(...validateMaintenance(config));
  problems.push(...validateQuality(config));
  return problems;
}
