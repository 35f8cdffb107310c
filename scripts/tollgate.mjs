#!/usr/bin/env node
// `npx tollgate ...`: runs the TypeScript CLI through tsx (a dependency), no build step needed.
import { register } from "tsx/esm/api";

register();
await import("./tollgate-cli.ts");
