/**
 * A new task of this thread's event loop: a message to itself, which (unlike a chain of setTimeout(0),
 * clamped to 4 ms from the fifth) costs no waiting. For work in steps that must let the thread take its
 * messages (a worker) or the browser paint and take input (the page) in between.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
