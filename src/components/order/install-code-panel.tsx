import { Card } from "@/components/ui/card";
import { Time } from "@/components/ui/time";

/** The install code as the customer reads it, with the ISO link and what to do next. */
export function InstallCodePanel(props: {
  code: string;
  expiresAt: string;
  downloadUrl: string;
  downloadUnavailableReason?: string;
  email: string;
}) {
  return (
    <Card className="p-6">
      <h2 className="text-lg font-semibold text-slate-900">Your install code</h2>
      <p className="mt-1 text-sm text-slate-600">
        It works once, until <Time value={props.expiresAt} /> UTC. We also emailed it to <span className="font-medium">{props.email}</span>.
      </p>
      <p data-testid="install-code" className="my-5 select-all break-all rounded-md bg-slate-900 px-4 py-4 text-center font-mono text-2xl tracking-widest text-white sm:text-3xl">
        {props.code}
      </p>
      <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
        <li>
          {props.downloadUrl ? (
            <a href={props.downloadUrl} className="font-medium text-indigo-700 hover:underline">Download the appliance ISO</a>
          ) : (
            <span>
              Download the appliance ISO: <span className="text-slate-500">{props.downloadUnavailableReason ?? "no link is available"}; the email says how to get it.</span>
            </span>
          )}
        </li>
        <li>Boot it on the machine that becomes your appliance.</li>
        <li>Enter the install code in the setup screen; the appliance registers itself.</li>
      </ol>
    </Card>
  );
}
