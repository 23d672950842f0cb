/** Shown when the app cannot start (no bridge, main unreachable): plain, readable, no stack. */
export function StartupError({ message }: { message: string }) {
  return (
    <main role="alert" className="startup-error">
      <h1>Magpie</h1>
      <p>{message}</p>
    </main>
  );
}
