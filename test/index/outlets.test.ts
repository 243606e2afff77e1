import { describe, expect, it } from 'vitest';
import { urlHost } from '../../src/index/outlets.js';

describe('urlHost', () => {
  it.each([
    ['https://www.Tass.com/politics/1', 'www.tass.com'],
    ['http://harbourledger.example:8080/a', 'harbourledger.example'],
    ['https://user:pw@example.org/x', 'example.org'],
    ['not a url', ''],
    ['', ''],
    [undefined, ''],
    [null, ''],
  ])('reads the host of %j as %j', (url, host) => {
    expect(urlHost(url)).toBe(host);
  });
});
