/**
 * Chart drawing, one chart per task. A results update re-renders every chart of a tab; drawn in one
 * go that is one long main-thread task (hundreds of ms on a slow machine) that blocks input. Queued,
 * each chart is its own task and the browser can handle input and paint in between. A chart queued
 * again before it was drawn is drawn once, with its latest job, in its original place in the queue.
 */
type Job = () => void;

const pending = new Map<object, Job>();
let posted = false;
// a message to ourselves yields to the browser without setTimeout's 4 ms clamp
const channel = new MessageChannel();
channel.port1.onmessage = () => {
  posted = false;
  const next = pending.entries().next();
  if (next.done) return;
  const [owner, job] = next.value;
  pending.delete(owner);
  try {
    job();
  } finally {
    if (pending.size > 0) post();
  }
};

function post(): void {
  if (posted) return;
  posted = true;
  channel.port2.postMessage(null);
}

/** Run `job` (drawing `owner`) in a task of its own, after the charts queued before it. */
export function queueDraw(owner: object, job: Job): void {
  pending.set(owner, job);
  post();
}

/** Drop `owner`'s queued job (the chart left the page). */
export function cancelDraw(owner: object): void {
  pending.delete(owner);
}
