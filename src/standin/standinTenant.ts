// The tenant the stand-in plays: one app registration (the add-in's, with its API scope and a
// client secret), its users, and the shared mailbox the command line drafts in. The values are
// the stand-in's own, made up, and known to the tests; none is a real secret.

export interface StandinUser {
  /** Entra object id. */
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string;
}

export interface StandinTenant {
  readonly tenantId: string;
  /** The add-in's app registration. */
  readonly clientId: string;
  /** Its client secret (the stand-in's own; RELANCES_STANDIN_SECRET to choose another). */
  readonly clientSecret: string;
  /** Users, the shared mailbox among them (its UPN is RELANCES_MAILBOX). */
  readonly users: readonly StandinUser[];
}

export const STANDIN_TENANT_ID = "5f1c2a7e-3b8d-4e61-9a0c-7d2e8b4f6a13";
export const STANDIN_CLIENT_ID = "0c7e4d92-61a5-4b3f-8e27-c9a1f05d3b68";
export const STANDIN_USER: StandinUser = {
  id: "8a3f6c1e-52d7-4b90-a4e8-1f6b2c9d7e05",
  userPrincipalName: "claire.martin@cabinet-exemple.fr",
  displayName: "Claire Martin",
};
export const STANDIN_SHARED_MAILBOX: StandinUser = {
  id: "2d9b7e40-8c13-4f5a-b6e1-93a0c4d8f271",
  userPrincipalName: "relances@cabinet-exemple.fr",
  displayName: "Relances clients",
};

/** The stand-in's tenant, its secret from RELANCES_STANDIN_SECRET when set. */
export function standinTenant(env: Readonly<Record<string, string | undefined>> = {}): StandinTenant {
  return {
    tenantId: STANDIN_TENANT_ID,
    clientId: STANDIN_CLIENT_ID,
    clientSecret: env.RELANCES_STANDIN_SECRET || "secret-du-banc-d-essai-pas-pour-la-production",
    users: [STANDIN_USER, STANDIN_SHARED_MAILBOX],
  };
}

/** A user by id or user principal name (case-insensitive, as Graph matches them). */
export function findUser(tenant: StandinTenant, idOrUpn: string): StandinUser | undefined {
  const wanted = idOrUpn.toLowerCase();
  return tenant.users.find((u) => u.id === wanted || u.userPrincipalName.toLowerCase() === wanted);
}
