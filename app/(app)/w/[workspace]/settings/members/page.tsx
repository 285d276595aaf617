import Link from "next/link";
import type { Role } from "@prisma/client";
import { InviteMemberForm, LeaveWorkspaceButton, RemoveMemberButton, RevokeInvitationButton, RoleSelect, TransferOwnershipForm } from "@/components/members/member-forms";
import { EmptyState, Panel } from "@/components/ui/card";
import { SettingsNav } from "@/components/workspaces/settings-nav";
import { requireWorkspaceMember } from "@/lib/auth/page-guard";
import { cheapestPlanAllowing, effectivePlan, limitOf, PLANS } from "@/lib/billing/plans";
import { countOf, formatDate, formatInteger } from "@/lib/format";
import { invitationStatus, listMembers, listOpenInvitations } from "@/lib/members/members";
import { ACTION_LABELS, ACTIONS, can, outranks, ROLE_LABELS, ROLES } from "@/lib/workspaces/permissions";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { workspace, role, user } = await requireWorkspaceMember(slug);
  const manage = can(role, "members.manage");
  const [members, invitations] = await Promise.all([listMembers(workspace.id), manage ? listOpenInvitations(workspace.id) : Promise.resolve([])]);
  const now = new Date();
  const pending = invitations.filter((invitation) => invitationStatus(invitation, now) === "pending").length;
  const plan = PLANS[effectivePlan(workspace, now)];
  const seats = limitOf(plan.id, "members");
  const seatsFull = members.length + pending >= seats;
  const more = cheapestPlanAllowing("members", members.length + pending + 1);
  const grantable = ROLES.filter((r) => !outranks(r, role));
  // Admins manage admins, members and viewers; owners manage everyone.
  const manages = (target: Role) => manage && !outranks(target, role);
  const label = (m: (typeof members)[number]) => (m.user.name ? `${m.user.name} (${m.user.email})` : m.user.email);

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-gray-900">Settings</h1>
        <SettingsNav slug={workspace.slug} />
      </div>

      <Panel
        title="Members"
        description={`${formatInteger(members.length)} of ${countOf(seats, "seat")} on the ${plan.name} plan${pending ? `, ${pending} more held by open invitations` : ""}.`}
        actions={<LeaveWorkspaceButton workspaceSlug={workspace.slug} workspaceName={workspace.name} />}
      >
        <TableScroll label="Members"><table className="min-w-full text-sm" data-testid="members-table">
            <thead>
              <tr className="border-b border-gray-200 text-left text-xs font-medium uppercase tracking-wide text-gray-500">
                <th className="py-2 pr-4">Member</th>
                <th className="py-2 pr-4">Role</th>
                <th className="py-2 pr-4">Joined</th>
                <th className="py-2" />
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {members.map((m) => {
                const self = m.user.id === user.id;
                return (
                  <tr key={m.user.id} data-testid="member-row">
                    <td className="py-3 pr-4">
                      <div className="font-medium text-gray-900">
                        {m.user.name ?? m.user.email}
                        {self ? <span className="ml-2 rounded bg-gray-100 px-1.5 py-0.5 text-xs font-normal text-gray-600">you</span> : null}
                      </div>
                      {m.user.name ? <div className="text-xs text-gray-500">{m.user.email}</div> : null}
                    </td>
                    <td className="py-3 pr-4">
                      {manages(m.role) ? (
                        <RoleSelect workspaceSlug={workspace.slug} userId={m.user.id} current={m.role} grantable={grantable} label={`Role of ${m.user.email}`} />
                      ) : (
                        <span className="text-gray-700">{ROLE_LABELS[m.role].name}</span>
                      )}
                    </td>
                    <td className="py-3 pr-4 text-gray-600">{formatDate(m.createdAt)}</td>
                    <td className="py-3 text-right">{!self && manages(m.role) ? <RemoveMemberButton workspaceSlug={workspace.slug} userId={m.user.id} who={m.user.email} /> : null}</td>
                  </tr>
                );
              })}
            </tbody>
          </table></TableScroll>
      </Panel>

      {manage ? (
        <Panel title="Invite people" description="They get a link to join with the role you choose; without an account they create one with the invited address.">
          {seatsFull ? (
            <p className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="seats-full">
              {seats === 1 ? `The ${plan.name} plan has one seat, and it is taken.` : `All ${countOf(seats, "seat")} are taken on the ${plan.name} plan.`}{" "}
              {more ? (
                can(role, "billing.manage") ? (
                  <Link href={`/w/${workspace.slug}/settings/billing`} className="font-medium underline">
                    {more.name} allows {more.limits.members} members →
                  </Link>
                ) : (
                  `${more.name} allows ${more.limits.members}; ask an owner to upgrade.`
                )
              ) : (
                "Withdraw an open invitation or remove a member to free one."
              )}
            </p>
          ) : (
            <InviteMemberForm workspaceSlug={workspace.slug} grantable={grantable} />
          )}
        </Panel>
      ) : null}

      {manage ? (
        <Panel title="Open invitations">
          {invitations.length === 0 ? (
            <EmptyState title="No open invitations">Invitations waiting for an answer appear here until they are accepted, withdrawn or expire.</EmptyState>
          ) : (
            <TableScroll label="Open invitations"><table className="min-w-full text-sm" data-testid="invitations-table">
              <thead>
                <tr className="border-b border-gray-200 text-left text-xs font-medium uppercase tracking-wide text-gray-500">
                  <th className="py-2 pr-4">E-mail</th>
                  <th className="py-2 pr-4">Role</th>
                  <th className="py-2 pr-4">Invited</th>
                  <th className="py-2 pr-4">Expires</th>
                  <th className="py-2" />
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {invitations.map((invitation) => {
                  const expired = invitationStatus(invitation, now) === "expired";
                  return (
                    <tr key={invitation.id} className={expired ? "text-gray-500" : ""}>
                      <td className="py-3 pr-4 font-medium">{invitation.email}</td>
                      <td className="py-3 pr-4">{ROLE_LABELS[invitation.role].name}</td>
                      <td className="py-3 pr-4">
                        {formatDate(invitation.createdAt)}
                        {invitation.invitedBy ? ` by ${invitation.invitedBy.name ?? invitation.invitedBy.email}` : ""}
                      </td>
                      <td className="py-3 pr-4">{expired ? "Expired — invite again" : formatDate(invitation.expiresAt)}</td>
                      <td className="py-3 text-right">
                        {!outranks(invitation.role, role) ? <RevokeInvitationButton workspaceSlug={workspace.slug} invitationId={invitation.id} email={invitation.email} /> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table></TableScroll>
          )}
        </Panel>
      ) : null}

      {role === "owner" && members.some((m) => m.user.id !== user.id && m.role !== "owner") ? (
        <Panel title="Transfer ownership" description="Hand the workspace to another member. You stay on as an admin. To share ownership instead, give them the Owner role above.">
          <TransferOwnershipForm
            workspaceSlug={workspace.slug}
            candidates={members.filter((m) => m.user.id !== user.id && m.role !== "owner").map((m) => ({ id: m.user.id, label: label(m) }))}
          />
        </Panel>
      ) : null}

      <Panel title="What each role can do" description={`Your role: ${ROLE_LABELS[role].name}. The server checks the same table for every page, form and API call.`}>
        <TableScroll label="What each role can do"><table className="min-w-full text-sm" data-testid="roles-table">
            <thead>
              <tr className="border-b border-gray-200 text-xs font-medium uppercase tracking-wide text-gray-500">
                <th className="py-2 pr-4 text-left">Action</th>
                {ROLES.map((r) => (
                  <th key={r} className="px-3 py-2 text-center" title={ROLE_LABELS[r].summary}>
                    {ROLE_LABELS[r].name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {ACTIONS.map((action) => (
                <tr key={action}>
                  <td className="py-2 pr-4 text-gray-700">{ACTION_LABELS[action]}</td>
                  {ROLES.map((r) => (
                    <td key={r} className="px-3 py-2 text-center">
                      {can(r, action) ? (
                        <span className="text-emerald-600" aria-label="allowed">
                          ✓
                        </span>
                      ) : (
                        <span className="text-gray-300" aria-label="not allowed">
                          —
                        </span>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table></TableScroll>
      </Panel>
    </div>
  );
}
