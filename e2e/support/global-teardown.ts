export default async function globalTeardown(): Promise<void> {
  const stop = (globalThis as { __e2eStop?: () => Promise<void> }).__e2eStop;
  if (stop) await stop();
}
