// A registry of servers started once per test run (not once per test) and closed at the end.
type Closer = () => Promise<void>;
const closers: Closer[] = [];

export function registerSharedServer(close: Closer): void {
  closers.push(close);
}

export async function closeSharedServers(): Promise<void> {
  while (closers.length > 0) {
    const close = closers.pop();
    if (close) await close();
  }
}
