import { z } from "zod";

// Runs in the browser before the app: zod's compiled parsers probe `new Function`, which the
// Content-Security-Policy forbids (and reports even though zod catches it); parse without them.
z.config({ jitless: true });
