/* PM Genome: what the scripts of every page share (search.js, explore.js, events.js load after it).
 * path.js stands apart: the path page loads it from the page's own body, before these. */
(function () {
  "use strict";

  if (window.PmgPage) {
    return;
  }

  /* A new element; text is only ever set with textContent, so catalog text cannot become markup. */
  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  /* Run start() on every page shown: Material's instant navigation swaps pages without reloading
   * scripts, and its document$ emits for every page it shows, the first one included. */
  function onEveryPage(start) {
    if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
      window.document$.subscribe(start);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", start);
    } else {
      start();
    }
  }

  window.PmgPage = Object.freeze({ element: element, onEveryPage: onEveryPage });
})();
