import Link from "next/link";
import { nodeHref } from "@/components/cp/provisioning/job-facts";

type TResult = Record<string, unknown>;

const linkClass = "text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600";

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const obj = (v: unknown): TResult | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as TResult) : null);
/** Only web addresses become links; anything else a step reported stays text. */
const webUrl = (v: unknown): string | null => {
  const s = str(v);
  return s && /^https?:\/\//i.test(s) ? s : null;
};

function External({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className={`inline-flex items-center gap-1 font-medium break-all ${linkClass}`}>
      {children}
      <span aria-hidden>↗</span>
      <span className="sr-only">(opens in a new tab)</span>
    </a>
  );
}

function JobLink({ id }: { id: string }) {
  return <Link href={`/cp/jobs/${id}`} className={`font-mono text-xs ${linkClass}`}>{id}</Link>;
}

function NodeLink({ id }: { id: string }) {
  return <Link href={nodeHref(id)} className={`font-mono text-xs ${linkClass}`}>{id}</Link>;
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <li className="flex flex-wrap items-baseline gap-x-2">
      <span className="text-xs font-medium text-slate-500">{label}</span>
      <span className="min-w-0 break-words">{children}</span>
    </li>
  );
}

function CreatePlatform({ r }: { r: TResult }) {
  const placement = obj(r.placement);
  const target = str(placement?.target_server_id);
  return (
    <>
      {str(r.canonical_hostname) ? <Row label="Address"><span className="font-mono text-xs">{str(r.canonical_hostname)}</span></Row> : null}
      {placement ? (
        <Row label="Placement">
          {target ? <>on node <NodeLink id={target} /></> : placement.dedicated ? "a dedicated stack on a new server" : "a new shared server"}
        </Row>
      ) : null}
    </>
  );
}

function ProvisionInfra({ r }: { r: TResult }) {
  const job = str(r.job_id);
  const retryOf = str(r.retry_of_job_id);
  const node = str(obj(r.outputs)?.node_id);
  return (
    <>
      {job ? (
        <Row label="Provision job">
          <JobLink id={job} />
          {num(r.attempt) ? <span className="text-slate-500"> · attempt {num(r.attempt)}</span> : null}
          {retryOf ? <span className="text-slate-500"> · retry of <JobLink id={retryOf} /></span> : null}
        </Row>
      ) : null}
      {node ? <Row label="Node"><NodeLink id={node} /></Row> : null}
    </>
  );
}

function SetupRepo({ r }: { r: TResult }) {
  const repo = str(r.repo);
  const url = webUrl(r.url);
  if (!repo) return null;
  return (
    <>
      <Row label="Repository">
        {url ? <External href={url}>{repo}</External> : <span className="font-mono text-xs">{repo}</span>}
        {r.already_existed === true ? <span className="text-slate-500"> (already there from an earlier attempt)</span> : null}
      </Row>
      {str(r.template) ? (
        <Row label="From template">
          <span className="font-mono text-xs">{str(r.template)}</span>
          {str(r.default_branch) ? <span className="text-slate-500"> · branch {str(r.default_branch)}</span> : null}
        </Row>
      ) : null}
    </>
  );
}

function DeployServices({ r }: { r: TResult }) {
  const runUrl = webUrl(r.run_url);
  const deployed = webUrl(r.deployed_url);
  const workflow = str(r.workflow);
  return (
    <>
      {workflow ? (
        <Row label="Workflow">
          {runUrl ? <External href={runUrl}>{`${workflow} run ${str(r.run_id) ?? num(r.run_id) ?? ""}`.trim()}</External> : <span className="font-mono text-xs">{workflow}</span>}
          {str(r.repo) ? <span className="text-slate-500"> in {str(r.repo)}</span> : null}
        </Row>
      ) : null}
      {deployed ? <Row label="Deployed at"><External href={deployed}>{deployed}</External></Row> : null}
      {str(r.message) ? <Row label="Message">{str(r.message)}</Row> : null}
    </>
  );
}

function Verify({ r }: { r: TResult }) {
  const health = obj(r.health);
  const job = str(r.job_id);
  const node = str(r.node_id);
  return (
    <>
      {str(r.tenant_status) ? (
        <Row label="Checked">
          tenant {str(r.tenant_status)}
          {node ? <> · node <NodeLink id={node} /></> : " · no node"}
          {job ? <> · job <JobLink id={job} /> {str(r.job_status)}</> : null}
        </Row>
      ) : null}
      {health ? (
        <Row label="Health check">
          {str(health.skipped) ? (
            <span className="text-slate-500">not run: {str(health.skipped)}</span>
          ) : (
            <>
              <span className="font-mono text-xs break-all">GET {str(health.url)}</span>
              {num(health.status_code) ? <span> → {num(health.status_code)}</span> : null}
            </>
          )}
        </Row>
      ) : null}
    </>
  );
}

function readable(stepKey: string, r: TResult): React.ReactNode {
  switch (stepKey) {
    case "create_platform":
      return <CreatePlatform r={r} />;
    case "provision_infra":
      return <ProvisionInfra r={r} />;
    case "setup_repo":
      return <SetupRepo r={r} />;
    case "deploy_services":
      return <DeployServices r={r} />;
    case "verify":
      return <Verify r={r} />;
    default:
      return null;
  }
}

/**
 * What a step reported, read out: links to the job, node, repository or
 * workflow run, a skipped step's reason; every field stays one click away.
 */
export function StepResult({ stepKey, status, result }: { stepKey: string; status: string; result: TResult | null }) {
  if (!result || Object.keys(result).length === 0) return null;
  const reason = str(result.reason);
  const rows = readable(stepKey, result);
  return (
    <div className="mt-2">
      {status === "skipped" && reason ? (
        <p className="text-sm text-slate-600" data-testid="step-skipped-reason">
          <span className="font-medium text-slate-700">Skipped:</span> {reason}
        </p>
      ) : rows ? (
        <ul className="space-y-1 text-sm text-slate-700">{rows}</ul>
      ) : null}
      <details className="mt-1.5">
        <summary className="cursor-pointer select-none text-xs font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
          Result <span className="font-normal text-slate-500">({Object.keys(result).join(", ")})</span>
        </summary>
        <pre className="mt-2 max-h-80 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100">
          {JSON.stringify(result, null, 2)}
        </pre>
      </details>
    </div>
  );
}
