import type { Page } from '@playwright/test';

/** A call through the host's API as the page makes it (its token, its origin), for setting up or checking data a test is not about. */
export async function pageApi<T>(page: Page, method: string, input: unknown): Promise<T> {
  const r = await page.evaluate(
    async ([m, i]) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="wardplan-token"]')?.content ?? '';
      const res = await fetch('./api/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wardplan-token': token },
        body: JSON.stringify({ method: m, input: i }),
      });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    [method, input] as const,
  );
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
