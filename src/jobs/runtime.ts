/** State of the background-job runtime in this process, for /api/health. */
export async function jobQueueHealth(): Promise<"ok" | "down" | "disabled"> {
  throw new Error("jobQueueHealth: not implemented yet");
}
