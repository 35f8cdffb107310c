// The two servers the suite starts (playwright.config.ts): the demo installation and one without
// any organisation, for the first setup. Both listen on this machine only.
export const DEMO_PORT = Number(process.env.E2E_PORT ?? 3210);
export const EMPTY_PORT = Number(process.env.E2E_EMPTY_PORT ?? 3211);
export const demoServer = `http://127.0.0.1:${DEMO_PORT}`;
export const emptyServer = `http://127.0.0.1:${EMPTY_PORT}`;
