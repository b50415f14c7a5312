/* PM Genome search: the header's box (theme/partials/search.html) over the Pagefind index.
 *
 * Pagefind's engine (pagefind/pagefind.js and its WebAssembly) loads on first use, from this
 * site only, and fetches just the index shards a query needs. Results are links to the pages
 * with ?h=<words>, which this script highlights on arrival. Filters (kind, segment, level,
 * access) come from the index itself. Text from the catalog is only set with textContent; an
 * excerpt keeps nothing of Pagefind's markup but its <mark>s.
 * Keys: "/" (or "s", "f", as in Material) focuses the box, Escape closes it, the arrows move
 * between the box and the results, Enter in the box opens the first result.
 */
(function () {
  "use strict";

  const ROOT = new URL("../../", document.currentScript.src); // assets/pmgenome/ -> the site root
  const FILTERS = { kind: "Kind", segment: "Segment", level: "Level", access: "Access" };
  const PAGE = 10; // results whose page data is fetched at a time, as Material shows them
  const FILTERS_DELAY_MS = 1500;
  const SHORTCUTS = new Set(["/", "s", "f"]);
  let engine = null;

  function pagefind() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", ROOT).href).then(function (module) {
        return module.options({ baseUrl: ROOT.pathname, excerptLength: 24 }).then(function () {
          return module.init();
        }).then(function () { return module; });
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

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

  // Pagefind's excerpt is HTML: its text escaped, the matches in <mark>. Keep exactly that.
  function excerpt(html) {
    const paragraph = element("p", "pmg-search__excerpt");
    const parsed = new DOMParser().parseFromString(html, "text/html");
    parsed.body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        paragraph.appendChild(element("mark", "", node.textContent));
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  function words(query) {
    return query.trim().split(/\s+/).filter(Boolean);
  }

  function resultItem(data, query) {
    const item = element("li", "md-search-result__item");
    const link = element("a", "md-search-result__link");
    const target = new URL(data.url, location.href);
    if (target.origin === location.origin) {
      if (words(query).length) {
        target.searchParams.set("h", words(query).join(" "));
      }
      link.href = target.href;
    }
    const article = element("article", "md-search-result__article md-typeset");
    article.appendChild(element("span", "pmg-search__title", (data.meta && data.meta.title) || data.url));
    const badges = element("span", "pmg-badges");
    if (data.meta && data.meta.kind) {
      badges.appendChild(element("span", "pmg-badge pmg-badge--kind", data.meta.kind));
    }
    if (data.meta && data.meta.level) {
      data.meta.level.split(", ").forEach(function (level) {
        badges.appendChild(element("span", "pmg-badge pmg-badge--level", level));
      });
    }
    if (badges.childNodes.length) {
      article.appendChild(badges);
    }
    article.appendChild(excerpt(data.excerpt || ""));
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  function counted(count) {
    if (!count) {
      return "No matching documents";
    }
    return count === 1 ? "1 matching document" : count + " matching documents";
  }

  function start(dialog) {
    const toggle = document.getElementById("__search");
    const form = dialog.querySelector("form");
    const input = form.querySelector("input[name=query]");
    const filters = dialog.querySelector(".pmg-search__filters");
    const status = dialog.querySelector(".md-search-result__meta");
    const list = dialog.querySelector(".md-search-result__list");
    const selects = new Map();
    let asked = 0;
    let shown = PAGE;
    let found = [];

    function open() {
      if (toggle && !toggle.checked) {
        toggle.checked = true;
      }
      pagefind().then(function (module) {
        // The filters' data is the largest file a search fetches: it waits until the first
        // results are on screen, or until the reader has not typed for a moment.
        setTimeout(function () { buildFilters(module); }, FILTERS_DELAY_MS);
      }, function () {
        status.textContent = "Search could not be loaded";
      });
    }

    function close() {
      if (toggle) {
        toggle.checked = false;
      }
      input.blur();
    }

    function chosenFilters() {
      const chosen = {};
      selects.forEach(function (select, name) {
        if (select.value) {
          chosen[name] = select.value;
        }
      });
      return chosen;
    }

    function buildFilters(module) {
      if (filters.dataset.built) {
        return;
      }
      filters.dataset.built = "true";
      module.filters().then(function (available) {
        Object.keys(FILTERS).forEach(function (name) {
          if (!available[name]) {
            return;
          }
          const label = element("label", "pmg-search__filter");
          label.appendChild(element("span", "", FILTERS[name]));
          const select = element("select");
          select.name = name;
          select.appendChild(element("option", "", "Any"));
          select.firstChild.value = "";
          Object.keys(available[name]).sort().forEach(function (value) {
            const option = element("option", "", value);
            option.value = value;
            select.appendChild(option);
          });
          select.addEventListener("change", run);
          label.appendChild(select);
          selects.set(name, select);
          filters.appendChild(label);
        });
        filters.hidden = selects.size === 0;
      });
    }

    function render(query) {
      const batch = found.slice(0, shown);
      return Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
        if (query !== input.value) {
          return; // a newer query is on its way
        }
        const fragment = document.createDocumentFragment();
        pages.forEach(function (data) { fragment.appendChild(resultItem(data, query)); });
        if (found.length > shown) {
          const item = element("li", "pmg-search__more");
          const more = element("button", "md-button", "Show more results");
          more.type = "button";
          more.addEventListener("click", function () {
            const first = shown;
            shown += PAGE;
            // The button goes with the old list: the focus moves to the first new result instead
            // of falling to the page, where the arrows and Escape no longer reach the search.
            render(query).then(function () {
              const all = links();
              if (all[first]) {
                all[first].focus();
              }
            });
          });
          item.appendChild(more);
          fragment.appendChild(item);
        }
        list.replaceChildren(fragment);
        status.textContent = counted(found.length);
      });
    }

    function run() {
      const query = input.value;
      const chosen = chosenFilters();
      const ticket = ++asked;
      if (!query.trim() && !Object.keys(chosen).length) {
        found = [];
        list.replaceChildren();
        status.textContent = "Type to start searching";
        return;
      }
      pagefind().then(function (module) {
        return module.search(query.trim() || null, { filters: chosen });
      }).then(function (search) {
        if (ticket !== asked || !search) {
          return;
        }
        found = search.results;
        shown = PAGE;
        return render(query).then(function () {
          pagefind().then(buildFilters);
        });
      }, function () {
        status.textContent = "Search could not be loaded";
      });
    }

    function links() {
      return Array.from(list.querySelectorAll("a.md-search-result__link[href]"));
    }

    input.addEventListener("focus", open);
    input.addEventListener("input", run);
    form.addEventListener("reset", function () { setTimeout(run, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    if (toggle) {
      toggle.addEventListener("change", function () {
        if (toggle.checked) {
          input.focus();
        }
      });
    }
    list.addEventListener("click", function (event) {
      if (event.target.closest("a")) {
        close();
      }
    });
    dialog.addEventListener("keydown", function (event) {
      const all = links();
      const at = all.indexOf(document.activeElement);
      if (event.key === "Escape") {
        event.preventDefault();
        close();
      } else if (event.key === "Enter" && event.target === input && all.length) {
        event.preventDefault();
        all[0].click();
      } else if (event.key === "ArrowDown" && all.length && (event.target === input || at !== -1)) {
        event.preventDefault();
        all[Math.min(at + 1, all.length - 1)].focus();
      } else if (event.key === "ArrowUp" && at !== -1) {
        event.preventDefault();
        (at === 0 ? input : all[at - 1]).focus();
      }
    });
    document.addEventListener("keydown", function (event) {
      const target = event.target;
      const typing = target instanceof HTMLElement &&
        (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (SHORTCUTS.has(event.key) && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        input.focus();
        input.select();
      }
    });
  }

  // ?h=<words>: mark them in the page's text, as a search result link asks.
  function highlight() {
    const asked = new URLSearchParams(location.search).get("h");
    const content = document.querySelector("article.md-content__inner") || document.querySelector("main");
    if (!asked || !content || content.dataset.pmgHighlighted === asked) {
      return;
    }
    content.dataset.pmgHighlighted = asked;
    const terms = words(asked).map(function (word) { return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    if (!terms.length) {
      return;
    }
    // At the start of a word, as Pagefind matches: "pm" marks "PMs", not the middle of "development".
    const pattern = new RegExp("(?<![\\p{L}\\p{N}])(" + terms.join("|") + ")", "giu");
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement.closest("script, style, mark, .headerlink") ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT;
      },
    });
    const nodes = [];
    while (walker.nextNode()) {
      nodes.push(walker.currentNode);
    }
    nodes.forEach(function (node) {
      const parts = node.nodeValue.split(pattern);
      if (parts.length < 2) {
        return;
      }
      const fragment = document.createDocumentFragment();
      parts.forEach(function (part, index) {
        if (part) {
          fragment.appendChild(index % 2 ? element("mark", "", part) : document.createTextNode(part));
        }
      });
      node.parentNode.replaceChild(fragment, node);
    });
  }

  function init() {
    const dialog = document.querySelector(".pmg-search");
    if (dialog && !dialog.dataset.started) {
      dialog.dataset.started = "true";
      start(dialog);
    }
    highlight();
  }

  // Material's instant navigation swaps pages without reloading scripts; document$ emits
  // for every page it shows, the first one included.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
