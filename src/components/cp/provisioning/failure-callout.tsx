/**
 * The red box at the top of a page whose run failed: where it failed, the
 * message, and a line of context beneath.
 */
export function FailureCallout({
  title,
  message,
  footer,
  testId,
}: {
  title: React.ReactNode;
  message: string;
  footer?: React.ReactNode;
  testId?: string;
}) {
  return (
    <section aria-label="Failure" className="mb-6 flex gap-3 rounded-lg border border-rose-200 bg-rose-50 px-5 py-4" data-testid={testId}>
      <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 h-5 w-5 shrink-0 text-rose-600">
        <path fillRule="evenodd" d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z" clipRule="evenodd" />
      </svg>
      <div className="min-w-0">
        <h2 className="font-semibold text-rose-900">{title}</h2>
        <p className="mt-1 break-words text-sm text-rose-800">{message}</p>
        {footer ? <p className="mt-1 text-xs text-rose-700/80">{footer}</p> : null}
      </div>
    </section>
  );
}
