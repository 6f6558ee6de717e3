/** Upper bounds (seconds) of the latency histograms' buckets. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

class Histogram {
  readonly counts = new Map<string, { buckets: number[]; sum: number; count: number }>();

  observe(labels: string, seconds: number): void {
    let series = this.counts.get(labels);
    if (series === undefined) {
      series = { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.counts.set(labels, series);
    }
    BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) series.buckets[i] = (series.buckets[i] ?? 0) + 1;
    });
    series.sum += seconds;
    series.count += 1;
  }

  lines(name: string): string[] {
    const out: string[] = [];
    for (const [labels, series] of [...this.counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const sep = labels === '' ? '' : ',';
      BUCKETS.forEach((bound, i) => out.push(`${name}_bucket{${labels}${sep}le="${bound}"} ${series.buckets[i] ?? 0}`));
      out.push(`${name}_bucket{${labels}${sep}le="+Inf"} ${series.count}`);
      out.push(`${name}_sum${labels === '' ? '' : `{${labels}}`} ${series.sum}`);
      out.push(`${name}_count${labels === '' ? '' : `{${labels}}`} ${series.count}`);
    }
    return out;
  }
}

/** Label values are route patterns, methods, codes and states: never a path with an id in it. */
const label = (value: string): string => value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));

/** The server's counters, written in the Prometheus text exposition format (0.0.4) by hand: two histograms and a gauge need no library. */
export class ServerMetrics {
  readonly #requests = new Histogram();
  readonly #renders = new Histogram();

  /** One HTTP request, by route pattern (not the URL), method and status. */
  observeRequest(route: string, method: string, status: number, seconds: number): void {
    this.#requests.observe(`route="${label(route)}",method="${label(method)}",status="${status}"`, seconds);
  }

  /** One decision rendered at intake (validation, plan, render, store). */
  observeRender(seconds: number): void {
    this.#renders.observe('', seconds);
  }

  /** The exposition: items by state (from the store), then the histograms. */
  exposition(itemsByState: Readonly<Record<string, number>>): string {
    const lines = [
      '# HELP hcc_items Correspondence items in the store, by state.',
      '# TYPE hcc_items gauge',
      ...Object.entries(itemsByState).map(([state, n]) => `hcc_items{state="${label(state)}"} ${n}`),
      '# HELP hcc_http_request_duration_seconds Time to answer an HTTP request, by route pattern, method and status.',
      '# TYPE hcc_http_request_duration_seconds histogram',
      ...this.#requests.lines('hcc_http_request_duration_seconds'),
      '# HELP hcc_render_duration_seconds Time to validate, plan, render and store one decision received over HTTP.',
      '# TYPE hcc_render_duration_seconds histogram',
      ...this.#renders.lines('hcc_render_duration_seconds'),
    ];
    return `${lines.join('\n')}\n`;
  }
}
