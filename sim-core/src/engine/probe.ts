import { type Observable, Subject } from 'rxjs';

/**
 * A named observation point: models call `emit` (guarded by `active` when building the value costs
 * something), observers subscribe to `stream$`. Costs one boolean check while nobody listens.
 */
export class Probe<T> {
  private readonly subject = new Subject<T>();
  readonly stream$: Observable<T> = this.subject.asObservable();

  get active(): boolean {
    return this.subject.observed;
  }

  emit(value: T): void {
    if (this.subject.observed) this.subject.next(value);
  }
}
