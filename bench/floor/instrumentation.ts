// The floor's own (empty) instrumentation hook: without it, Turbopack (whose root is the repository,
// where the lockfile is) picks up the app's instrumentation.ts, which starts the app's workers and
// imports "@/…" modules the floor cannot resolve (the floor's build failed so since 9038ef2).
export function register(): void {}
