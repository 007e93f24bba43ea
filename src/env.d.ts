interface ImportMetaEnv {
  /** Set by the build's service-worker plugin (vite-plugins/service-worker.ts): register `sw.js`. */
  readonly DM_SERVICE_WORKER?: boolean;
}
