// The security headers of every answer of the add-in server (helmet), written out whole so that the
// policy can be read here in one place; later routes that need more (Graph, sign-in) add to it here.
import helmet from "helmet";

/** Where Office.js and the custom-functions runtime are loaded from (taskpane.html, functions.html). */
export const OFFICE_SCRIPT_ORIGIN = "https://appsforoffice.microsoft.com";

/**
 * The pages that may frame ours: Office on the web puts the task pane in an iframe of its own page
 * (Excel on officeapps.live.com, SharePoint and OneDrive for business, office.com and the newer
 * cloud.microsoft, Outlook on office.com, office365.com and live.com). Desktop Office shows the page
 * at the top of a webview, where frame-ancestors does not apply. No 'self': nothing of ours frames it.
 */
export const OFFICE_FRAME_ANCESTORS = [
  "https://*.officeapps.live.com",
  "https://*.sharepoint.com",
  "https://*.office.com",
  "https://*.office365.com",
  "https://*.cloud.microsoft",
  "https://onedrive.live.com",
  "https://outlook.live.com",
];

export const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export interface SecurityHeadersOptions {
  /** Origins the pages may fetch besides their own: the sign-in authority once Microsoft 365 is configured. */
  readonly connectSources?: readonly string[] | undefined;
}

export function securityHeaders(options: SecurityHeadersOptions = {}) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", OFFICE_SCRIPT_ORIGIN],
        "script-src-attr": ["'none'"],
        // Office.js on the web sets inline styles on the elements it adds to the page.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'", ...(options.connectSources ?? [])],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": OFFICE_FRAME_ANCESTORS,
        "upgrade-insecure-requests": [],
      },
    },
    strictTransportSecurity: { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true },
    // X-Frame-Options cannot name Office's hosts, and browsers that read it instead of
    // frame-ancestors would refuse Office's frame: frame-ancestors alone says who may frame.
    xFrameOptions: false,
    // Office opens dialogs from its own page and talks to them through window.opener, which
    // "same-origin" would cut.
    crossOriginOpenerPolicy: false,
    // Same-origin by default; the add-in's own files say cross-origin (addinFiles.ts), since
    // Office's pages load the icons and frame the pages from their origins.
    crossOriginResourcePolicy: { policy: "same-origin" },
  });
}
