import "server-only";
import { buildProxyUrl } from "@gatehouse/core/grants/grant-token";
import type { IssuedGrant } from "@/components/grants/issued-grant-panel";

/** What the dashboard shows once for a newly issued token: the proxy URL, and the /mcp URL for a Bearer header. */
export function toIssuedGrant(
  proxyPublicUrl: string,
  grant: { grantId: string; name: string; token: string },
): IssuedGrant {
  return {
    ...grant,
    proxyUrl: buildProxyUrl(proxyPublicUrl, grant.token),
    bearerUrl: `${proxyPublicUrl.replace(/\/+$/, "")}/mcp`,
  };
}
