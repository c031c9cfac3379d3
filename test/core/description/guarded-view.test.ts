import { expect, test } from 'vitest';
import { guardedView, orUndecided } from '../../../lib/core/description/guarded-view';
import { UnknownValue } from '../../../lib/core/description/unknown-value';

const undecidedReason = (read: () => unknown) => orUndecided(read, (reason) => `undecided: ${reason}`);

test('a value with nothing unknown and nothing renamed is its own view: the same object, not a copy', () => {
  const body = { location: 'westeurope', properties: { agentPoolProfiles: [{ name: 'system', count: 3 }], enableRBAC: true, x: null } };
  expect(guardedView(body)).toBe(body);
  expect(guardedView(body, (k) => k)).toBe(body);
});

test('an unknown member stops its reader undecided; the parts around it read as before, shared where nothing in them changes', () => {
  const pools = [{ name: 'system' }];
  const body = { a: 1, properties: { agentPoolProfiles: pools, kubernetesVersion: new UnknownValue('a parameter without default') } };
  const view = guardedView(body) as typeof body;
  expect(view === body).toBe(false);
  expect(view.a).toBe(1);
  expect(view.properties.agentPoolProfiles).toBe(pools);
  expect(Object.keys(view.properties)).toEqual(['agentPoolProfiles', 'kubernetesVersion']);
  expect(undecidedReason(() => view.properties.kubernetesVersion)).toBe('undecided: a parameter without default');
  // The description itself is left as it was.
  expect(body.properties.kubernetesVersion).toBeInstanceOf(UnknownValue);
});

test('a renamed member gives a copy with the new name, in the order of the source', () => {
  const body = { first: 1, properties: { enableRbac: true, after: [1, 2] } };
  const view = guardedView(body, (k) => (k === 'enableRbac' ? 'enableRBAC' : k)) as Record<string, any>;
  expect(view).toEqual({ first: 1, properties: { enableRBAC: true, after: [1, 2] } });
  expect(Object.keys(view.properties)).toEqual(['enableRBAC', 'after']);
  expect(view.properties.after).toBe(body.properties.after);
});

test('an unknown element of a list is guarded in a copy of the list', () => {
  const list = ['10.0.0.0/16', new UnknownValue('an expression')];
  const view = guardedView({ ranges: list }) as { ranges: unknown[] };
  expect(Array.isArray(view.ranges)).toBe(true);
  expect(view.ranges === list).toBe(false);
  expect(view.ranges[0]).toBe('10.0.0.0/16');
  expect(undecidedReason(() => view.ranges[1])).toBe('undecided: an expression');
});

test('an object that is not plain JSON is copied to a plain one, as before', () => {
  class Holder {
    public readonly value = 1;
  }
  const view = guardedView({ holder: new Holder() }) as { holder: object };
  expect(view.holder).not.toBeInstanceOf(Holder);
  expect(view.holder).toEqual({ value: 1 });
});
