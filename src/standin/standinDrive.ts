// The stand-in's OneDrive for Business: one drive per user, folders and files in memory, each
// item with an id, a webUrl (what Office.context.document.url gives for a workbook opened from
// it) and a parentReference, as Graph's driveItem resource has them. Tests put files in and read
// back what the product wrote; the Graph routes are in standinDriveRoutes.ts.
import { randomBytes } from "node:crypto";
import type { StandinTenant, StandinUser } from "./standinTenant";

export interface DriveItem {
  readonly id: string;
  readonly driveId: string;
  name: string;
  /** undefined for the drive's root. */
  readonly parentId: string | undefined;
  readonly folder: boolean;
  bytes: Uint8Array;
  readonly createdDateTime: string;
  lastModifiedDateTime: string;
  /** Bumped on every change of the content (the eTag's version). */
  version: number;
}

export interface Drive {
  readonly id: string;
  readonly owner: StandinUser;
  readonly rootId: string;
}

/** What is told of a file whose content changed (the workbook part forgets the workbook it had loaded). */
export type ContentListener = (item: DriveItem) => void;

/** The host the stand-in's webUrls are on, as a tenant's OneDrive for Business is. */
export const STANDIN_SHAREPOINT = "https://cabinet-exemple-my.sharepoint.com";

/** An item id as OneDrive for Business spells them (34 characters of base32). */
function itemId(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  return `01${[...randomBytes(32)].map((b) => alphabet[b % 32]).join("")}`;
}

export class StandinDrive {
  private readonly drives = new Map<string, Drive>();
  private readonly items = new Map<string, DriveItem>();
  private readonly listeners: ContentListener[] = [];
  private readonly savers: ContentListener[] = [];

  constructor(readonly tenant: StandinTenant) {}

  /** A user's drive (made on first use), by user id or UPN. */
  driveOf(user: StandinUser): Drive {
    for (const drive of this.drives.values()) if (drive.owner.id === user.id) return drive;
    const id = `b!${randomBytes(48).toString("base64url").slice(0, 64)}`;
    const now = new Date().toISOString();
    const root: DriveItem = { id: itemId(), driveId: id, name: "root", parentId: undefined, folder: true, bytes: new Uint8Array(), createdDateTime: now, lastModifiedDateTime: now, version: 1 };
    this.items.set(root.id, root);
    const drive: Drive = { id, owner: user, rootId: root.id };
    this.drives.set(id, drive);
    return drive;
  }

  drive(id: string): Drive | undefined {
    return this.drives.get(id);
  }

  item(driveId: string, id: string): DriveItem | undefined {
    const item = this.items.get(id);
    return item?.driveId === driveId ? item : undefined;
  }

  /** Every item of the drive, in no order. */
  itemsOf(driveId: string): DriveItem[] {
    return [...this.items.values()].filter((item) => item.driveId === driveId);
  }

  children(folder: DriveItem): DriveItem[] {
    return [...this.items.values()].filter((item) => item.parentId === folder.id);
  }

  onContentChange(listener: ContentListener): void {
    this.listeners.push(listener);
  }

  /** What to run before a file's content is read (the workbook part saves a workbook changed through Graph). */
  beforeRead(saver: (item: DriveItem) => Promise<void> | void): void {
    this.savers.push(saver as ContentListener);
  }

  /** A file's content as it is now: a workbook changed through Graph saved first. */
  async current(item: DriveItem): Promise<Uint8Array> {
    for (const saver of this.savers) await saver(item);
    return item.bytes;
  }

  /** The item at a path below a folder ("relances-2026-06-30/lettres.docx"), names compared case aside. */
  at(folder: DriveItem, path: string): DriveItem | undefined {
    let current: DriveItem | undefined = folder;
    for (const name of segments(path)) {
      current = this.children(current).find((child) => child.name.toLowerCase() === name.toLowerCase());
      if (current === undefined) return undefined;
    }
    return current;
  }

  /**
   * Writes a file at a path below a folder, the missing folders made, as PUT …:/path:/content does.
   * @returns the item, and whether it was created (false: its content was replaced)
   */
  write(folder: DriveItem, path: string, bytes: Uint8Array, conflict: "replace" | "fail" | "rename" = "replace"): { item: DriveItem; created: boolean } | "exists" {
    const names = segments(path);
    const fileName = names.pop();
    if (fileName === undefined) throw new Error("empty path");
    let parent = folder;
    for (const name of names) parent = this.at(parent, name) ?? this.add(parent, name, true, new Uint8Array());
    let existing = this.at(parent, fileName);
    let finalName = fileName;
    if (existing !== undefined && conflict === "fail") return "exists";
    if (existing !== undefined && conflict === "rename") {
      const dot = fileName.lastIndexOf(".");
      const [stem, ext] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ""];
      for (let n = 1; this.at(parent, finalName) !== undefined; n++) finalName = `${stem} ${n}${ext}`;
      existing = undefined;
    }
    if (existing !== undefined) {
      existing.bytes = bytes.slice();
      existing.lastModifiedDateTime = new Date().toISOString();
      existing.version++;
      for (const listener of this.listeners) listener(existing);
      return { item: existing, created: false };
    }
    return { item: this.add(parent, finalName, false, bytes.slice()), created: true };
  }

  /** Test door: a file put in a user's drive at a path from its root. */
  put(user: StandinUser, path: string, bytes: Uint8Array): DriveItem {
    const drive = this.driveOf(user);
    const written = this.write(this.items.get(drive.rootId)!, path, bytes);
    if (written === "exists") throw new Error("unreachable");
    return written.item;
  }

  /** Test door: a file's bytes at a path from a user's drive root, undefined when there is none. */
  read(user: StandinUser, path: string): Uint8Array | undefined {
    const drive = this.driveOf(user);
    const item = this.at(this.items.get(drive.rootId)!, path);
    return item === undefined || item.folder ? undefined : item.bytes;
  }

  /** Test door: as read, a workbook changed through Graph saved first. */
  async readCurrent(user: StandinUser, path: string): Promise<Uint8Array | undefined> {
    const drive = this.driveOf(user);
    const item = this.at(this.items.get(drive.rootId)!, path);
    return item === undefined || item.folder ? undefined : this.current(item);
  }

  /** A file's new content, from the workbook part once Excel has saved it. */
  replaceContent(item: DriveItem, bytes: Uint8Array): void {
    item.bytes = bytes;
    item.lastModifiedDateTime = new Date().toISOString();
    item.version++;
  }

  /** The item's path from its drive's root, "" for the root. */
  pathOf(item: DriveItem): string {
    const names: string[] = [];
    for (let current: DriveItem | undefined = item; current?.parentId !== undefined; current = this.items.get(current.parentId)) names.unshift(current.name);
    return names.join("/");
  }

  /** The item's webUrl: https://{tenant}-my.sharepoint.com/personal/{user}/Documents/{path}. */
  webUrl(item: DriveItem): string {
    const drive = this.drives.get(item.driveId)!;
    const personal = drive.owner.userPrincipalName.replace(/[@.]/g, "_");
    const path = this.pathOf(item);
    return `${STANDIN_SHAREPOINT}/personal/${personal}/Documents${path === "" ? "" : `/${path.split("/").map(encodeURIComponent).join("/")}`}`;
  }

  /** The item a webUrl names (its query and fragment aside, as a document's URL may carry them). */
  byWebUrl(url: string): DriveItem | undefined {
    let wanted: string;
    try {
      const parsed = new URL(url);
      wanted = decodeURIComponent(`${parsed.origin}${parsed.pathname}`).toLowerCase();
    } catch {
      return undefined;
    }
    for (const item of this.items.values()) if (decodeURIComponent(this.webUrl(item)).toLowerCase() === wanted) return item;
    return undefined;
  }

  private add(parent: DriveItem, name: string, folder: boolean, bytes: Uint8Array): DriveItem {
    const now = new Date().toISOString();
    const item: DriveItem = { id: itemId(), driveId: parent.driveId, name, parentId: parent.id, folder, bytes, createdDateTime: now, lastModifiedDateTime: now, version: 1 };
    this.items.set(item.id, item);
    return item;
  }
}

function segments(path: string): string[] {
  return path.split("/").filter((s) => s !== "");
}
