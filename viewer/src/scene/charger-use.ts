/**
 * Which chargers are in use: a charger is in use while an AGV in the charging state stands on it (within
 * `reachM` of its centre; a charging AGV stands at the charger's path node, which is the charger's
 * position in the layout). Writes 1 (in use) or 0 per charger into `out`; returns whether any entry changed.
 */
export function chargersInUse(
  chargers: readonly { xM: number; yM: number }[],
  agvXM: ArrayLike<number>,
  agvYM: ArrayLike<number>,
  agvState: ArrayLike<number>,
  chargingCode: number,
  reachM: number,
  out: Uint8Array,
): boolean {
  // Runs every frame: no allocation. Bit 1 marks "in use now", bit 0 keeps the previous value.
  const reach2 = reachM * reachM;
  for (let a = 0; a < agvState.length; a++) {
    if (agvState[a] !== chargingCode) continue;
    for (let c = 0; c < chargers.length; c++) {
      const dx = agvXM[a] - chargers[c].xM;
      const dy = agvYM[a] - chargers[c].yM;
      if (dx * dx + dy * dy <= reach2) {
        out[c]! |= 2;
        break;
      }
    }
  }
  let changed = false;
  for (let c = 0; c < out.length; c++) {
    const now = out[c]! >> 1;
    if (now !== (out[c]! & 1)) changed = true;
    out[c] = now;
  }
  return changed;
}
