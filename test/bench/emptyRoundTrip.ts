/**
 * The empty round trip as a page times it: `app.info` through the transport the client uses (fetch with
 * the launch's secret, JSON both ways), three untimed, then `count` timed; each answer checked. The floor
 * an edit's time on screen is set beside. Plain JavaScript in a string, an expression whose value is the
 * timings: tsx would wrap a TypeScript function's inner names in a helper the page lacks.
 */
export function emptyRoundTripsInPage(count: number): string {
  return `(async () => {
  const secret = sessionStorage.getItem('mapio.secret') || '';
  const once = async () => {
    const response = await fetch('/api/app.info', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Mapio-Secret': secret }, body: '{}', credentials: 'omit', cache: 'no-store' });
    const info = await response.json();
    if (!response.ok || typeof info.version !== 'string') throw new Error("app.info did not answer with the app's version");
  };
  for (let i = 0; i < 3; i++) await once();
  const samples = [];
  for (let i = 0; i < ${Number(count)}; i++) {
    const started = performance.now();
    await once();
    samples.push(performance.now() - started);
  }
  return samples;
})()`;
}
