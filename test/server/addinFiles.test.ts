// Which files of dist/ the add-in server serves, over real HTTPS: the add-in's pages, scripts,
// metadata and icons; never a source map, the command line or the benchmark; CORS headers only on
// the custom functions' script and metadata.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customFunctions, DIST, manifestUrls, ORIGIN, readManifest } from "../helpers/addin";
import { startTestServer, type TestServer } from "./addinServerClient";

/** Every file under dist/DIR, as URL paths ("/taskpane/taskpane.js"). */
function distFiles(dir = ""): string[] {
  const full = path.join(DIST, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    return entry.isDirectory() ? distFiles(relative) : [`/${relative}`];
  });
}

const manifestPath = (url: string) => url.slice(ORIGIN.length);

let test: TestServer;

beforeAll(async () => {
  test = await startTestServer();
});

afterAll(async () => {
  await test?.close();
});

describe("files served", () => {
  it("serves every file the build writes for the task pane, the functions and the icons, source maps aside", async () => {
    const files = ["taskpane", "functions", "assets"].flatMap((dir) => distFiles(dir)).filter((file) => !file.endsWith(".map"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect((await test.get(file)).status, file).toBe(200);
  });

  it("answers 404 for every source map, however its name is spelled", async () => {
    const maps = distFiles().filter((file) => file.endsWith(".map"));
    expect(maps).toEqual(expect.arrayContaining(["/taskpane/taskpane.js.map", "/functions/functions.js.map"]));
    for (const map of maps) {
      const reply = await test.get(map);
      expect(reply.status, map).toBe(404);
      expect(reply.body.toString("utf8"), map).not.toContain('"mappings"');
    }
    for (const spelling of ["/taskpane/taskpane.js.MAP", "/taskpane/taskpane.js.ma%70", "/taskpane/taskpane.js%2emap", "/TASKPANE/taskpane.js.map"]) {
      const reply = await test.get(spelling);
      expect(reply.status, spelling).toBe(404);
      expect(reply.body.toString("utf8"), spelling).not.toContain('"mappings"');
    }
  });

  it("answers 404 for the command line and the benchmark bundles, by any path", async () => {
    const bundles = [...distFiles("cli"), ...distFiles("bench")];
    expect(bundles).toContain("/cli/relances.js");
    for (const file of bundles) expect((await test.get(file)).status, file).toBe(404);
    for (const raw of ["/CLI/relances.js", "/taskpane/..%2fcli%2frelances.js", "/assets/%2e%2e/cli/relances.js", "/functions/../cli/relances.js"]) {
      const reply = await test.get(raw);
      expect([400, 403, 404], raw).toContain(reply.status);
      expect(reply.body.length < 1000 && !reply.body.toString("utf8").includes("relances"), raw).toBe(true);
    }
  });
});

describe("CORS", () => {
  const manifest = readManifest();
  const functions = customFunctions(manifest);
  const corsUrls = [functions.script, functions.metadata].flatMap((resource) => [resource.defaultValue, ...Object.values(resource.overrides)]);

  it("lets any origin read the custom functions' script and metadata, as Excel on the web does", async () => {
    expect(corsUrls.map(manifestPath).sort()).toEqual(["/functions/functions-fr.json", "/functions/functions.js", "/functions/functions.json"]);
    for (const url of corsUrls) {
      const reply = await test.get(manifestPath(url));
      expect(reply.status, url).toBe(200);
      expect(reply.headers["access-control-allow-origin"], url).toBe("*");
    }
  });

  it("sends no Access-Control-Allow-Origin on anything else: pages, icons, the pane's script, redirects, 404s", async () => {
    const others = manifestUrls(manifest)
      .map(({ url }) => url)
      .filter((url) => url.startsWith(`${ORIGIN}/`) && !corsUrls.includes(url))
      .map(manifestPath);
    expect(others).toEqual(expect.arrayContaining(["/taskpane/taskpane.html", "/assets/icon-32.png", "/functions/functions.html"]));
    for (const raw of [...others, "/taskpane/taskpane.js", "/taskpane/taskpane.css", "/", "/nope.js", "/functions/functions.js.map"]) {
      const reply = await test.get(raw);
      expect(reply.status, raw).toBeLessThan(500);
      expect(reply.headers["access-control-allow-origin"], raw).toBeUndefined();
    }
  });
});
