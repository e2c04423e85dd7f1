import "server-only";

/**
 * Runs `round` now and every `intervalMs` in this process, never two at once; a failed round is
 * logged under `name` and tried again at the next tick. Returns a stop function. The background
 * loops of instrumentation.ts (the mailer, the daily digest) are built on it.
 */
export function startRounds(name: string, intervalMs: number, round: () => Promise<void>): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await round();
    } catch (error) {
      console.error(`[${name}] round failed; retried next round:`, error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
