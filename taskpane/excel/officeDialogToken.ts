// The sign-in's last resort inside Office (Microsoft's NAA samples' fallback): when the popup is
// blocked, the Office dialog opens our sign-in page (authDialog.ts), which signs in by redirect
// and sends the token back with messageParent.

/** The dialog's page, served with the pane (dist/taskpane/authDialog.html). */
export const AUTH_DIALOG_PATH = "/taskpane/authDialog.html";

/** Office's "the user closed the dialog" event code. */
const DIALOG_CLOSED = 12006;

/** What the dialog page sends back. */
export type AuthDialogMessage = { readonly accessToken: string } | { readonly error: string };

/**
 * @param origin - the pane's origin, which serves the dialog's page
 * @returns a sign-in through the dialog, resolving to the token it brings back
 * @throws { code } (12006 when the user closes the dialog, Office's code when it cannot open, the page's error code)
 */
export function officeDialogToken(origin: string): () => Promise<string> {
  return () =>
    new Promise<string>((resolve, reject) => {
      Office.context.ui.displayDialogAsync(`${origin}${AUTH_DIALOG_PATH}`, { height: 60, width: 30, promptBeforeOpen: false }, (opened) => {
        if (opened.status !== Office.AsyncResultStatus.Succeeded) {
          reject({ code: opened.error?.code ?? "dialog_failed" });
          return;
        }
        const dialog = opened.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
          dialog.close();
          let message: Partial<{ accessToken: string; error: string }> = {};
          try {
            message = JSON.parse((arg as { message: string }).message) as typeof message;
          } catch {
            // Not ours: refused below.
          }
          if (typeof message.accessToken === "string" && message.accessToken !== "") resolve(message.accessToken);
          else reject({ code: message.error ?? "dialog_answer" });
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
          reject({ code: (arg as { error: number }).error ?? DIALOG_CLOSED });
        });
      });
    });
}
