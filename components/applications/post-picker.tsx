import clsx from "clsx";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { QuotaProgressRow } from "@/lib/server/application-queries";
import type { PostRow } from "@/lib/server/posts";

/**
 * The programme's posts to choose from, grouped by rotation batch: title, receiving hospital,
 * headcount and — for a nominating unit — its nominations against its quota. Each post is a link
 * (the choice lives in the URL, so the verdict below is computed on the server).
 */
export async function PostPicker({ posts, selectedId, quotas, hrefFor }: { posts: PostRow[]; selectedId?: string; quotas: QuotaProgressRow[]; hrefFor: (postId: string) => string }) {
  const t = await getTranslations("applications");
  const batches = [...new Set(posts.map((p) => p.rotationBatch))].sort((a, b) => a - b);
  if (posts.length === 0) return <p className="text-sm text-slate-500">{t("pick.noPosts")}</p>;
  return (
    <div className="flex flex-col gap-4">
      {batches.map((batch) => (
        <section key={batch} aria-labelledby={`batch-${batch}`}>
          <h3 id={`batch-${batch}`} className="mb-2 text-sm font-semibold text-slate-700">
            {t("batch", { batch })}
          </h3>
          <ul className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
            {posts
              .filter((p) => p.rotationBatch === batch)
              .map((p) => {
                const selected = p.id === selectedId;
                const own = quotas.filter((q) => q.postId === p.id);
                return (
                  <li key={p.id}>
                    <Link
                      href={hrefFor(p.id)}
                      aria-current={selected ? "true" : undefined}
                      className={clsx(
                        "flex h-full flex-col gap-0.5 rounded-md border px-3 py-2 text-sm hover:border-brand-400",
                        selected ? "border-brand-600 bg-brand-50 ring-2 ring-brand-200" : "border-slate-200 bg-white",
                      )}
                    >
                      <span className="font-medium text-slate-900">{p.title}</span>
                      <span className="text-slate-600">{p.receivingOrgName}</span>
                      <span className="text-xs text-slate-500">{t("headcount", { count: p.headcount })}</span>
                      {own.map((q) => (
                        <span key={q.unitId} className={clsx("text-xs", q.state === "met" ? "text-emerald-700" : "text-amber-700")}>
                          {t("pick.quota", { unit: q.unitName, nominated: q.nominated, minimum: q.minimum })}
                        </span>
                      ))}
                    </Link>
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </div>
  );
}
