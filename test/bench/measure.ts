/**
 * Timing and memory for the bench: wall-clock samples with performance.now(), summarised as median and
 * 95th percentile; memory as the process's peak resident set (the kernel's maxRSS) and the largest V8
 * heap seen at the sample points.
 */
export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
}

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
  const mid = sorted.length / 2;
  const median = sorted.length === 0 ? Number.NaN : sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { runs: sorted.length, medianMs: median, p95Ms: at(0.95), minMs: sorted[0] ?? Number.NaN };
}

/** Run `fn` `warmUp` times untimed, then `runs` times timed. */
export function timeRuns(fn: () => unknown, runs: number, warmUp = Math.min(5, runs)): Timing {
  for (let i = 0; i < warmUp; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

export async function timeRunsAsync(fn: () => Promise<unknown>, runs: number, warmUp = 1): Promise<Timing> {
  for (let i = 0; i < warmUp; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

export async function timeOnce<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

/**
 * The largest heap seen at the points `sample()` is called, and the kernel's peak RSS for the process.
 * With MAPIO_BENCH_MEMORY_TRACE=1, `phase(name)` prints one line to stderr per phase: the resident set,
 * the kernel's peak so far, the V8 heap in use, and the memory outside the heap (external, array buffers).
 */
export class MemoryPeak {
  private heapBytes = 0;
  private readonly trace = process.env.MAPIO_BENCH_MEMORY_TRACE === '1';
  sample(): void {
    const { heapUsed } = process.memoryUsage();
    if (heapUsed > this.heapBytes) this.heapBytes = heapUsed;
  }
  /** A sample at the end of a phase of the scenario, traced when asked for. */
  phase(name: string): void {
    this.sample();
    if (!this.trace) return;
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
    const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)}`.padStart(4);
    const peak = mb(process.resourceUsage().maxRSS * 1024);
    process.stderr.write(`memory ${name.padEnd(28)} rss ${mb(rss)} MB (peak ${peak}), heap ${mb(heapUsed)} / ${mb(heapTotal)} MB, external ${mb(external)} MB, array buffers ${mb(arrayBuffers)} MB\n`);
  }
  /** Sample on a timer too (only catches gaps between synchronous work); stop() ends it. */
  every(ms: number): () => void {
    const timer = setInterval(() => this.sample(), ms);
    timer.unref();
    return () => clearInterval(timer);
  }
  result(): { peakRssMb: number; peakHeapMb: number } {
    this.sample();
    // resourceUsage().maxRSS is in kilobytes.
    return { peakRssMb: process.resourceUsage().maxRSS / 1024, peakHeapMb: this.heapBytes / 1024 / 1024 };
  }
}
