/**
 * How a scenario's difference from the plan reads: with its sign and in words ("£1,200.00 more",
 * "2 fewer", "£500.00 worse"), never by colour alone. Returns a catalogue key and params; the amount is
 * formatted by the caller (money through shared/money.ts).
 */
export type DifferenceKind =
  /** Money spent: more is a cost. */
  | 'cost'
  /** Money coming in, or a budget position: more is better. */
  | 'gain'
  /** A count of problems (learners short, staff over-allocated): more is worse. */
  | 'problems';

export interface DifferenceText {
  key: string;
  /** The absolute difference (pence or a count), for the caller to format. */
  amount: number;
  /** 'better' | 'worse' | 'same': for a class name beside the words, never instead of them. */
  tone: 'better' | 'worse' | 'same';
}

export function describeDifference(kind: DifferenceKind, delta: number): DifferenceText {
  if (delta === 0) return { key: 'scenarios.diff.same', amount: 0, tone: 'same' };
  const up = delta > 0;
  const amount = Math.abs(delta);
  if (kind === 'cost') return { key: up ? 'scenarios.diff.moneyMore' : 'scenarios.diff.moneyLess', amount, tone: up ? 'worse' : 'better' };
  if (kind === 'gain') return { key: up ? 'scenarios.diff.moneyBetter' : 'scenarios.diff.moneyWorse', amount, tone: up ? 'better' : 'worse' };
  return { key: up ? 'scenarios.diff.countMore' : 'scenarios.diff.countFewer', amount, tone: up ? 'worse' : 'better' };
}

/** A percentage typed as "2.5", "+3" or "-10" into whole basis points (250, 300, -1000); null when it doesn't read. */
export function readPercentBasisPoints(text: string): number | null {
  const m = /^([+\-−]?)(\d{1,6})(?:[.,](\d{1,2}))?\s*%?$/.exec(text.trim());
  if (!m) return null;
  const sign = m[1] === '-' || m[1] === '−' ? -1 : 1;
  const bp = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return sign * bp;
}
