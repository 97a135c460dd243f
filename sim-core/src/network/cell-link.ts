// The MAC of one cell in one direction: a scheduler on the TDD opportunity grid that wakes only for
// opportunities with backlog, allocates PRBs, forms one transport block per device and slot, and draws its
// HARQ outcome.
import type { Simulation } from '../engine/simulation';
import { SlotAllocator } from './allocation';
import { type DeviceState, type LinkQuality, tbBitsPerPrbSymbol } from './device';
import type { McsChoice } from './link-adaptation';
import { SINR_REFRESH_MS } from './link-budget';
import type { LinkModel } from './link-model/link-model';
import type { MacSchedulerFactory } from './mac/schedulers/scheduler';
import type { MacDriver, MacOpportunities } from './mac-driver';
import type { Flow, Packet } from './packet';
import type { CellRadio } from './radio-environment';
import type { CellShare, RanShare } from './ran-share/ran-share';
import type { Dir } from './tdd-grid';
import { UL } from './tdd-grid';
import { TimedHeap } from './timed-heap';
import type { UplinkAccess } from './uplink-access';

/** What the MAC asks of the network around it. */
export interface MacHost {
  readonly sim: Simulation;
  /** Refreshes the device's link at `tMs` (position, handover); the packet belongs to `dev.serving` after. */
  refreshLink(dev: DeviceState, tMs: number): void;
  link(cell: number, dir: Dir): CellLink;
  quality(dev: DeviceState, dir: Dir, tMs: number): LinkQuality;
  /** UL choice over `prbs` PRBs beyond the full-power allocation (`tier` 1: the reliable MCS). */
  ulBitsPerPrbSymbol(dev: DeviceState, prbs: number, out: McsChoice, tier?: number): number;
  /** All bits of the packet's current leg are in transport blocks whose fate is drawn. */
  legDone(p: Packet): void;
  /** The packet waited longer than its discard timer before transmission. */
  discarded(p: Packet, tMs: number): void;
  /** A cancelled stream packet left the arrival queue. */
  dropCancelled(p: Packet): void;
  /** Traffic in load-sample window `window` of this cell. */
  touchLoadWindow(cell: number, window: number): void;
}

export interface MacSettings {
  /** The scheduler discipline (registry entry of `NetworkConfig.scheduler`), built once per cell and direction. */
  scheduler: MacSchedulerFactory;
  maxUesPerSlot: number;
  lcpOrder: readonly number[];
  /** PRB share per slice index (empty: no slicing). */
  sliceShares: readonly number[];
  maxHarqAttempts: number;
  harqProcessingMs: number;
  loadTimeConstantMs: number;
  loadSampleMs: number;
  deviceCount: number;
  /** Some traffic class has a guaranteed bit rate (a GBR pass before the scheduler). */
  hasGbr: boolean;
  /** SINRs depend on other cells' load: refresh them every SINR_REFRESH_MS. */
  sinrRefreshesWithLoad: boolean;
  /** Scheduler marks shared by every allocator of the network (device scratch is shared by them all). */
  marks: { value: number; pfRefMs: number };
  /** The link model's fading and BLER with Chase combining; null: the built-in independent attempts. */
  linkModel: LinkModel | null;
  /** Cells shared with public users (ran-share/): the factory's PRBs per opportunity are capped. */
  ranShare: RanShare | null;
  /** UL: SR / grant timing (null: grant-free, every packet in the next UL opportunity). */
  ulAccess: UplinkAccess | null;
  /** Per class index, 1 for classes with a tighter BLER target (the reliable MCS); null: one target for all. */
  classTier: Uint8Array | null;
}

const RING = 1024; // HARQ reservations ahead (opportunities)
const EPS_MS = 1e-9;
const DONE_BITS = 1e-6;
/** The discard bound is kept this much early, so rounding never lets it pass a packet's timer. */
const DISCARD_SLACK_MS = 1e-6;

export class CellLink implements MacOpportunities {
  readonly nPrb: number;
  /** Packets on their way to this queue (UE buffer or gNB), by the time they become eligible. */
  private readonly arrivals = new TimedHeap<Packet>();
  private readonly backlogged: DeviceState[] = [];
  private scheduledOpp = -1;
  /** Start of `scheduledOpp` (Infinity when none). */
  nextStartMs = Number.POSITIVE_INFINITY;
  private lastOpp = -1;
  private readonly allocator: SlotAllocator;
  /** The scheduler shares whole devices when there are no slices. */
  private readonly byDevice: boolean;
  private readonly candidates: Flow[] = [];
  /** Devices that may be scheduled in the current opportunity. */
  private readonly ready: DeviceState[] = [];
  /** Devices whose queues the current opportunity emptied. */
  private emptied = 0;
  // HARQ retransmissions booked ahead, by opportunity (ring): PRBs taken, PRB-symbols not yet counted.
  private readonly reservedOpp = new Float64Array(RING).fill(-1);
  private readonly reservedPrb = new Int32Array(RING);
  private readonly pendingPrbSymbols = new Float64Array(RING);
  private pendingSlots = 0;
  /** Opportunities up to this one have their PRB-symbols counted in the statistics. */
  private settledOpp = -1;
  private readonly scratch: McsChoice = { cqi: 0, spectralEfficiency: 0, layers: 1, bler: 1 };
  private readonly loadDecayPerOpp: number;
  /** The public users' claim on this cell and direction (null: the factory's own cell). */
  private readonly share: CellShare | null;

  // Load estimate for other cells' interference: EWMA over opportunities of the PRB share used.
  private loadValue = 0;
  private loadOpp = -1;
  /** UL only: EWMA of the interference per PRB this cell's UEs cause at each gNB, mW. */
  private readonly ulInterference: Float64Array;
  private readonly ulContribution: Float64Array;

  // Statistics since the last reset.
  prbSymbolsUsed = 0;
  bitsDelivered = 0;
  transportBlocks = 0;
  harqRetransmissions = 0;
  // Current load-sample window.
  sampleWindow = -1;
  samplePrbSymbols = 0;
  sampleBits = 0;

  constructor(
    private readonly host: MacHost,
    readonly cell: CellRadio,
    readonly dir: Dir,
    private readonly settings: MacSettings,
    cellCount: number,
    /** Zone on/off epoch (a SINR input). */
    private readonly zoneEpoch: { readonly epoch: number },
    private readonly driver: MacDriver,
  ) {
    this.nPrb = cell.nPrb;
    const scheduler = settings.scheduler({
      dir,
      deviceCount: settings.deviceCount,
      maxUesPerSlot: settings.maxUesPerSlot,
      shared: settings.marks,
    });
    this.allocator = new SlotAllocator(
      scheduler,
      dir,
      settings.maxUesPerSlot,
      settings.lcpOrder,
      settings.marks,
      cell.nPrb,
    );
    this.byDevice = this.allocator.byDevice;
    this.share = settings.ranShare?.cell(cell.index, dir) ?? null;
    driver.add(this);
    const oppsPerMs = cell.grid.count(dir) / cell.grid.periodMs;
    this.loadDecayPerOpp = Math.exp(-1 / (settings.loadTimeConstantMs * oppsPerMs));
    this.ulInterference = new Float64Array(cellCount);
    this.ulContribution = new Float64Array(cellCount);
  }

  get grid() {
    return this.cell.grid;
  }

  /** Devices with queued data (for snapshots). */
  get backlogCount(): number {
    return this.backlogged.length;
  }

  get pendingArrivals(): number {
    return this.arrivals.size;
  }

  /** Queues a packet that becomes eligible at `p.eligibleAtMs` (now or later). */
  enqueue(p: Packet): void {
    let atMs = p.eligibleAtMs;
    // A UL packet reaching the UE buffer now: its SR → grant wait from the UE's state now (uplink-access.ts);
    // stream packets queued ahead get theirs when they reach the buffer (run, step 1).
    if (p.accessPending && atMs <= this.host.sim.now() + EPS_MS) {
      p.accessPending = false;
      atMs = Math.max(atMs, this.settings.ulAccess!.puschMs(p.src!, this.cell.index, atMs));
    }
    this.arrivals.push(atMs, p);
    this.wake(atMs);
  }

  /** Makes sure the first opportunity at or after `tMs` is processed. */
  wake(tMs: number): void {
    const now = this.host.sim.now();
    let opp = this.grid.nextOpportunity(this.dir, Math.max(tMs, now));
    if (opp <= this.lastOpp) opp = this.lastOpp + 1;
    if (this.scheduledOpp >= 0 && this.scheduledOpp <= opp) return;
    this.scheduledOpp = opp;
    this.nextStartMs = this.grid.startMs(this.dir, opp);
    this.driver.wanted(this.nextStartMs);
  }

  /** Makes sure opportunity `opp` (not yet processed) or an earlier one is processed. */
  private wakeFor(opp: number): void {
    if (this.scheduledOpp >= 0 && this.scheduledOpp <= opp) return;
    this.scheduledOpp = opp;
    this.nextStartMs = this.grid.startMs(this.dir, opp);
    this.driver.wanted(this.nextStartMs);
  }

  runNext(): void {
    this.run(this.scheduledOpp);
  }

  addBacklogged(dev: DeviceState): void {
    if (dev.activeSlot[this.dir] >= 0) return;
    dev.activeSlot[this.dir] = this.backlogged.length;
    this.backlogged.push(dev);
  }

  removeBacklogged(dev: DeviceState): void {
    const i = dev.activeSlot[this.dir];
    if (i < 0) return;
    const last = this.backlogged.pop()!;
    if (last !== dev) {
      this.backlogged[i] = last;
      last.activeSlot[this.dir] = i;
    }
    dev.activeSlot[this.dir] = -1;
  }

  /** Recent share of PRBs in use (0..1), decayed over the opportunities since the last busy one. */
  loadAt(tMs: number): number {
    if (this.loadOpp < 0) return 0;
    const idle = this.grid.nextOpportunity(this.dir, tMs) - this.loadOpp - 1;
    return this.loadValue * this.loadDecayPerOpp ** Math.max(0, idle);
  }

  /**
   * UL: mean power per used PRB that this cell's UEs recently put into gNB `atCell`, mW (the interference
   * over the load; 0 before the first UL grant). Public users of the cell are assumed to be spread like
   * the factory's (ran-share/).
   */
  ulRxPerUsedPrbAt(atCell: number): number {
    return this.loadValue > 0 ? this.ulInterference[atCell]! / this.loadValue : 0;
  }

  /** UL: recent interference per PRB that this cell's UEs cause at gNB `atCell`, mW. */
  interferenceAt(atCell: number, tMs: number): number {
    if (this.loadOpp < 0) return 0;
    const idle = this.grid.nextOpportunity(this.dir, tMs) - this.loadOpp - 1;
    return this.ulInterference[atCell]! * this.loadDecayPerOpp ** Math.max(0, idle);
  }

  private reserved(opp: number): number {
    const k = opp % RING;
    return this.reservedOpp[k] === opp ? this.reservedPrb[k]! : 0;
  }

  /**
   * Books a HARQ retransmission of `prbs` PRBs and `symbols` symbols at the first opportunity from `opp` on
   * that has the symbols and the free PRBs (others' retransmissions may have taken them: it waits, as an
   * adaptive retransmission would), so the PRBs booked in an opportunity never exceed the carrier.
   * Returns the opportunity; its PRB-symbols (PRBs × the opportunity's symbols) are counted when it is reached.
   */
  private reserve(opp: number, prbs: number, symbols: number): number {
    const grid = this.grid;
    for (; opp - this.settledOpp < RING; opp++) {
      if (grid.symbols(this.dir, opp) < symbols || this.reserved(opp) + prbs > this.nPrb) continue;
      // The PRBs are taken for the whole opportunity, even when the block needs fewer of its symbols.
      this.book(opp, prbs, prbs * grid.symbols(this.dir, opp));
      return opp;
    }
    // Beyond the horizon (not reached in practice): counted now, not booked.
    this.countPrbSymbols(this.lastOpp, prbs * symbols);
    return opp;
  }

  /** Books PRBs (`prbs` of them, for retransmissions) and PRB-symbols, counted once `opp` has started. */
  private book(opp: number, prbs: number, prbSymbols: number): void {
    const k = opp % RING;
    if (this.reservedOpp[k] !== opp) {
      this.reservedOpp[k] = opp;
      this.reservedPrb[k] = 0;
      this.pendingPrbSymbols[k] = 0;
    }
    this.reservedPrb[k]! += prbs;
    if (this.pendingPrbSymbols[k] === 0) this.pendingSlots++;
    this.pendingPrbSymbols[k]! += prbSymbols;
  }

  /** Counts what was booked in opportunities up to `opp` (they have started). */
  private settleUntil(opp: number): void {
    if (opp <= this.settledOpp) return;
    // Bookings are never more than RING opportunities past the settled ones (see reserve).
    const last = Math.min(opp, this.settledOpp + RING);
    for (let o = this.settledOpp + 1; o <= last && this.pendingSlots > 0; o++) {
      const k = o % RING;
      if (this.reservedOpp[k] !== o || this.pendingPrbSymbols[k] === 0) continue;
      this.countPrbSymbols(o, this.pendingPrbSymbols[k]!);
      this.pendingPrbSymbols[k] = 0;
      this.pendingSlots--;
    }
    this.settledOpp = opp;
  }

  /** Counts what the opportunities starting before `tMs` used (before statistics are read or reset). */
  settleBefore(tMs: number): void {
    // Not past now: later retransmissions may still be booked into opportunities that have not started.
    this.settleUntil(this.grid.nextOpportunity(this.dir, Math.min(tMs, this.host.sim.now())) - 1);
  }

  /** PRB-symbols used in opportunity `opp`, into the totals and its load-sample window. */
  private countPrbSymbols(opp: number, prbSymbols: number): void {
    this.prbSymbolsUsed += prbSymbols;
    const window = this.sampleWindowOf(opp);
    if (window === this.sampleWindow) this.samplePrbSymbols += prbSymbols;
  }

  /** The load-sample window of `opp`, made current if it is newer than the current one. */
  private sampleWindowOf(opp: number, startMs = this.grid.startMs(this.dir, opp)): number {
    const window = Math.floor(startMs / this.settings.loadSampleMs);
    if (window > this.sampleWindow) {
      this.sampleWindow = window;
      this.samplePrbSymbols = 0;
      this.sampleBits = 0;
    }
    return window;
  }

  private run(opp: number): void {
    this.scheduledOpp = -1;
    this.nextStartMs = Number.POSITIVE_INFINITY;
    this.lastOpp = opp;
    // Bookings are counted when statistics are read (settleBefore); here only often enough to keep the
    // ring's horizon (RING opportunities past the settled ones) well ahead. With nothing booked, everything
    // before this opportunity is settled (bookings go here or later).
    if (this.pendingSlots === 0) {
      if (opp - 1 > this.settledOpp) this.settledOpp = opp - 1;
    } else if (opp - this.settledOpp > RING / 2) this.settleBefore(this.host.sim.now());
    const grid = this.grid;
    const dir = this.dir;
    const host = this.host;
    const startMs = grid.startMs(dir, opp);
    const symbols = grid.symbols(dir, opp);

    // 1. Packets that became eligible join their device's queue (or follow the device to its new cell).
    while (this.arrivals.size > 0 && this.arrivals.peekTime() <= startMs + EPS_MS) {
      const p = this.arrivals.pop()!;
      if (p.cancelled) {
        host.dropCancelled(p);
        continue;
      }
      const dev = (dir === UL ? p.src : p.dst)!;
      host.refreshLink(dev, startMs);
      if (dev.serving !== this.cell.index) {
        host.link(dev.serving, dir).enqueue(p);
        continue;
      }
      if (p.accessPending) {
        // Data in an empty UE buffer: it waits for an SR occasion and the grant (uplink-access.ts).
        p.accessPending = false;
        const puschMs = this.settings.ulAccess!.puschMs(dev, this.cell.index, p.eligibleAtMs);
        if (puschMs > startMs + EPS_MS) {
          this.arrivals.push(puschMs, p);
          continue;
        }
      }
      const f = dev.flows[dir][p.classIndex]!;
      f.push(p);
      const bound = this.discardBound(p, f);
      if (bound < dev.discardCheckMs[dir]) dev.discardCheckMs[dir] = bound;
      dev.backlogBits[dir] += p.remainingBits;
      this.addBacklogged(dev);
    }

    // 2. Devices that may be scheduled: not in a handover interruption, queues past their discard timer
    //    dropped, link quality fresh.
    const ready = this.ready;
    let nReady = 0;
    const bucket = this.settings.sinrRefreshesWithLoad ? Math.floor(startMs / SINR_REFRESH_MS) : -1;
    let blockedUntil = Number.POSITIVE_INFINITY;
    for (let i = this.backlogged.length - 1; i >= 0; i--) {
      const dev = this.backlogged[i]!;
      if (dev.blockedUntilMs > startMs) {
        blockedUntil = Math.min(blockedUntil, dev.blockedUntilMs);
        continue;
      }
      if (startMs > dev.discardCheckMs[dir]) {
        this.discardExpiredAll(dev, startMs);
        if (this.isEmpty(dev)) {
          this.removeBacklogged(dev);
          continue;
        }
      }
      const q = dev.quality[dir];
      if (
        q.geomEpoch !== dev.geomEpoch ||
        q.serving !== dev.serving ||
        q.zoneEpoch !== this.zoneEpoch.epoch ||
        q.bucket !== bucket
      )
        host.quality(dev, dir, startMs);
      if (this.settings.classTier !== null) dev.tbTier[dir] = this.carriesReliable(dev);
      ready[nReady++] = dev;
    }

    // 3. PRB allocation of what the HARQ retransmissions booked here leave (on a shared cell, of what the
    //    public users and the RRM policy leave the factory: ran-share/).
    const reserved = this.reserved(opp);
    const budget =
      this.share === null
        ? this.nPrb - reserved
        : Math.max(0, Math.min(this.nPrb, this.share.factoryCapPrb(startMs, nReady)) - reserved);
    const allocator = this.allocator;
    allocator.begin(opp, startMs);
    const shares = this.settings.sliceShares;
    let used = this.settings.hasGbr ? allocator.allocateGbr(ready, nReady, budget, symbols, shares) : 0;
    if (this.byDevice && shares.length === 0)
      used += allocator.allocateDevices(ready, nReady, budget - used, symbols);
    else {
      // Flow by flow: slice quotas first (unused quota is lent), then the rest to anyone.
      const candidates = this.candidates;
      let count = 0;
      for (let i = 0; i < nReady; i++) {
        const dev = ready[i]!;
        dev.capPrb = dir === UL ? Math.min(this.nPrb, dev.quality[dir].maxUsefulPrbs) : this.nPrb;
        const bitsPerPrb = tbBitsPerPrbSymbol(dev, dir) * symbols;
        const flows = dev.flows[dir];
        for (let j = 0; j < flows.length; j++) {
          const f = flows[j]!;
          f.grantPrb = 0;
          if (f.head === null) {
            f.needPrb = 0;
            continue;
          }
          f.needPrb = allocator.flowNeed(f, bitsPerPrb);
          if (f.needPrb > 0) candidates[count++] = f;
        }
      }
      // A slice's quota includes what its GBR flows got in the GBR pass.
      for (let s = 0; s < shares.length; s++)
        used += allocator.allocate(
          candidates,
          count,
          s,
          Math.min(allocator.sliceQuotaLeft(s, shares[s]!, budget), budget - used),
        );
      used += allocator.allocate(candidates, count, -1, budget - used);
    }

    // 4. One transport block per granted device.
    const window = this.sampleWindowOf(opp, startMs);
    const endMs = grid.endMs(dir, opp);
    if (dir === UL) for (let c = 0; c < this.ulContribution.length; c++) this.ulContribution[c] = 0;
    this.emptied = 0;
    for (let i = 0; i < allocator.grantedCount; i++) this.transmit(allocator.granted[i]!, symbols, endMs);

    // 5. Load bookkeeping and the next wake-up.
    const usedPrbs = used + reserved;
    this.updateLoad(opp, usedPrbs / this.nPrb);
    host.touchLoadWindow(this.cell.index, window);

    if (nReady > this.emptied) this.wakeFor(opp + 1);
    else if (blockedUntil < Number.POSITIVE_INFINITY) this.wake(blockedUntil);
    // Packets of paused streams need no wake-up of their own.
    while (this.arrivals.size > 0 && this.arrivals.peek()!.cancelled)
      host.dropCancelled(this.arrivals.pop()!);
    if (this.arrivals.size > 0) this.wake(this.arrivals.peekTime());
  }

  /** 1 when the device has data of a class with a tighter BLER target queued: its block then takes the reliable MCS. */
  private carriesReliable(dev: DeviceState): number {
    const tiers = this.settings.classTier!;
    const flows = dev.flows[this.dir];
    for (let i = 0; i < flows.length; i++) if (tiers[i] === 1 && flows[i]!.head !== null) return 1;
    return 0;
  }

  /** Discards what passed its timer in every queue of the device, and renews its discard bound. */
  private discardExpiredAll(dev: DeviceState, tMs: number): void {
    let next = Number.POSITIVE_INFINITY;
    const flows = dev.flows[this.dir];
    for (let i = 0; i < flows.length; i++) {
      const f = flows[i]!;
      if (f.head === null) continue;
      if (tMs - f.head.eligibleAtMs > f.profile.discardTimerMs) this.discardExpired(f, tMs);
      const h = f.head;
      if (h === null) continue;
      // A head under way is never discarded: the one behind it is the next candidate.
      const candidate = h.remainingBits === h.sizeBits ? h : h.next;
      if (candidate !== null) next = Math.min(next, this.discardBound(candidate, f));
    }
    dev.discardCheckMs[this.dir] = next;
  }

  /** A time before which `p` (the head of `f`, or queued behind it) cannot be discarded. */
  private discardBound(p: Packet, f: Flow): number {
    return p.eligibleAtMs + f.profile.discardTimerMs - DISCARD_SLACK_MS;
  }

  /** PDCP discard: packets not yet started that waited longer than the class's discard timer. */
  private discardExpired(f: Flow, tMs: number): void {
    const limit = f.profile.discardTimerMs;
    const head = f.head;
    if (head === null || tMs - head.eligibleAtMs <= limit) return;
    if (head.remainingBits === head.sizeBits) {
      this.dropPacket(f, f.shift(), tMs);
      this.discardExpired(f, tMs);
      return;
    }
    // The head is under way: drop the expired ones queued behind it (FIFO: oldest first).
    for (let p = head.next; p !== null && tMs - p.eligibleAtMs > limit; p = head.next) {
      head.next = p.next;
      if (f.tail === p) f.tail = head;
      p.next = null;
      this.dropPacket(f, p, tMs);
    }
  }

  /** Whether the device has nothing queued in this direction (then its bit count is reset to exactly 0). */
  private isEmpty(dev: DeviceState): boolean {
    const flows = dev.flows[this.dir];
    for (let i = 0; i < flows.length; i++) if (flows[i]!.head !== null) return false;
    dev.backlogBits[this.dir] = 0;
    return true;
  }

  private dropPacket(f: Flow, p: Packet, tMs: number): void {
    if (f.head !== null) f.bits -= p.remainingBits; // (shift already zeroed an emptied queue)
    f.device.backlogBits[this.dir] -= p.remainingBits;
    this.host.discarded(p, tMs);
  }

  private transmit(dev: DeviceState, symbols: number, endMs: number): void {
    const dir = this.dir;
    const prbs = dev.grantPrb;
    const q = dev.quality[dir];
    const tier = dev.tbTier[dir];
    // A block carrying a class with a tighter BLER target uses the reliable MCS (CQI table 3) for all of it.
    let choice: McsChoice = tier === 1 ? q.reliable : q;
    let bitsPerPrbSymbol = tier === 1 ? q.reliable.bitsPerPrbSymbol : q.bitsPerPrbSymbol;
    let bler = choice.bler;
    if (dir === UL && prbs > q.fullPowerPrbs) {
      bitsPerPrbSymbol = this.host.ulBitsPerPrbSymbol(dev, prbs, this.scratch, tier);
      bler = this.scratch.bler;
      choice = this.scratch;
    }
    let capacity = prbs * bitsPerPrbSymbol * symbols;

    const maxAttempts = this.settings.maxHarqAttempts;
    let attempts = 1;
    let lost = false;
    let doneMs = endMs;
    const model = this.settings.linkModel;
    if (model !== null) {
      // Link model: each attempt gets its own (faded) SINR, Chase combining adds them (radio/harq-combining.ts:
      // one uniform per block, attempt k fails while u < BLER(Γ_k)). Retransmissions reuse the PRB count.
      const grid = this.grid;
      const cell = this.cell.index;
      const ulLossDb = dir === UL ? Math.max(0, 10 * Math.log10(prbs) - q.headroomDb) : 0;
      const table = tier === 1 ? 3 : undefined;
      const layerSinrDb = q.sinrDb - ulLossDb - 10 * Math.log10(choice.layers);
      const cqi = choice.cqi;
      const u = dev.harqRng.next();
      let sum =
        10 **
        (model.attemptSinrDb(dev, cell, grid.startMs(dir, this.lastOpp), layerSinrDb, prbs, cqi, table) / 10);
      while (u < model.bler(cqi, 10 * Math.log10(sum), table)) {
        if (attempts === maxAttempts) {
          lost = true;
          break;
        }
        attempts++;
        const opp = this.reserve(
          grid.harqRetransmission(dir, doneMs, this.settings.harqProcessingMs, symbols),
          prbs,
          symbols,
        );
        doneMs = grid.endMs(dir, opp);
        sum +=
          10 ** (model.attemptSinrDb(dev, cell, grid.startMs(dir, opp), layerSinrDb, prbs, cqi, table) / 10);
      }
    } else if (bler > 1e-12) {
      // HARQ: independent attempts (radio/cqi.ts model); retransmissions reuse the PRB count.
      const u = dev.harqRng.next();
      let failAll = bler;
      while (u < failAll) {
        if (attempts === maxAttempts) {
          lost = true;
          break;
        }
        attempts++;
        failAll *= bler;
      }
    }
    if (model === null)
      for (let a = 2; a <= attempts; a++) {
        const first = this.grid.harqRetransmission(dir, doneMs, this.settings.harqProcessingMs, symbols);
        doneMs = this.grid.endMs(dir, this.reserve(first, prbs, symbols));
      }

    let sent = 0;
    const flows = dev.flows[dir];
    const lcpOrder = this.settings.lcpOrder;
    for (let i = 0; i < lcpOrder.length; i++) {
      const f = flows[lcpOrder[i]!]!;
      while (capacity > DONE_BITS && f.head !== null) {
        const p = f.head;
        const take = Math.min(p.remainingBits, capacity);
        p.remainingBits -= take;
        capacity -= take;
        f.bits -= take;
        if (f.profile.gbrBitsPerMs > 0) f.gbrCreditBits = Math.max(0, f.gbrCreditBits - take);
        sent += take;
        if (doneMs > p.legDoneMs) p.legDoneMs = doneMs;
        if (lost) p.lost = true;
        if (p.remainingBits > DONE_BITS) break;
        f.shift();
        this.host.legDone(p);
      }
      if (capacity <= DONE_BITS) break;
    }
    dev.backlogBits[dir] -= sent;
    if (this.isEmpty(dev)) {
      this.removeBacklogged(dev);
      this.emptied++;
    }

    // Counted when the clock reaches the opportunity, like the retransmissions (settleUntil).
    this.book(this.lastOpp, 0, prbs * symbols);
    this.transportBlocks++;
    this.harqRetransmissions += attempts - 1;
    dev.stats.prbSymbols[dir] += prbs * symbols * attempts;
    if (!lost) {
      this.bitsDelivered += sent;
      this.sampleBits += sent;
      dev.stats.bits[dir] += sent;
    }
    this.allocator.recordServed(dev, sent);
    if (dir === UL) {
      // Retransmissions interfere too: their energy is added here, a few slots early for the ~100 ms average.
      const scale = attempts * (prbs / this.nPrb) * Math.min(1, q.fullPowerPrbs / prbs);
      for (let c = 0; c < this.ulContribution.length; c++)
        this.ulContribution[c]! += scale * dev.ulRxAtMw[c]!;
    }
  }

  private updateLoad(opp: number, share: number): void {
    const decay = this.loadOpp < 0 ? 0 : this.loadDecayPerOpp ** (opp - this.loadOpp);
    const w = 1 - this.loadDecayPerOpp;
    this.loadValue = this.loadValue * decay + w * share;
    if (this.dir === UL)
      for (let c = 0; c < this.ulInterference.length; c++)
        this.ulInterference[c] = this.ulInterference[c]! * decay + w * this.ulContribution[c]!;
    this.loadOpp = opp;
  }

  /** Forgets statistics (warm-up). */
  resetStats(): void {
    this.prbSymbolsUsed = 0;
    this.bitsDelivered = 0;
    this.transportBlocks = 0;
    this.harqRetransmissions = 0;
  }
}
