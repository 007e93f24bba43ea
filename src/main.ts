import './components/dm-app.js';

// The built app precaches itself (vite-plugins/service-worker.ts, which sets DM_SERVICE_WORKER), so it works
// offline after its first visit. Not in the dev server or tests, nor in the single-file build (file:// has
// no service workers).
if (import.meta.env.DM_SERVICE_WORKER && 'serviceWorker' in navigator && /^https?:$/.test(location.protocol))
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // no service worker (private mode, a policy): the app works as before, online
    });
  });
