// The API's log lines: named fields, and a last scrub that masks anything shaped like a JWT and
// the secrets it is given, wherever a library's message put them.
import { describe, expect, it } from "vitest";
import { apiLog, scrub } from "../../../src/server/api/apiLog";

describe("the API's log", () => {
  it("writes one line of named fields, quoting values with spaces", () => {
    const lines: string[] = [];
    apiLog((level, line) => lines.push(`${level}|${line}`)).warn("token_refused", { reason: "aud", path: "/api/me", detail: "a b", none: undefined });
    expect(lines).toEqual(['warn|warn token_refused reason=aud path=/api/me detail="a b"']);
  });

  it("masks a JWT and the secrets it is given, before quoting (a secret with a quote in it too)", () => {
    const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
    expect(scrub(`assertion=${jwt} then`, [])).toBe("assertion=*** then");
    const lines: string[] = [];
    apiLog((_level, line) => lines.push(line), ["s3cr3t-valeur"]).error("msal", { detail: `client_secret=s3cr3t-valeur&assertion=${jwt}` });
    expect(lines).toEqual(['error msal detail="client_secret=***&assertion=***"']);
    const quoted: string[] = [];
    apiLog((_level, line) => quoted.push(line), ['a"b\\c-secret']).warn("x", { detail: 'secret: a"b\\c-secret' });
    expect(quoted).toEqual(['warn x detail="secret: ***"']);
  });
});
