/**
 * A small Prometheus registry (text exposition format 0.0.4). Written here rather than taken
 * from prom-client to keep the hot path to map lookups and an increment per metric, and the
 * proxy and worker free of a dependency for ~200 lines.
 */

type LabelValues = readonly string[];

// Label values past this many distinct combinations share one "other" series, so a value
// taken from user data (a policy's rule name) cannot grow a scrape without bound.
const MAX_SERIES_PER_METRIC = 500;
const OVERFLOW_VALUE = "other";

/** One exposition line group: `# HELP`, `# TYPE` and the samples. */
interface Metric {
  render(): Promise<string[]> | string[];
}

/** A value sampled when scraped (queue depth, open sessions), with its labels. */
export type GaugeSample = { labels?: LabelValues; value: number };

type Entry<T> = { labels: string; data: T };
type Level<T> = Map<string, Level<T> | Entry<T>>;

// Series are found by walking one map per label, so counting allocates nothing once a
// combination has been seen (no key string is built per call).
class Series<T> {
  private readonly root: Level<T> = new Map();
  private readonly all: Entry<T>[] = [];

  constructor(
    private readonly labelNames: readonly string[],
    private readonly create: () => T,
  ) {}

  get(values: LabelValues): T {
    let level = this.root;
    for (let i = 0; i < values.length - 1; i++) {
      const next = level.get(values[i] ?? "");
      if (!next) return this.add(values);
      level = next as Level<T>;
    }
    const found = level.get(values.at(-1) ?? "") as Entry<T> | undefined;
    return found ? found.data : this.add(values);
  }

  /** Each series with its labels already formatted as `{name="value",…}`. */
  entries(): Iterable<Entry<T>> {
    return this.all;
  }

  private add(values: LabelValues): T {
    if (this.all.length >= MAX_SERIES_PER_METRIC && values.some((value) => value !== OVERFLOW_VALUE))
      return this.get(values.map(() => OVERFLOW_VALUE));
    let level = this.root;
    for (let i = 0; i < values.length - 1; i++) {
      const key = values[i] ?? "";
      const next = (level.get(key) as Level<T> | undefined) ?? new Map();
      level.set(key, next);
      level = next;
    }
    const entry = { labels: formatLabels(this.labelNames, values), data: this.create() };
    level.set(values.at(-1) ?? "", entry);
    this.all.push(entry);
    return entry.data;
  }
}

/** A monotonically increasing count, per combination of label values. */
export class Counter implements Metric {
  private readonly series: Series<{ value: number }>;

  constructor(
    private readonly name: string,
    private readonly help: string,
    labelNames: readonly string[] = [],
  ) {
    this.series = new Series(labelNames, () => ({ value: 0 }));
  }

  /** Adds `by` (default 1) to the series of these label values, in the order the names were given. */
  inc(labels: LabelValues = [], by = 1): void {
    this.series.get(labels).value += by;
  }

  render(): string[] {
    const lines = header(this.name, this.help, "counter");
    for (const { labels, data } of this.series.entries()) lines.push(`${this.name}${labels} ${data.value}`);
    return lines;
  }
}

/** Observations counted into cumulative buckets, with their sum and count. */
export class Histogram implements Metric {
  private readonly series: Series<{ counts: Float64Array; sum: number; count: number }>;

  constructor(
    private readonly name: string,
    private readonly help: string,
    private readonly buckets: readonly number[],
    labelNames: readonly string[] = [],
  ) {
    this.series = new Series(labelNames, () => ({
      counts: new Float64Array(buckets.length),
      sum: 0,
      count: 0,
    }));
  }

  /** Records one observation. */
  observe(value: number, labels: LabelValues = []): void {
    const series = this.series.get(labels);
    series.sum += value;
    series.count += 1;
    for (let i = 0; i < this.buckets.length; i++) {
      if (value <= (this.buckets[i] ?? 0)) series.counts[i] = (series.counts[i] ?? 0) + 1;
    }
  }

  render(): string[] {
    const lines = header(this.name, this.help, "histogram");
    for (const { labels, data } of this.series.entries()) {
      const { counts, sum, count } = data;
      this.buckets.forEach((bound, i) => {
        lines.push(`${this.name}_bucket${withLabel(labels, "le", String(bound))} ${counts[i] ?? 0}`);
      });
      lines.push(`${this.name}_bucket${withLabel(labels, "le", "+Inf")} ${count}`);
      lines.push(`${this.name}_sum${labels} ${sum}`, `${this.name}_count${labels} ${count}`);
    }
    return lines;
  }
}

/** A value read when scraped. A collector that throws makes the gauge show no samples, not fail the scrape. */
export class Gauge implements Metric {
  constructor(
    private readonly name: string,
    private readonly help: string,
    private readonly labelNames: readonly string[],
    private readonly collect: () => Promise<GaugeSample[]> | GaugeSample[],
  ) {}

  async render(): Promise<string[]> {
    const lines = header(this.name, this.help, "gauge");
    const samples = await Promise.resolve()
      .then(this.collect)
      .catch(() => []);
    for (const { labels = [], value } of samples) {
      lines.push(`${this.name}${formatLabels(this.labelNames, labels)} ${value}`);
    }
    return lines;
  }
}

/** The metrics of one process, rendered together for a scrape. */
export class MetricRegistry {
  private readonly metrics: Metric[] = [];

  /** Registers a metric and returns it. */
  add<T extends Metric>(metric: T): T {
    this.metrics.push(metric);
    return metric;
  }

  /** The exposition text of every registered metric. */
  async render(): Promise<string> {
    const groups = await Promise.all(this.metrics.map((metric) => metric.render()));
    return `${groups.flat().join("\n")}\n`;
  }
}

/** The Content-Type of the text exposition format. */
export const METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

function header(name: string, help: string, type: string): string[] {
  return [
    `# HELP ${name} ${help.replaceAll("\\", "\\\\").replaceAll("\n", "\\n")}`,
    `# TYPE ${name} ${type}`,
  ];
}

function formatLabels(names: readonly string[], values: LabelValues): string {
  if (names.length === 0) return "";
  const pairs = names.map((name, i) => `${name}="${escapeLabel(values[i] ?? "")}"`);
  return `{${pairs.join(",")}}`;
}

function withLabel(labels: string, name: string, value: string): string {
  const pair = `${name}="${value}"`;
  return labels === "" ? `{${pair}}` : `${labels.slice(0, -1)},${pair}}`;
}

function escapeLabel(value: string): string {
  return value.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n");
}
