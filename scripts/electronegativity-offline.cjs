// Loaded with `node --require` in front of Electronegativity: its only network use is fetching
// translations of its own messages (and a release list, in a check the gate leaves out). Offline,
// got's retry then crashes the process now and then (a p-cancelable bug), so the gate made no
// report. Here `got` fails at once, the way Electronegativity already handles ("could not
// retrieve updated translations"), and the run is the same with or without a network.
'use strict';
const Module = require('node:module');

function offline() {
  const refusal = Promise.reject(new Error('offline: Electronegativity runs without network access in Ringup'));
  refusal.catch(() => undefined);
  return refusal;
}
offline.head = offline;
offline.get = offline;

const load = Module._load;
Module._load = function loadWithoutNetwork(request, parent, isMain) {
  if (request === 'got') return Object.assign(offline, { default: offline });
  return load.call(this, request, parent, isMain);
};
