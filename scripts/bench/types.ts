/** One line of `npm run bench`: a measured figure beside its budget. */
export interface BenchRow {
  name: string;
  measured: number;
  unit: string;
  /** The budget from the issue; undefined for figures reported without a budget. */
  budget?: number;
  /** 'max': measured must be <= budget; 'exact': measured must equal budget. */
  kind?: 'max' | 'exact';
  note?: string;
}
