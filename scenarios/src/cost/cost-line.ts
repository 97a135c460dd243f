export interface CostLine {
  item: string;
  quantity: number;
  unitEur: number;
  totalEur: number;
}

export const line = (item: string, quantity: number, unitEur: number): CostLine => ({
  item,
  quantity,
  unitEur,
  totalEur: quantity * unitEur,
});
