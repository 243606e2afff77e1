import { describe, expect, it } from 'vitest';
import { malformedEnvelope, malformedPayload } from '../../../src/slack/transport/edge-checks.js';

describe('malformedPayload', () => {
  it.each([
    [null, /null/],
    [42, /number/],
    [['x'], /not an object/],
    ['event_callback', /string/],
    [{ type: 'event_callback' }, /without an event/],
    [{ type: 'event_callback', event: { text: 'x' } }, /without an event/],
    [{ type: 'event_callback', event: { type: 'app_mention' } }, undefined],
    [{ command: '/readout', text: 'x' }, undefined],
    [{ type: 'block_actions', actions: [] }, undefined],
  ])('finds %j %s', (payload, problem) => {
    const found = malformedPayload(payload);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toMatch(problem);
  });
});

describe('malformedEnvelope', () => {
  it.each([
    [null, /null/],
    [{ envelope_id: 'e' }, /without a type/],
    [{ type: 'hello' }, undefined],
    [{ type: 'disconnect', reason: 'refresh' }, undefined],
    [{ type: 'events_api', payload: { event: { type: 'x' } } }, /without an envelope_id/],
    [{ type: 'events_api', envelope_id: 'e' }, /without an event/],
    [{ type: 'events_api', envelope_id: 'e', payload: { event: null } }, /without an event/],
    [{ type: 'events_api', envelope_id: 'e', payload: { event: { type: 'app_mention' } } }, undefined],
    [{ type: 'slash_commands', envelope_id: 'e' }, /undefined/],
    [{ type: 'interactive', envelope_id: 'e', payload: null }, /null/],
    [{ type: 'slash_commands', envelope_id: 'e', payload: { command: '/readout' } }, undefined],
  ])('finds %j %s', (frame, problem) => {
    const found = malformedEnvelope(frame);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toMatch(problem);
  });
});
