import Link from "next/link";

type Item = { slug: string; name: string };

/** A disclosure menu (no client JS): the current workspace, the others, and "create". */
export function WorkspaceSwitcher({ current, workspaces }: { current: Item; workspaces: Item[] }) {
  return (
    <details className="group relative min-w-0">
      <summary className="flex min-w-0 cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium text-gray-900 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-indigo-600 [&::-webkit-details-marker]:hidden">
        <span className="grid h-6 w-6 place-items-center rounded bg-gray-900 text-xs font-semibold text-white">
          {current.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="max-w-[8rem] truncate sm:max-w-[14rem]">{current.name}</span>
        <span className="sr-only">: switch workspace</span>
        <span aria-hidden className="text-gray-500 group-open:rotate-180">▾</span>
      </summary>
      <div className="absolute left-0 z-30 mt-1 hidden w-64 max-w-[calc(100vw-2rem)] rounded-lg group-open:block bg-white p-1 shadow-lg ring-1 ring-gray-200">
        <p className="px-3 pb-1 pt-2 text-xs font-medium uppercase tracking-wide text-gray-500">Workspaces</p>
        {workspaces.map((workspace) => (
          <Link
            key={workspace.slug}
            href={`/w/${workspace.slug}`}
            className={`flex items-center justify-between rounded-md px-3 py-2 text-sm hover:bg-gray-50 ${
              workspace.slug === current.slug ? "font-semibold text-gray-900" : "text-gray-700"
            }`}
          >
            {workspace.name}
            {workspace.slug === current.slug ? <span className="text-indigo-600">✓</span> : null}
          </Link>
        ))}
        <div className="my-1 border-t border-gray-100" />
        <Link href="/workspaces/new" className="block rounded-md px-3 py-2 text-sm text-indigo-600 hover:bg-gray-50">
          + Create workspace
        </Link>
      </div>
    </details>
  );
}
