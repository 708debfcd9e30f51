// Shared helpers. Article and event data only ever reach the page as text nodes
// (textContent / createTextNode), never as HTML, so no markup from an article can run.
'use strict';

const sitrep = {
  $(selector) { return document.querySelector(selector); },

  // el('td', {className: 'num'}, 'text', childNode): children are text or nodes
  el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === 'dataset') Object.assign(node.dataset, value);
      else node[key] = value;
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  },

  // only http(s) links from data: a javascript: URL in an article's url must not be clickable
  safeUrl(url) { return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null; },

  async getJson(url) {
    const response = await fetch(url, {headers: {Accept: 'application/json'}});
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const message = body && body.error ? body.error.message : response.statusText;
      const error = new Error(`${response.status}: ${message}`);
      error.code = body && body.error ? body.error.code : null;
      throw error;
    }
    return body;
  },

  showError(error) {
    const box = sitrep.$('#error');
    box.textContent = String(error.message || error);
    box.hidden = false;
  },

  QUALIFIER: {exact: '', at_least: '≥', more_than: '>', about: '~', up_to: '≤'},

  claimText(claim) {
    let figure = (sitrep.QUALIFIER[claim.qualifier] || '') + claim.value;
    if (claim.kind !== 'killed') figure += ' ' + claim.kind;
    return `${claim.source || '?'}: ${figure}`;
  },

  place(event) {
    return [event.location, event.admin1, event.country]
      .filter((part, i, all) => part && all.indexOf(part) === i).join(', ');
  },

  eventUrl(id) { return '/event?id=' + encodeURIComponent(id); },
};
