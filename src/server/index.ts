// `import { startServer, createApp } from 'kronik/server'`: the JSON API and web UI over a store, for
// callers who serve the chronicle from their own process. Apart from 'kronik' so that embedding the
// pipeline does not load the HTTP stack.
export { type AppOptions, createApp } from './app.ts';
export { DEFAULT_HOST, DEFAULT_PORT, isLoopback, type RunningServer, type ServeOptions, startServer } from './serve.ts';
