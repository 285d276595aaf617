import Link from "next/link";
import { Logo } from "@/components/ui/logo";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { Fields, Prose } from "@/components/api/reference-fields";
import { fieldRows, typeLabel, type Components, type JsonSchema } from "@/lib/api/reference";
import { SCOPES, SCOPE_NAMES } from "@/lib/api-keys/scopes";
import { currentLinkHosts } from "@/lib/links/request-hosts";

export const metadata = { title: "API reference" };

type Parameter = { name: string; in: string; required?: boolean; description?: string; schema: JsonSchema };
type DocOperation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: JsonSchema }> }>;
};
type Doc = { info: { description: string }; servers: { url: string }[]; paths: Record<string, Record<string, DocOperation>>; components: { schemas: Components } };

const METHOD_STYLE: Record<string, string> = {
  get: "bg-sky-50 text-sky-700 ring-sky-200",
  post: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  patch: "bg-amber-50 text-amber-800 ring-amber-200",
  delete: "bg-red-50 text-red-700 ring-red-200",
};

const anchor = (id: string) => id.replace(/[^a-zA-Z0-9]+/g, "-");

export default async function ApiReferencePage() {
  const hosts = await currentLinkHosts();
  const origin = new URL(hosts.shortOrigin).origin;
  // The library types every part of a document as "object or $ref"; this reads the one just built,
  // whose shape Doc spells out (and the contract tests hold it to).
  const doc = buildOpenApiDocument(`${origin}/api/v1`) as unknown as Doc;
  const components = doc.components.schemas;
  const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));
  const tags = [...new Set(operations.map((o) => o.op.tags[0] ?? "Other"))];

  return (
    <div className="min-h-screen bg-gray-50">
      <header className="border-b border-gray-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between px-4 py-4 sm:px-6">
          <Logo />
          <nav className="flex items-center gap-4 text-sm">
            <a href="/api/v1/openapi.json" className="font-medium text-indigo-600 hover:text-indigo-500">openapi.json</a>
            <Link href="/workspaces" className="text-gray-600 hover:text-gray-900">Dashboard</Link>
          </nav>
        </div>
      </header>
      <div className="mx-auto grid max-w-6xl gap-10 px-4 py-10 sm:px-6 lg:grid-cols-[200px_minmax(0,1fr)]">
        <nav aria-label="Endpoints" className="hidden lg:block">
          <div className="sticky top-6 space-y-5 text-sm">
            {tags.map((tag) => (
              <div key={tag}>
                <p className="font-semibold text-gray-900">{tag}</p>
                <ul className="mt-1.5 space-y-1">
                  {operations.filter((o) => o.op.tags[0] === tag).map(({ op }) => (
                    <li key={op.operationId}>
                      <a href={`#${anchor(op.operationId)}`} className="text-gray-600 hover:text-indigo-600">{op.summary}</a>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </nav>
        <main className="min-w-0 space-y-10">
          <section>
            <h1 className="text-3xl font-semibold tracking-tight text-gray-900">API reference</h1>
            <p className="mt-3 max-w-3xl text-sm leading-relaxed text-gray-600"><Prose text={doc.info.description} /></p>
            <dl className="mt-6 grid gap-4 sm:grid-cols-2">
              <div className="rounded-xl bg-white p-4 ring-1 ring-gray-200">
                <dt className="text-xs font-medium uppercase tracking-wide text-gray-500">Base URL</dt>
                <dd className="mt-1 font-mono text-sm text-gray-900">{doc.servers[0]?.url}</dd>
              </div>
              <div className="rounded-xl bg-white p-4 ring-1 ring-gray-200">
                <dt className="text-xs font-medium uppercase tracking-wide text-gray-500">Authentication</dt>
                <dd className="mt-1 font-mono text-sm text-gray-900">Authorization: Bearer cp_…</dd>
              </div>
            </dl>
            <div className="mt-6 rounded-xl bg-white p-4 ring-1 ring-gray-200">
              <h2 className="text-sm font-semibold text-gray-900">Scopes</h2>
              <p className="mt-1 text-xs text-gray-500">A key carries the scopes chosen when it was made (Settings &amp; API), never more than its creator&apos;s role allows.</p>
              <ul className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
                {SCOPE_NAMES.map((scope) => (
                  <li key={scope}>
                    <code className="font-mono text-xs text-gray-900">{scope}</code> <span className="text-gray-500">· {SCOPES[scope].label}</span>
                  </li>
                ))}
              </ul>
            </div>
          </section>

          {tags.map((tag) => (
            <section key={tag} aria-labelledby={`tag-${anchor(tag)}`} className="space-y-6">
              <h2 id={`tag-${anchor(tag)}`} className="text-xl font-semibold text-gray-900">{tag}</h2>
              {operations.filter((o) => o.op.tags[0] === tag).map(({ path, method, op }) => {
                const body = op.requestBody?.content["application/json"]?.schema;
                const params = op.parameters ?? [];
                return (
                  <article key={op.operationId} id={anchor(op.operationId)} className="scroll-mt-6 rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200" data-testid={`operation-${op.operationId}`}>
                    <div className="flex flex-wrap items-center gap-3">
                      <span className={`rounded-md px-2 py-0.5 font-mono text-xs font-semibold uppercase ring-1 ring-inset ${METHOD_STYLE[method] ?? ""}`}>{method}</span>
                      <code className="break-all font-mono text-sm font-medium text-gray-900">/api/v1{path}</code>
                    </div>
                    <h3 className="mt-3 font-semibold text-gray-900">{op.summary}</h3>
                    {op.description ? <p className="mt-1 whitespace-pre-line text-sm text-gray-600"><Prose text={op.description} /></p> : null}
                    {params.length > 0 ? (
                      <div className="mt-4">
                        <h4 className="text-xs font-semibold uppercase tracking-wide text-gray-500">Parameters</h4>
                        <Fields
                          label={`${op.summary}: parameters`}
                          rows={params.map((p) => ({ path: `${p.name}${p.in === "path" ? " (path)" : ""}`, type: typeLabel(p.schema, components), required: Boolean(p.required), notes: p.description ?? p.schema.description ?? "" }))}
                        />
                      </div>
                    ) : null}
                    {body ? (
                      <div className="mt-4">
                        <h4 className="text-xs font-semibold uppercase tracking-wide text-gray-500">Body (JSON)</h4>
                        <Fields label={`${op.summary}: body`} rows={fieldRows(body, components)} />
                      </div>
                    ) : null}
                    <div className="mt-4">
                      <h4 className="text-xs font-semibold uppercase tracking-wide text-gray-500">Answers</h4>
                      <ul className="mt-2 space-y-1 text-sm">
                        {Object.entries(op.responses).map(([status, answer]) => {
                          const schema = answer.content?.["application/json"]?.schema;
                          return (
                            <li key={status} className="flex gap-3">
                              <span className={`w-10 shrink-0 font-mono text-xs font-semibold ${status.startsWith("2") ? "text-emerald-700" : "text-gray-500"}`}>{status}</span>
                              <span className="text-gray-700">
                                <Prose text={answer.description} />
                                {schema && status.startsWith("2") ? <span className="ml-1 font-mono text-xs text-indigo-700">→ {typeLabel(schema, components)}</span> : null}
                              </span>
                            </li>
                          );
                        })}
                      </ul>
                    </div>
                  </article>
                );
              })}
            </section>
          ))}

          <section aria-labelledby="schemas" className="space-y-4">
            <h2 id="schemas" className="text-xl font-semibold text-gray-900">Schemas</h2>
            {Object.entries(components).map(([name, schema]) => (
              <article key={name} id={`schema-${name}`} className="rounded-xl bg-white p-5 ring-1 ring-gray-200">
                <h3 className="font-mono text-sm font-semibold text-gray-900">{name}</h3>
                {schema.description ? <p className="mt-1 text-sm text-gray-600">{schema.description}</p> : null}
                <Fields label={`${name} fields`} rows={fieldRows(schema, components)} />
                {!schema.properties ? <p className="mt-1 font-mono text-xs text-indigo-700">{typeLabel(schema, components)}</p> : null}
              </article>
            ))}
          </section>
        </main>
      </div>
    </div>
  );
}
