import Link from "next/link";

/** The brand, and who is signed in with a way out. */
export function WizardHeader(props: { email: string | null; onSignOut: () => void }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="flex items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-indigo-600 text-sm font-bold text-white">
            E
          </span>
          <span className="text-lg font-semibold tracking-tight text-slate-900">Embark</span>
        </Link>
        {props.email ? (
          <div className="flex min-w-0 items-center gap-3 text-sm">
            <span className="hidden min-w-0 truncate text-slate-500 sm:inline" data-testid="signed-in-as">
              {props.email}
            </span>
            <button
              type="button"
              onClick={props.onSignOut}
              className="shrink-0 rounded-md px-2 py-1 font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            >
              Sign out
            </button>
          </div>
        ) : null}
      </div>
    </header>
  );
}
