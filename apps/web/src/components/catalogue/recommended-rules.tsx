/** How the recommended policy is derived from the catalogue's risk classification. */
export function RecommendedRules() {
  return (
    <div className="text-sm text-slate-700" data-testid="recommended-rules">
      <p>Generated from each tool's risk category and poisoning scan:</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        <li>
          <strong>read</strong> tools are allowed;
        </li>
        <li>
          <strong>write</strong> tools are allowed with a limit of 30 calls a minute per grant;
        </li>
        <li>
          <strong>execute</strong> tools require a person's approval;
        </li>
        <li>
          <strong>destructive</strong> and <strong>financial</strong> tools, and any tool the scan flagged,
          are hidden (not listed, and refused);
        </li>
        <li>
          everything else — including tools discovered later — is denied by <code>"default": "deny"</code>.
        </li>
      </ul>
    </div>
  );
}
