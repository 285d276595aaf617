import Link from "next/link";
import { CreateCreatorForm } from "@/components/creators/create-creator-form";
import { ImportCreatorsForm } from "@/components/creators/import-creators-form";
import { RosterTable } from "@/components/creators/roster-table";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, Panel } from "@/components/ui/card";
import { requireWorkspaceMember } from "@/lib/auth/page-guard";
import { listCreators } from "@/lib/creators/queries";
import { rosterOptions, rosterQuery } from "@/lib/creators/roster-options";
import { can } from "@/lib/workspaces/permissions";

export const metadata = { title: "Creators" };

export default async function CreatorsPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<{ q?: string | string[]; sort?: string | string[]; view?: string | string[] }>;
}) {
  const { workspace: slug } = await params;
  const options = rosterOptions(await searchParams);
  const { workspace, role } = await requireWorkspaceMember(slug);
  const creators = await listCreators(workspace.id, options);
  const canWrite = can(role, "creators.write");
  const base = `/w/${workspace.slug}/creators`;
  const searching = options.q !== "";

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-gray-900">Creators</h1>
          <p className="mt-1 text-sm text-gray-500">The people you partner with, their accounts and audience sizes — the baseline every click is measured against.</p>
        </div>
        <div className="flex gap-2">
          <a href={`${base}/export${rosterQuery(options)}`} className={buttonClass("secondary")} download>
            Export CSV
          </a>
          {canWrite ? (
            <a href={`${base}#add-creator`} className={buttonClass("primary")}>
              Add creator
            </a>
          ) : null}
        </div>
      </div>

      <Panel
        title={options.archived ? "Archived creators" : "Roster"}
        description={
          options.archived
            ? "Archived creators are hidden from the roster and pickers; their links and history are kept."
            : `${creators.length.toLocaleString("en-US")} ${creators.length === 1 ? "creator" : "creators"}${searching ? ` matching “${options.q}”` : ""}`
        }
        actions={
          <Link href={`${base}${rosterQuery({ ...options, archived: !options.archived })}`} className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
            {options.archived ? "← Active creators" : "Archived"}
          </Link>
        }
      >
        <form method="get" action={base} role="search" className="mb-4 flex flex-wrap items-center gap-2">
          {options.archived ? <input type="hidden" name="view" value="archived" /> : null}
          {options.sort !== "name" ? <input type="hidden" name="sort" value={options.sort} /> : null}
          <label htmlFor="roster-search" className="sr-only">
            Search creators
          </label>
          <input
            id="roster-search"
            name="q"
            type="search"
            defaultValue={options.q}
            placeholder="Search by name or handle"
            className="block w-full rounded-md sm:w-72 border-0 bg-white px-3 py-2 text-sm text-gray-900 shadow-sm ring-1 ring-inset ring-gray-300 placeholder:text-gray-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 focus:outline-none"
          />
          <button type="submit" className={buttonClass("secondary")}>
            Search
          </button>
          {searching ? (
            <Link href={`${base}${rosterQuery({ ...options, q: "" })}`} className="text-sm text-gray-500 hover:text-gray-700">
              Clear
            </Link>
          ) : null}
        </form>
        {creators.length > 0 ? (
          <RosterTable workspaceSlug={workspace.slug} creators={creators} options={options} />
        ) : searching ? (
          <EmptyState title="No creators match">Nobody’s name or handle contains “{options.q}”. Try part of a name, or a handle without the @.</EmptyState>
        ) : options.archived ? (
          <EmptyState title="No archived creators">Creators you archive from their profile show up here, with their links and history.</EmptyState>
        ) : (
          <EmptyState title="No creators yet">
            {canWrite ? (
              <>
                Add the creators you work with — each with the accounts they post on and their follower counts — using the form below, or import them all at once from a
                spreadsheet. Then give each one a tracked link and compare what their audiences actually do.
              </>
            ) : (
              <>No one has added creators to this workspace yet.</>
            )}
          </EmptyState>
        )}
      </Panel>

      {canWrite && !options.archived ? (
        <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
          <div id="add-creator" className="scroll-mt-6">
            <Panel title="Add a creator" description="Name and at least one account. You can add more accounts on the profile later.">
              <CreateCreatorForm workspaceSlug={workspace.slug} />
            </Panel>
          </div>
          <Panel title="Import from CSV" description="Add or update many creators at once from a spreadsheet.">
            <ImportCreatorsForm workspaceSlug={workspace.slug} />
          </Panel>
        </div>
      ) : null}
    </div>
  );
}
