import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { action, type Context, type CoverageEntry, fixed, scoped } from "./coverage-builders";
import {
  freshInvitation,
  freshMember,
  invitationElsewhere,
  invitations,
  memberships,
  rejoinMembers,
  restoreOwnership,
  subjectsNextRole,
} from "./member-resources";

const members = fixed("/settings/members");
const invitePage = ({ fresh }: Context) => `/invite/${fresh.token}`;
const onMembers = { ...scoped, state: memberships };

/** The organisation, members and invitation actions (see coverage-actions.ts for the others). */
export const MEMBER_ACTION_COVERAGE: Record<string, CoverageEntry> = {
  "action orgs/actions.ts#createOrganizationAction": action("any member", fixed("/orgs/new"), () => ({
    name: `Access new org ${uniqueSuffix()}`,
  })),
  // Switching to org A is what its members may do; org B's member is refused (and see the test).
  "action orgs/actions.ts#switchOrganizationAction": action(
    "any member",
    fixed("/servers"),
    ({ fx }) => ({ orgId: fx.orgId }),
    scoped,
  ),
  "action settings/members/invitation-actions.ts#createInvitationAction": action(
    "manage_members",
    members,
    () => ({ role: "viewer", expiresInDays: "7" }),
    { state: invitations },
  ),
  "action settings/members/invitation-actions.ts#revokeInvitationAction": action(
    "manage_members",
    members,
    ({ fresh }) => ({ invitationId: fresh.invitationId ?? "" }),
    { prepare: freshInvitation, state: invitations, ...scoped },
  ),
  "action settings/members/member-actions.ts#changeMemberRoleAction": action(
    "manage_members",
    members,
    ({ fx, fresh }) => ({ userId: fx.subject.userId, role: fresh.role ?? "" }),
    { prepare: subjectsNextRole, ...onMembers },
  ),
  "action settings/members/member-actions.ts#removeMemberAction": action(
    "manage_members",
    members,
    ({ fresh }) => ({ userId: fresh.userId ?? "" }),
    { prepare: freshMember, ...onMembers },
  ),
  "action settings/members/member-actions.ts#transferOwnershipAction": action(
    "transfer_ownership",
    members,
    ({ fx }) => ({ userId: fx.subject.userId }),
    { restore: restoreOwnership, ...onMembers },
  ),
  "action settings/members/member-actions.ts#leaveOrganizationAction": action(
    "any member but the owner",
    members,
    () => ({}),
    { restore: rejoinMembers, state: memberships },
  ),
  // The link is the authorisation: whoever holds one may use it, signed in (accept) or not (sign up).
  "action invite/[token]/actions.ts#acceptInvitationAction": action(
    "public",
    invitePage,
    ({ fresh }) => ({ token: fresh.token ?? "" }),
    { prepare: invitationElsewhere },
  ),
  "action invite/[token]/actions.ts#signUpWithInvitationAction": action(
    "public",
    invitePage,
    ({ fresh }) => ({
      token: fresh.token ?? "",
      name: "Invited access test",
      email: `invited-${uniqueSuffix()}@example.test`,
      password: "long-enough-password",
    }),
    { prepare: invitationElsewhere },
  ),
};
