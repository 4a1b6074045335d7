/**
 * Axis ticks for a chart of minutes a week, at even whole hours: 0 h, 10 h, 20 h, 30 h, 40 h. Recharts' own
 * ticks are even in minutes (every 500 min), which read as "16 h 40 min" and "33 h 20 min" once worded as hours.
 * The last tick is at or above the largest value, so every bar ends inside the axis; about five ticks in all.
 */
const STEPS_IN_HOURS = [1, 2, 5, 10, 20, 25, 50];

export function hourTicks(largestMinutes: number, tickCount = 5): number[] {
  const hours = Math.max(0, largestMinutes) / 60;
  const wanted = hours / Math.max(1, tickCount - 1);
  let step = STEPS_IN_HOURS.find((s) => s >= wanted);
  // Beyond the table (more than 200 hours a week) the steps go on in tens of the table's last ones.
  for (let scale = 10; step === undefined; scale *= 10) step = STEPS_IN_HOURS.map((s) => s * scale).find((s) => s >= wanted);
  const last = Math.max(step, Math.ceil(hours / step) * step);
  const ticks: number[] = [];
  for (let h = 0; h <= last; h += step) ticks.push(h * 60);
  return ticks;
}
