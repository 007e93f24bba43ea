/** Wait until `check` holds, polling every 50 ms; fail after `timeout` ms with `describe()` in the message. */
export async function until(check: () => boolean, timeout = 45000, describe: () => string = () => ''): Promise<void> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeout) throw new Error(`timed out ${describe()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The open shadow root of an element, if any. */
export const shadow = (el: Element | null | undefined): ShadowRoot | null => el?.shadowRoot ?? null;
