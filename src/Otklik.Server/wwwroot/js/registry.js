// Bodies and topics, fetched once per page load and shared by the pages.
import { api } from './api.js';

let bodies;
let topics;
let byId = new Map();

export async function loadBodies() {
  bodies ??= api('/api/bodies').then((list) => { byId = new Map(list.map((b) => [b.id, b])); return list; });
  return bodies;
}

export async function loadTopics() {
  topics ??= api('/api/topics');
  return topics;
}

export const bodyName = (id) => (id == null ? null : (byId.get(id)?.shortName || byId.get(id)?.name || null));

/** Forgets the cached topics (an operator's correction may add one). */
export function forgetTopics() { topics = undefined; }
