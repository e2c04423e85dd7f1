// Preloaded by `npm start`, `npm run db:seed` and the benchmarks (tsx --import) so that the app's server modules load in plain Node, as
// they do in Next's bundle and in vitest (vitest.config.ts):
// - "server-only" (imported by every use case) throws outside Next's server bundle: it resolves here to
//   an empty module, as the tests' alias does (tests/support/server-only.ts);
// - next-auth's providers are CommonJS with `exports.default`: plain Node hands a default import the
//   whole `exports` object, bundlers hand it `exports.default`. They load here as `exports.default`.
import { register } from "node:module";

const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (/\\/node_modules\\/next-auth\\/providers\\/[\\w-]+\\.js$/.test(url)) {
    const source = "import { createRequire } from 'node:module';" +
      "const m = createRequire(import.meta.url)(" + JSON.stringify(new URL(url).pathname) + ");" +
      "export default m.default ?? m;";
    return { format: "module", source, shortCircuit: true };
  }
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
