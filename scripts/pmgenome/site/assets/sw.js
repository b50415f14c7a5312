/* PM Genome's service worker: the site keeps working offline once it has been visited.
 *
 * Written into the site at build time (scripts/pmgenome/site/offline.py) with the build's
 * VERSION and the PRECACHE list: the home page, path/ with its data, the theme's and our assets,
 * and the whole Pagefind index, so search works offline. Every other page the reader opens is
 * kept as it is fetched. Online, each request goes to the network first (a reader always sees
 * the site as it is) and refreshes the copy; offline, the copy answers. A new build is a new
 * VERSION: the browser installs this worker again on the next online visit, which fills a new
 * cache and deletes the old one. Only this site's own addresses are handled: nothing is fetched
 * from, or kept for, another host.
 */
"use strict";

const VERSION = "__PMGENOME_VERSION__";
const PRECACHE = __PMGENOME_PRECACHE__;
const PREFIX = "pmgenome-offline-";
const CACHE = PREFIX + VERSION;
const SCOPE = new URL(self.registration.scope);
// Pagefind asks for its entry file with ?ts=<time> so that it is never stale; offline, any copy
// of it is the right one.
const ANY_QUERY = /\/pagefind\/pagefind-entry\.json$/;
const OFFLINE_PAGE = "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\">" +
  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Offline</title>" +
  "<p>You are offline, and this page was not opened while you were online, so it is not saved. " +
  "The pages you opened before, search and <a href=\"" + new URL("path/", SCOPE).pathname +
  "\">Find your path</a> still work.</p></html>";

function ours(url) {
  return url.origin === SCOPE.origin && url.pathname.startsWith(SCOPE.pathname);
}

function key(request) {
  const url = new URL(request.url);
  url.hash = "";
  if (ANY_QUERY.test(url.pathname)) {
    url.search = "";
  }
  return url.href;
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // cache: "reload" bypasses the HTTP cache, so the copies are this build's files.
    return cache.addAll(PRECACHE.map(function (path) {
      return new Request(new URL(path, SCOPE).href, { cache: "reload", credentials: "same-origin" });
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.startsWith(PREFIX) && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function fromNetwork(request, cache) {
  return fetch(request).then(function (response) {
    if (response.ok && response.type === "basic") {
      cache.put(key(request), response.clone());
    }
    return response;
  });
}

function fromCache(request, cache) {
  return cache.match(key(request)).then(function (saved) {
    if (saved) {
      return saved;
    }
    if (request.mode === "navigate") {
      return new Response(OFFLINE_PAGE, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
    }
    return Response.error();
  });
}

self.addEventListener("fetch", function (event) {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || !ours(url)) {
    return; // another host, or a form: the browser handles it as if there were no worker
  }
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return fromNetwork(request, cache).catch(function () { return fromCache(request, cache); });
  }));
});
