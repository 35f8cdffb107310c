// Runs once per server process: the durable background jobs (server/jobs) start here, in the
// Node runtime only.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startJobs } = await import("./server/jobs/start");
    await startJobs();
  }
}
