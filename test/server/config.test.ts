// The server's configuration from the environment: Microsoft 365 configured only with tenant,
// client id and secret; the defaults of SPEC section 9; a wrong value named, never the secret.
import { describe, expect, it } from "vitest";
import { EXIT_USAGE, runCli } from "../../src/cli/relances";
import { ConfigError, microsoft365Status, readServerConfig } from "../../src/server/config";

const TENANT = "5f1c2a7e-3b8d-4e61-9a0c-7d2e8b4f6a13";
const CLIENT = "0c7e4d92-61a5-4b3f-8e27-c9a1f05d3b68";
const SECRET = "Xy8Q~secret-de-test.pas-un-vrai";
const M365 = { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_SECRET: SECRET };

function refusal(env: Record<string, string>): ConfigError {
  try {
    readServerConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("accepted");
}

describe("the server's configuration", () => {
  it("works without Microsoft 365, with SPEC's defaults", () => {
    const config = readServerConfig({});
    expect(config).toEqual({
      port: 3000,
      graphBaseUrl: "https://graph.microsoft.com",
      authorityHost: "https://login.microsoftonline.com",
      mailbox: undefined,
      rateLimitPerMinute: 600,
      microsoft365: undefined,
      missing: [],
    });
    expect(microsoft365Status(config)).toMatch(/^Microsoft 365 : non configuré .* \/ not configured/);
  });

  it("is configured with tenant, client id and secret: the allow-list is the tenant, the scope on api://localhost:3000/<client id>", () => {
    const config = readServerConfig({ ...M365, RELANCES_MAILBOX: "relances@cabinet-exemple.fr", PORT: "3443" });
    expect(config.port).toBe(3443);
    expect(config.mailbox).toBe("relances@cabinet-exemple.fr");
    expect(config.microsoft365).toEqual({
      tenantId: TENANT,
      clientId: CLIENT,
      clientSecret: SECRET,
      allowedTenants: [TENANT],
      appIdUri: `api://localhost:3000/${CLIENT}`,
      apiScope: `api://localhost:3000/${CLIENT}/access_as_user`,
    });
    expect(microsoft365Status(config)).toContain(`configuré / configured (locataire / tenant ${TENANT}, application ${CLIENT}`);
    expect(microsoft365Status(config)).not.toContain(SECRET);
  });

  it("takes another allow-list, Application ID URI, authority and Graph from their variables", () => {
    const other = "11111111-2222-4333-8444-555555555555";
    const config = readServerConfig({
      ...M365,
      AZURE_ALLOWED_TENANTS: `${TENANT}, ${other.toUpperCase()}`,
      AZURE_APP_ID_URI: `api://relances.cabinet-exemple.fr/${CLIENT}/`,
      AUTHORITY_HOST: "https://localhost:4040/",
      GRAPH_BASE_URL: "https://localhost:4040",
    });
    expect(config.microsoft365?.allowedTenants).toEqual([TENANT, other]);
    expect(config.microsoft365?.apiScope).toBe(`api://relances.cabinet-exemple.fr/${CLIENT}/access_as_user`);
    expect(config.authorityHost).toBe("https://localhost:4040");
    expect(config.graphBaseUrl).toBe("https://localhost:4040");
  });

  it("is not configured while a variable is missing, and says which", () => {
    const config = readServerConfig({ AZURE_TENANT_ID: TENANT, AZURE_CLIENT_SECRET: SECRET });
    expect(config.microsoft365).toBeUndefined();
    expect(config.missing).toEqual(["AZURE_CLIENT_ID"]);
    expect(microsoft365Status(config)).toContain("il manque AZURE_CLIENT_ID");
    expect(microsoft365Status(config)).not.toContain(SECRET);
  });

  it("names the variable of a wrong value, French then English", () => {
    expect(refusal({ PORT: "http" }).message).toBe('PORT invalide : « http » (un nombre de 0 à 65535). / Invalid PORT: "http" (a number from 0 to 65535).');
    expect(refusal({ PORT: "70000" }).variable).toBe("PORT");
    expect(refusal({ ...M365, AZURE_TENANT_ID: "contoso.onmicrosoft.com" }).variable).toBe("AZURE_TENANT_ID");
    expect(refusal({ ...M365, AZURE_CLIENT_ID: "relances" }).variable).toBe("AZURE_CLIENT_ID");
    expect(refusal({ ...M365, AZURE_ALLOWED_TENANTS: "tous" }).variable).toBe("AZURE_ALLOWED_TENANTS");
    expect(refusal({ AUTHORITY_HOST: "http://login.microsoftonline.com" }).variable).toBe("AUTHORITY_HOST");
    expect(refusal({ AUTHORITY_HOST: `https://login.microsoftonline.com/${TENANT}` }).message).toContain("sans chemin");
    expect(refusal({ GRAPH_BASE_URL: "https://graph.microsoft.com/v1.0" }).variable).toBe("GRAPH_BASE_URL");
    expect(refusal({ RELANCES_MAILBOX: "relances" }).variable).toBe("RELANCES_MAILBOX");
    expect(refusal({ RELANCES_API_RATE_LIMIT: "0" }).variable).toBe("RELANCES_API_RATE_LIMIT");
    expect(refusal({ ...M365, AZURE_APP_ID_URI: "localhost:3000" }).variable).toBe("AZURE_APP_ID_URI");
  });

  it("never quotes the secret, even when it is what is wrong", () => {
    const error = refusal({ ...M365, AZURE_CLIENT_SECRET: "   " });
    expect(error.variable).toBe("AZURE_CLIENT_SECRET");
    expect(error.message).toBe("AZURE_CLIENT_SECRET invalide : ne contient que des espaces. / Invalid AZURE_CLIENT_SECRET: holds only spaces.");
    // Other refusals with the secret set do not carry it either.
    expect(refusal({ ...M365, AZURE_TENANT_ID: "x" }).message).not.toContain(SECRET);
  });

  it("stops relances serve before it starts, naming the variable and not the secret", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), env: { ...M365, AZURE_CLIENT_ID: "mon-appli" } };
    expect(await runCli(["serve"], io)).toBe(EXIT_USAGE);
    expect(err.join("")).toContain("AZURE_CLIENT_ID invalide : « mon-appli »");
    expect([...out, ...err].join("")).not.toContain(SECRET);
  });
});
