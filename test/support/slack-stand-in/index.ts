/**
 * A local Slack stand-in for end-to-end tests and the benchmark: fake Web API, response_url
 * endpoints and a Socket Mode WebSocket server on 127.0.0.1, payload builders shaped like
 * Slack's, and delivery over signed HTTP or Socket Mode.
 */
export * from './deliver.js';
export * from './interaction-payloads.js';
export * from './payloads.js';
export * from './signing.js';
export * from './stand-in.js';
