import type { Metadata } from "next";
import { loadApiReference } from "~/features/reference/openapi";
import { RouteReference, routeAnchor } from "~/features/reference/route-reference";

export const metadata: Metadata = { title: "Legacy API reference" };

/** Rendered on the server from the API server's OpenAPI document: no client JavaScript of its own. */
export default async function ReferencePage() {
  const reference = await loadApiReference();
  return (
    <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
      <nav aria-label="Routes" className="lg:sticky lg:top-4 lg:self-start">
        <h1 className="mb-2 text-xl font-semibold">{reference.title}</h1>
        <ul className="flex flex-col gap-1 text-sm">
          {reference.routes.map((route) => (
            <li key={route.path}>
              <a href={`#${routeAnchor(route.path)}`} className="text-indigo-700 hover:underline">
                {route.summary}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="flex flex-col gap-6">
        {reference.routes.map((route) => (
          <RouteReference key={route.path} route={route} />
        ))}
      </div>
    </div>
  );
}
