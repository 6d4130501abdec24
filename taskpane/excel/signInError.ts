// Why a sign-in failed, as the pane says it (French / English), from msal's or Office's error: the
// code only, never the error's text, which may carry a request's details.

/**
 * @param error - msal's AuthError (errorCode), Office's (code), or anything thrown
 * @example signInError({ errorCode: "user_cancelled" }).message // "Connexion annulée. / Sign-in cancelled."
 */
export function signInError(error: unknown): Error {
  const code = (error as { errorCode?: unknown; code?: unknown } | null)?.errorCode ?? (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "user_cancelled":
    case 13002:
      return new Error("Connexion annulée. / Sign-in cancelled.");
    case 13001:
      return new Error("Connectez-vous à Office avec votre compte Microsoft 365. / Sign in to Office with your Microsoft 365 account.");
    case 13006:
    case 13012:
      return new Error("Cet Office ne permet pas la connexion unique : ouvrez le classeur dans Excel pour Microsoft 365. / This Office cannot sign you in: open the workbook in Excel for Microsoft 365.");
    case 12006:
      return new Error("Fenêtre de connexion fermée. / Sign-in window closed.");
    default:
      return new Error(`La connexion à Microsoft 365 a échoué${typeof code === "string" || typeof code === "number" ? ` (${code})` : ""}. / Signing in to Microsoft 365 failed${typeof code === "string" || typeof code === "number" ? ` (${code})` : ""}.`);
  }
}
