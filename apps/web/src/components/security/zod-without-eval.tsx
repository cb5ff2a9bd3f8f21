"use client";

import { z } from "zod";

// zod compiles fast object parsers with `new Function` after probing whether eval works. Under
// our Content-Security-Policy (no 'unsafe-eval') the probe fails safely, but the browser still
// reports a CSP violation for it on every page; jitless mode never probes. Set at module load,
// before any page parses a response.
z.config({ jitless: true });

/** Puts zod in the browser into jitless mode (see above); renders nothing. */
export function ZodWithoutEval() {
  return null;
}
