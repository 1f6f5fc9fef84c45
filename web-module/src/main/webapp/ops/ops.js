/*
 * The operator page: a thin client of the operator API (/api/ops). No framework and no build: the page must
 * work on an offline machine, and an operator must be able to read what it does. Every value from the API
 * goes into the page as text (textContent), never as markup: a dead letter's body is whatever someone sent.
 */
'use strict';

const API = '../api/ops/';
/** The services, as the application was configured (GET /api/ops/topology, from topology/topology.yaml). */
let SERVICES = [];
const REFRESH_MS = 5000;

/** The dead letters each service had when its list was last read: a list is read again only when it changed. */
const listedDeadLetters = new Map();
/** The replay request of the last dry run: "Send" sends exactly that one. */
let dryRunRequest = null;

// ------------------------------------------------------------------ calling the API

/** A problem+json answer (or any failure) as an Error whose message is the problem's title and detail. */
class ApiProblem extends Error {
  constructor(status, problem) {
    const fields = (problem.errors || []).map(e => `${e.field}: ${e.message}`).join('; ');
    super([`${problem.title || 'Error'} (${status})`, problem.detail, fields].filter(Boolean).join(': '));
    this.status = status;
  }
}

async function call(method, path, body) {
  const init = {method, headers: {Accept: 'application/json'}};
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(API + path, init);
  const text = await response.text();
  const json = text ? tryJson(text) : null;
  if (!response.ok) {
    throw new ApiProblem(response.status, json || {title: response.statusText, detail: text.slice(0, 200)});
  }
  return json;
}

function tryJson(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}

/** Runs an API call for one part of the page; its failure shows in the problems box under that part's name. */
async function guarded(part, action) {
  try {
    const result = await action();
    clearProblem(part);
    return result;
  } catch (e) {
    showProblem(part, e.message);
    return undefined;
  }
}

function showProblem(part, message) {
  let item = document.querySelector(`#problems [data-part="${part}"]`);
  if (!item) {
    item = element('p', {class: 'problem', 'data-part': part});
    document.getElementById('problems').append(item);
  }
  item.textContent = `${part}: ${message}`;
}

function clearProblem(part) {
  document.querySelector(`#problems [data-part="${part}"]`)?.remove();
}

// ------------------------------------------------------------------ building markup safely

function element(name, attributes = {}, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) {
      node.setAttribute(key, value);
    }
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : String(child ?? ''));
  }
  return node;
}

function cell(value, className) {
  return element('td', className ? {class: className} : {}, value ?? '');
}

function numberCell(value) {
  return cell(value, 'number');
}

function replaceRows(tbody, rows, emptyText, columns) {
  tbody.replaceChildren(...rows);
  if (rows.length === 0) {
    tbody.append(element('tr', {class: 'empty'}, element('td', {colspan: columns}, emptyText)));
  }
}

function when(instant) {
  return instant ? new Date(instant).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '';
}

// ------------------------------------------------------------------ the parts of the page

async function refreshCounts() {
  const counts = await guarded('Orders by status', () => call('GET', 'orders/counts'));
  if (!counts) {
    return;
  }
  const rows = Object.entries(counts.counts).map(([status, count]) =>
      element('tr', {'data-status': status}, element('th', {scope: 'row'}, status), numberCell(count)));
  rows.push(element('tr', {class: 'total'}, element('th', {scope: 'row'}, 'all'), numberCell(counts.total)));
  replaceRows(document.querySelector('#order-counts tbody'), rows, 'No orders', 2);
}

/** What each producer's outbox holds the events of (GET /api/ops/outbox lists the producers). */
const OUTBOX_EVENTS = {
  orders: 'placed and cancelled orders',
  customers: 'registered customers',
  warehouse: 'changed products',
};

/**
 * The outboxes, one line per producer: read from the database, so they answer while the broker is down, when it
 * matters most (orders, registrations and product changes are still accepted and their events wait there until the
 * broker is back).
 */
async function refreshOutbox() {
  const outboxes = await guarded('Outbox', () => call('GET', 'outbox'));
  if (!outboxes) {
    return;
  }
  document.getElementById('outbox').replaceChildren(...outboxes.map(outbox => {
    const what = OUTBOX_EVENTS[outbox.producer] ?? `${outbox.producer}'s requests`;
    const line = element('p', {'data-producer': outbox.producer, class: outbox.lastAttemptFailed ? 'attention' : ''});
    line.dataset.pending = outbox.pending;
    line.textContent = outbox.pending === 0
        ? `Outbox of ${outbox.producer}: every event of ${what} is published.`
        : `Outbox of ${outbox.producer}: ${outbox.pending} event(s) of ${what} wait to be published, the oldest since `
          + `${when(outbox.oldestSince)}.`
          + (outbox.lastAttemptFailed ? ' The broker cannot be reached: the requests are still accepted and their '
              + 'events wait here; they are published when it is back.' : '');
    return line;
  }));
}

async function refreshMessaging() {
  const overview = await guarded('Messaging', () => call('GET', 'messaging'));
  if (!overview) {
    return;
  }
  replaceRows(document.querySelector('#queues tbody'), overview.queues.map(queue =>
      element('tr', {'data-queue': queue.queue, 'data-kind': queue.kind, class: queueClass(queue)},
          element('th', {scope: 'row'}, queue.queue), cell(queue.kind), cell(queue.service),
          numberCell(queue.depth), numberCell(queue.consumers), numberCell(queue.messagesAdded),
          numberCell(queue.delivering))), 'No queues', 7);
  refreshInstances(overview.instances || []);
  replaceRows(document.querySelector('#topics tbody'), overview.topics.map(topic =>
      element('tr', {'data-topic': topic.address},
          element('th', {scope: 'row'}, topic.address), numberCell(topic.routedMessages),
          cell((topic.queues || []).join(', ')))), 'No topics', 3);
  for (const service of SERVICES) {
    const waiting = overview.deadLetters[service] ?? 0;
    if (listedDeadLetters.get(service) !== waiting) {
      await refreshDeadLetters(service);
    }
  }
}

/** One row per Payara instance: its consumers per queue it consumes, then what each service handled there. */
function refreshInstances(instances) {
  const queues = [...new Set(instances.flatMap(instance => Object.keys(instance.consumers || {})))];
  document.querySelector('#instances thead').replaceChildren(element('tr', {},
      element('th', {scope: 'col'}, 'Instance'), element('th', {scope: 'col'}, 'Last report'),
      ...queues.map(queue => element('th', {scope: 'col', class: 'number'}, queue)),
      element('th', {scope: 'col'}, 'Handled in the last 5 min')));
  replaceRows(document.querySelector('#instances tbody'), instances.map(instance =>
      element('tr', {'data-instance': instance.instance, class: instance.running ? undefined : 'attention'},
          element('th', {scope: 'row'}, instance.instance),
          cell(instance.running ? when(instance.seenAt) : `not running (last ${when(instance.seenAt) || 'never'})`),
          ...queues.map(queue => element('td', {class: 'number', 'data-queue': queue}, instance.consumers?.[queue] ?? '')),
          cell(Object.entries(instance.handledLastFiveMinutes || {}).map(([service, n]) => `${service} ${n}`).join(', ')))),
      'No instance has reported its consumers', queues.length + 3);
}

/** Dead-letter queues with letters waiting and subscriptions without consumers stand out. */
function queueClass(queue) {
  if (queue.kind === 'dead-letters' && queue.depth > 0) {
    return 'attention';
  }
  return queue.kind === 'subscription' && queue.consumers === 0 ? 'attention' : undefined;
}

async function refreshStuck() {
  const olderThan = document.getElementById('stuck-older-than').value.trim();
  // The API's largest page: an operator with more stuck orders than that has a bigger problem to look at first.
  const query = '?limit=200' + (olderThan === '' ? '' : `&olderThanSeconds=${encodeURIComponent(olderThan)}`);
  const stuck = await guarded('Stuck orders', () => call('GET', 'orders/stuck' + query));
  if (!stuck) {
    return;
  }
  document.getElementById('stuck-summary').textContent =
      `${stuck.total} stuck (NEEDS_ATTENTION, or still on its way after ${stuck.olderThanSeconds} s)` +
      (stuck.total > stuck.orders.length ? `; the oldest ${stuck.orders.length} shown` : '');
  replaceRows(document.querySelector('#stuck-orders tbody'), stuck.orders.map(order =>
      element('tr', {'data-order-id': order.id, 'data-status': order.status},
          element('th', {scope: 'row'}, element('code', {}, order.id)), cell(order.status), cell(when(order.placedAt)),
          numberCell(order.ageSeconds), cell(list(order.attention || [], 'ul')),
          cell(list(order.timeline.map(entry =>
              `${when(entry.at)} ${entry.status} ${entry.event} (${entry.producer})` +
              (entry.detail ? `: ${entry.detail}` : '')), 'ol', 'timeline')))), 'No stuck orders', 6);
}

function list(items, kind, className) {
  return element(kind, className ? {class: className} : {}, ...items.map(item => element('li', {}, item)));
}

async function refreshDeadLetters(service) {
  const letters = await guarded(`Dead letters of ${service}`, () => call('GET', `dead-letters/${service}`));
  if (!letters) {
    return;
  }
  listedDeadLetters.set(service, letters.length);
  const container = deadLetterSection(service);
  container.querySelector('.count').textContent = `${letters.length} waiting`;
  container.querySelector('.retry-all').disabled = letters.length === 0;
  replaceRows(container.querySelector('tbody'), letters.map(letter => deadLetterRow(service, letter)),
      'No dead letters', 8);
}

function deadLetterSection(service) {
  let section = document.getElementById(`dead-letters-${service}`);
  if (section) {
    return section;
  }
  const retryAll = element('button', {type: 'button', class: 'retry-all'}, `Retry all of ${service}`);
  retryAll.addEventListener('click', () => act(service, `Retry all of ${service}`,
      () => call('POST', `dead-letters/${service}/retry-all`)));
  section = element('section', {id: `dead-letters-${service}`, 'data-service': service, 'aria-labelledby': `dl-${service}`},
      element('h3', {id: `dl-${service}`}, `${service} `, element('span', {class: 'count'})),
      retryAll,
      element('table', {},
          element('caption', {}, `Dead letters of the ${service} service, oldest first`),
          element('thead', {}, element('tr', {},
              ...['Type', 'Order / correlation', 'Reason', 'Failed in', 'Sent to', 'Deliveries', 'Sent', 'Actions']
                  .map(title => element('th', {scope: 'col'}, title)))),
          element('tbody')));
  document.getElementById('dead-letter-services').append(section);
  return section;
}

function deadLetterRow(service, letter) {
  const retry = element('button', {type: 'button', class: 'retry'}, 'Retry');
  retry.addEventListener('click', () => act(service, `Retry ${letter.id}`,
      () => call('POST', `dead-letters/${service}/${encodeURIComponent(letter.id)}/retry`)));
  const discard = element('button', {type: 'button', class: 'discard'}, 'Discard');
  discard.addEventListener('click', () => act(service, `Discard ${letter.id}`,
      () => call('DELETE', `dead-letters/${service}/${encodeURIComponent(letter.id)}`)));
  const body = element('details', {}, element('summary', {}, letter.type || 'body'), element('pre', {}, letter.body ?? ''));
  return element('tr', {'data-dead-letter-id': letter.id, 'data-correlation-id': letter.correlationId ?? ''},
      element('th', {scope: 'row'}, body), cell(letter.correlationId), cell(letter.reason),
      cell(letter.originSubscription), cell(letter.originalDestination), numberCell(letter.deliveryCount),
      cell(when(letter.sentAt)), element('td', {class: 'actions'}, retry, ' ', discard));
}

/** A retry or discard: done, then the service's list and the overview read again at once. */
async function act(service, what, action) {
  const done = await guarded(what, action);
  if (done !== undefined) {
    document.getElementById('refreshed').textContent = `${what}: done at ${when(new Date().toISOString())}`;
  }
  await refreshDeadLetters(service);
  await refreshMessaging();
}

// ------------------------------------------------------------------ replay

function replayRequest(dryRun) {
  const form = document.getElementById('replay-form');
  const request = {dryRun};
  for (const name of ['service', 'producer', 'orderId', 'type', 'from', 'to']) {
    const value = form.elements[name].value.trim();
    if (value !== '') {
      request[name] = value;
    }
  }
  for (const name of ['fromPosition', 'toPosition']) {
    const value = form.elements[name].value.trim();
    if (value !== '') {
      request[name] = Number(value);
    }
  }
  return request;
}

async function replay(request) {
  const result = await guarded('Replay', () => call('POST', 'replay', request));
  const send = document.getElementById('replay-send');
  if (!result) {
    dryRunRequest = null;
    send.disabled = true;
    return;
  }
  document.getElementById('replay-summary').textContent = result.dryRun
      ? `Dry run: ${result.count} events would be sent to ${request.service}.`
      : `Sent ${result.count} events to ${request.service}.`;
  replaceRows(document.querySelector('#replay-events tbody'), result.events.map(event =>
      element('tr', {'data-event-id': event.eventId},
          numberCell(event.position), cell(event.producer), cell(event.type), cell(event.correlationId),
          cell(when(event.occurredAt)), cell(element('code', {}, event.eventId)))), 'No events', 6);
  dryRunRequest = result.dryRun && result.count > 0 ? {...request, dryRun: false} : null;
  send.disabled = dryRunRequest === null;
  send.textContent = dryRunRequest ? `Send these ${result.count} events to ${request.service}` : 'Send';
}

// ------------------------------------------------------------------ wiring

async function refreshAll() {
  await Promise.all([refreshCounts(), refreshOutbox(), refreshMessaging(), refreshStuck()]);
  document.getElementById('refreshed').textContent = `Refreshed at ${when(new Date().toISOString())}`;
}

/** The service lists of the page: a dead-letter section each, the replay form's services and producers. */
async function loadTopology() {
  const services = await guarded('Services', () => call('GET', 'topology')) || [];
  SERVICES = services.map(service => service.name);
  SERVICES.forEach(deadLetterSection);
  const producers = services.filter(service => service.publishes.length > 0).map(service => service.name);
  const options = (select, names) => names.forEach(name =>
      select.appendChild(element('option', {value: name}, name)));
  options(document.getElementById('replay-service'), SERVICES);
  options(document.getElementById('replay-producer'), producers);
}

document.addEventListener('DOMContentLoaded', async () => {
  await loadTopology();
  // Refresh now reads every dead-letter list again, not only those whose count changed.
  document.getElementById('refresh-now').addEventListener('click', () => {
    listedDeadLetters.clear();
    refreshAll();
  });
  document.getElementById('stuck-form').addEventListener('submit', event => {
    event.preventDefault();
    refreshStuck();
  });
  const form = document.getElementById('replay-form');
  form.addEventListener('submit', event => {
    event.preventDefault();
    replay(replayRequest(true));
  });
  // Any change of the fields makes the last dry run stale: send only what was shown.
  form.addEventListener('input', () => {
    dryRunRequest = null;
    document.getElementById('replay-send').disabled = true;
  });
  document.getElementById('replay-send').addEventListener('click', () => {
    if (dryRunRequest) {
      replay(dryRunRequest);
    }
  });
  refreshAll();
  setInterval(() => {
    if (document.getElementById('auto-refresh').checked) {
      refreshAll();
    }
  }, REFRESH_MS);
});
