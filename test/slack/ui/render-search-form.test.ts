import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/search/parse-query.js';
import {
  formQuery,
  maxStaticOptions,
  readSearchForm,
  renderSearchForm,
  searchFormErrors,
  searchFormIds,
} from '../../../src/slack/ui/render-search-form.js';

const element = (view: types.ModalView, blockId: string) =>
  view.blocks.find((block): block is types.InputBlock => block.type === 'input' && block.block_id === blockId)
    ?.element;

describe('formQuery', () => {
  it.each([
    [{ query: 'ferry strike', outlets: [] }, 'ferry strike'],
    [{ query: 'ferry', outlets: ['Coast Wire', 'TASS'] }, 'ferry source:"coast wire" source:tass'],
    [{ query: 'ferry', outlets: [], after: '2024-05-01' }, 'ferry after:2024-05-01'],
    [{ query: 'ferry', outlets: [], until: '2024-05-31' }, 'ferry before:2024-06-01'],
    [{ query: 'ferry', outlets: [], until: '2024-12-31' }, 'ferry before:2025-01-01'],
    [{ query: 'talks', outlets: [], who: 'Vladimir Putin' }, 'talks who:"Vladimir Putin"'],
    [{ query: 'talks', outlets: [], who: 'Putin' }, 'talks who:Putin'],
    [{ query: 'talks', outlets: ['The "Daily" Post'] }, 'talks source:"the daily post"'],
  ])('makes %j into %s', (values, query) => {
    expect(formQuery(values)).toBe(query);
  });

  it('makes queries the query language reads back as the same filters', () => {
    const parsed = parseQuery(
      formQuery({
        query: 'ferry',
        outlets: ['Coast Wire'],
        after: '2024-05-01',
        until: '2024-05-31',
        who: 'Vladimir Putin',
      }),
    );
    expect(parsed.terms.map((term) => term.words)).toEqual([['ferry']]);
    expect(parsed.filters).toEqual({
      sources: ['coast wire'],
      speakers: ['vladimir putin'],
      after: '2024-05-01',
      before: '2024-06-01',
    });
  });
});

describe('readSearchForm', () => {
  it('reads every field of a submitted form', () => {
    expect(
      readSearchForm({
        query: { value: { value: '  ferry strike ' } },
        outlets: { value: { selected_options: [{ value: 'Coast Wire' }] } },
        after: { value: { selected_date: '2024-05-01' } },
        until: { value: { selected_date: null } },
        who: { value: { value: 'Ann Lee' } },
      }),
    ).toEqual({
      query: 'ferry strike',
      outlets: ['Coast Wire'],
      after: '2024-05-01',
      until: undefined,
      who: 'Ann Lee',
    });
  });

  it.each([undefined, {}, { after: { value: { selected_date: 'yesterday' } } }])(
    'reads %j as an empty form',
    (values) => {
      expect(readSearchForm(values as Parameters<typeof readSearchForm>[0])).toMatchObject({
        query: '',
        outlets: [],
        after: undefined,
      });
    },
  );
});

describe('searchFormErrors', () => {
  it.each([
    [{ query: 'ferry', outlets: [] }, {}],
    [{ query: ' -- ', outlets: [] }, { query: 'Type some words to search for.' }],
    [
      { query: 'x', outlets: [], after: '2024-05-02', until: '2024-05-01' },
      { until: 'This is before the "Published from" date.' },
    ],
    [{ query: 'x', outlets: [], after: '2024-05-01', until: '2024-05-01' }, {}],
  ])('for %j says %j', (values, errors) => {
    expect(searchFormErrors(values)).toEqual(errors);
  });
});

describe('renderSearchForm', () => {
  it('lists up to 100 outlets to pick from, and searches them as you type beyond that', () => {
    const few = renderSearchForm({ query: '', outlets: ['A', 'B'] });
    expect(element(few, searchFormIds.outlets)).toMatchObject({ type: 'multi_static_select' });
    const many = renderSearchForm({
      query: '',
      outlets: Array.from({ length: maxStaticOptions + 1 }, (_, i) => `Outlet ${i}`),
    });
    expect(element(many, searchFormIds.outlets)).toMatchObject({ type: 'multi_external_select' });
    expect(JSON.stringify(many).length).toBeLessThan(JSON.stringify(few).length + 500);
  });

  it('leaves the outlet field out when the index names none', () => {
    expect(element(renderSearchForm({ query: '', outlets: [] }), searchFormIds.outlets)).toBeUndefined();
  });

  it('keeps option texts within Slack’s 75 characters', () => {
    const form = renderSearchForm({ query: 'x', outlets: ['N'.repeat(300)] });
    const options = (element(form, searchFormIds.outlets) as types.MultiStaticSelect).options!;
    expect(options[0]!.text.text.length).toBeLessThanOrEqual(75);
    expect(options[0]!.value!.length).toBeLessThanOrEqual(150);
  });
});
