// Runs once per server process: the periodic jobs (deemed acceptances falling due, outbox
// delivery) start here, in the Node runtime only.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startBackgroundJobs } = await import("./server/jobs");
    startBackgroundJobs();
  }
}
