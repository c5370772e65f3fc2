/** One legacy route, laid out like the seed's reference pages: purpose, parameters, responses. */
import type { ParameterDoc, RouteDoc, StatusDoc } from "./openapi";

export const routeAnchor = (path: string) => path.replace(/^\/api\/v1\//, "").replace(/\W+/g, "-");

function ParameterRow({ parameter, oneOf }: { parameter: ParameterDoc; oneOf: string[] }) {
  const requirement = parameter.required ? "required" : oneOf.includes(parameter.name) ? `required: ${oneOf.join(" or ")}` : null;
  return (
    <tr className="align-top">
      <th scope="row" className="py-2 pr-3 text-left font-mono text-sm font-medium">
        {parameter.name}
      </th>
      <td className="py-2 pr-3 text-sm text-slate-600">{parameter.type}</td>
      <td className="py-2 pr-3 text-xs font-semibold text-rose-700">{requirement}</td>
      <td className="py-2 text-sm">
        {parameter.description}
        {parameter.setByServer ? <span className="ml-1 text-xs text-slate-500">(set by the server)</span> : null}
        {parameter.spelling ? <span className="block text-xs text-slate-500">Format: {parameter.spelling}</span> : null}
        {parameter.possibleValues.length > 0 ? (
          <span className="block text-xs text-slate-600">
            Possible values:{" "}
            {parameter.possibleValues.map((value) => (
              <code key={value} className="mr-1 rounded bg-slate-100 px-1">
                {value}
              </code>
            ))}
          </span>
        ) : null}
      </td>
    </tr>
  );
}

function StatusTable({ title, statuses }: { title: string; statuses: StatusDoc[] }) {
  if (statuses.length === 0) return null;
  return (
    <>
      <h4 className="mt-4 font-semibold">{title}</h4>
      <table className="mt-1 w-full">
        <tbody className="divide-y divide-slate-100">
          {statuses.map((status) => (
            <tr key={status.status} className="align-top">
              <th scope="row" className="py-2 pr-3 text-left font-mono text-sm font-medium">
                {status.status}
              </th>
              <td className="py-2 pr-3 text-sm text-slate-600">{status.uncommon ? "Uncommon" : status.http}</td>
              <td className="py-2 text-sm">{status.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function RouteReference({ route }: { route: RouteDoc }) {
  return (
    <section id={routeAnchor(route.path)} aria-labelledby={`${routeAnchor(route.path)}-title`} className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id={`${routeAnchor(route.path)}-title`} className="text-lg font-semibold">
        {route.summary}
      </h2>
      <p className="font-mono text-sm text-indigo-700">POST {route.path}</p>
      <h3 className="mt-3 font-semibold">Purpose</h3>
      <p className="text-sm text-slate-700">{route.description}</p>
      <h3 className="mt-4 font-semibold">Parameters</h3>
      <table className="mt-1 w-full">
        <thead className="sr-only">
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Required</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {route.parameters.map((parameter) => (
            <ParameterRow key={parameter.name} parameter={parameter} oneOf={route.oneOf} />
          ))}
        </tbody>
      </table>
      <h3 className="mt-4 font-semibold">Responses</h3>
      <StatusTable title="Common" statuses={route.statuses.filter((status) => !status.uncommon)} />
      <StatusTable title="Uncommon Responses" statuses={route.statuses.filter((status) => status.uncommon)} />
    </section>
  );
}
