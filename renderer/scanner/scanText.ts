// What is in the scan field, held outside React state. A keyboard-wedge scanner types a barcode a key at a time:
// with the text in the till's own state, every key drew the whole till again; here it draws the field alone
// (ScanField reads it with useSyncExternalStore), and the search and the till's handlers read it when they act.
export class ScanText {
  private value = '';
  private readonly listeners = new Set<() => void>();

  readonly get = (): string => this.value;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  set(value: string): void {
    if (value === this.value) return;
    this.value = value;
    for (const l of [...this.listeners]) l();
  }
}
