/** Count and time budgets for enumerations, and throttled progress reports. */
import { BudgetExceededError, UsageError } from '../core/errors.js';

export interface BudgetOptions {
  /** Stop with BudgetExceededError (its `partial` is `{ count }`) once more items than this exist. */
  maxCount?: number;
  /** Stop with BudgetExceededError after this many seconds. */
  maxSeconds?: number;
  /** Called with the running count, at most every ~100 ms (progress lines). */
  onProgress?: (count: number) => void;
}

export class Budget {
  private count = 0;
  private readonly started = performance.now();
  private lastReport = this.started;
  constructor(
    private readonly options: BudgetOptions,
    private readonly fn: string,
    private readonly items: string,
  ) {
    const { maxCount, maxSeconds } = options;
    if (maxCount !== undefined && !(Number.isSafeInteger(maxCount) && maxCount >= 0)) throw new UsageError(`${fn}: maxCount must be an integer >= 0, got ${maxCount}`);
    if (maxSeconds !== undefined && !(maxSeconds > 0)) throw new UsageError(`${fn}: maxSeconds must be > 0, got ${maxSeconds}`);
  }

  /** One more item: throws when it is beyond the count budget (the partial count is what came before). */
  found(): void {
    this.count++;
    const { maxCount } = this.options;
    if (maxCount !== undefined && this.count > maxCount) {
      throw new BudgetExceededError(`${this.fn}: more than ${maxCount} ${this.items} (count budget); ${maxCount} found so far`, { count: maxCount });
    }
    this.check();
  }

  /** Throws when the time budget ran out; reports progress now and then. */
  check(): void {
    const { maxSeconds, onProgress } = this.options;
    if (maxSeconds === undefined && onProgress === undefined) return;
    const now = performance.now();
    if (maxSeconds !== undefined && now - this.started > maxSeconds * 1000) {
      throw new BudgetExceededError(`${this.fn}: time budget of ${maxSeconds} s ran out after ${this.count} ${this.items}`, { count: this.count });
    }
    if (onProgress !== undefined && now - this.lastReport > 100) {
      this.lastReport = now;
      onProgress(this.count);
    }
  }
}
