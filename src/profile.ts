/** `--profile`: where the time went, per stage and per template, as a table. */
export class Profiler {
  private readonly stages = new Map<string, number>();
  private readonly templates = new Map<string, { count: number; ms: number }>();

  constructor(readonly enabled: boolean) {}

  time<T>(name: string, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.stages.set(name, (this.stages.get(name) ?? 0) + performance.now() - start);
    }
  }

  async timeAsync<T>(name: string, work: () => Promise<T>, kind: 'stage' | 'template' = 'stage'): Promise<T> {
    if (kind === 'template' && !this.enabled) return work();
    const start = performance.now();
    try {
      return await work();
    } finally {
      const ms = performance.now() - start;
      if (kind === 'stage') this.stages.set(name, (this.stages.get(name) ?? 0) + ms);
      else {
        const entry = this.templates.get(name) ?? { count: 0, ms: 0 };
        entry.count++;
        entry.ms += ms;
        this.templates.set(name, entry);
      }
    }
  }

  /** The table Jekyll's `--profile` prints, plus the stages. */
  report(limit = 20): string {
    const rows = [...this.templates.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, limit);
    const width = Math.max(8, ...rows.map(([name]) => name.length));
    const lines = [`${'Filename'.padEnd(width)} | Count |    Time`, `${'-'.repeat(width)}-+-------+--------`];
    for (const [name, { count, ms }] of rows) {
      lines.push(
        `${name.padEnd(width)} | ${String(count).padStart(5)} | ${(ms / 1000).toFixed(3).padStart(6)}s`,
      );
    }
    lines.push('', `${'Stage'.padEnd(width)} |    Time`, `${'-'.repeat(width)}-+--------`);
    for (const [name, ms] of this.stages)
      lines.push(`${name.padEnd(width)} | ${(ms / 1000).toFixed(3).padStart(6)}s`);
    return lines.join('\n');
  }
}
