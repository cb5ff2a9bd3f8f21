import {
  OAuthClientInformationSchema,
  OAuthMetadataSchema,
  OAuthTokensSchema,
  OpenIdProviderDiscoveryMetadataSchema,
} from "@modelcontextprotocol/sdk/shared/auth.js";
import { z } from "zod";
import { GatehouseError } from "../errors/gatehouse-error";
import type { SecretBox } from "../secrets/secret-box";

/** The authorization server Gatehouse signs in with for one upstream, and its client there. */
export const OAuthClientStateSchema = z.object({
  authorizationServerUrl: z.string(),
  metadata: z.union([OAuthMetadataSchema, OpenIdProviderDiscoveryMetadataSchema]).optional(),
  /** The RFC 8707 resource indicator sent with every authorization and token request. */
  resource: z.string(),
  scope: z.string().optional(),
  // Kept whole (client_secret, token_endpoint_auth_method…): the token requests need them.
  client: OAuthClientInformationSchema.loose(),
  isDynamicallyRegistered: z.boolean(),
});
export type OAuthClientState = z.infer<typeof OAuthClientStateSchema>;

/** What a pending "Connect" keeps until the browser comes back: the PKCE verifier and the client it used. */
export const OAuthFlowStateSchema = z.object({
  codeVerifier: z.string(),
  clientState: OAuthClientStateSchema,
});

export const StoredTokensSchema = OAuthTokensSchema.loose();

/** Seals a value as JSON, for the upstream OAuth columns. */
export function sealJson(box: SecretBox, value: unknown): string {
  return box.encrypt(JSON.stringify(value));
}

/** Opens and validates a value sealed by sealJson; a value that does not open says what to do. */
export function openJson<T extends z.ZodType>(box: SecretBox, sealed: string, schema: T): z.output<T> {
  try {
    return schema.parse(JSON.parse(box.decrypt(sealed)));
  } catch (error) {
    throw new GatehouseError(
      "misconfigured",
      "Gatehouse cannot read this server's stored OAuth connection (it was sealed with another GATEHOUSE_ENCRYPTION_KEY, or is damaged). Restore the key, or click Connect on the server's page to connect again.",
      { cause: error },
    );
  }
}
