// What the task pane should do when the on-behalf-of exchange fails, as an ApiError: sign in again
// (invalid_token), ask the user's consent (consent_required), or sign in interactively for
// multi-factor or conditional access (interaction_required); the server's own faults (its secret
// refused, Entra unreachable) are 503s that say nothing of the secret.
import { AuthError, InteractionRequiredAuthError } from "@azure/msal-node";
import { ApiError } from "../api/apiError";

/** Seconds before trying again when Entra ID cannot be reached. */
const RETRY_AFTER_SECONDS = 5;

/**
 * The ApiError for an msal-node failure of acquireTokenOnBehalfOf.
 * @example oboError(new InteractionRequiredAuthError("invalid_grant", "", "AADSTS65001…", "consent_required")).code // "consent_required"
 */
export function oboError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const { errorCode, subError, errorMessage } = error instanceof AuthError ? error : { errorCode: "", subError: "", errorMessage: "" };
  const aadsts = /AADSTS(\d+)/.exec(errorMessage ?? "")?.[1];
  if (errorCode === "consent_required" || subError === "consent_required" || aadsts === "65001") {
    return new ApiError(
      401,
      "consent_required",
      "Autorisez Relances à accéder à votre messagerie et à vos fichiers (consentement), ou demandez-le à l'administrateur",
      "Grant Relances access to your mail and files (consent), or ask your administrator to",
      { cause: error },
    );
  }
  if (error instanceof InteractionRequiredAuthError || errorCode === "interaction_required" || aadsts === "50076" || aadsts === "50079") {
    return new ApiError(401, "interaction_required", "Reconnectez-vous (vérification demandée par Microsoft 365)", "Sign in again (Microsoft 365 asks for a verification)", { cause: error });
  }
  if (errorCode === "invalid_grant") {
    return new ApiError(401, "invalid_token", "Session expirée ou refusée : reconnectez-vous", "Session expired or refused: sign in again", { cause: error });
  }
  if (errorCode === "invalid_client" || errorCode === "unauthorized_client" || aadsts === "7000215" || aadsts === "700016") {
    return new ApiError(
      503,
      "microsoft365_misconfigured",
      "Le serveur est mal configuré pour Microsoft 365 (application ou secret refusé par Entra ID) : voir son journal",
      "The server is misconfigured for Microsoft 365 (app or secret refused by Entra ID): see its log",
      { cause: error },
    );
  }
  return new ApiError(503, "identity_unavailable", "Microsoft Entra ID ne répond pas : réessayez dans un instant", "Microsoft Entra ID is not answering: try again shortly", {
    cause: error,
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  });
}
