/* PM Genome Explore: faceted filtering over the site's own api/catalog.json.
 *
 * Filters live in the query string (?kind=course&segment=design), so a view can be shared.
 * Within a group the chosen values widen the list (OR); across groups they narrow it (AND).
 * The only request is for the site's own JSON. Text from the catalog is only ever set with
 * textContent, so a title like "Pricing & <Packaging>" stays text.
 */
(function () {
  "use strict";

  const PAGE_SIZE = 100;
  // Below this width (Material's own breakpoint) the filters start folded, so results show.
  const NARROW = "(max-width: 44.9375em)";
  const SAFE_PAGE = /^[A-Za-z0-9][A-Za-z0-9._\/-]*$/;
  const exports = new Map(); // url -> promise, kept across Material's instant page changes

  function load(url) {
    if (!exports.has(url)) {
      const promise = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      });
      promise.catch(function () { exports.delete(url); });
      exports.set(url, promise);
    }
    return exports.get(url);
  }

  function readFacets(form) {
    return Array.from(form.querySelectorAll("fieldset[data-facet]")).map(function (fieldset) {
      const options = new Map();
      fieldset.querySelectorAll("input[type=checkbox]").forEach(function (input) {
        const label = input.closest("label");
        options.set(input.value, {
          input: input,
          label: label,
          badge: input.dataset.badge || label.querySelector(".pmg-option__label").textContent,
          count: label.querySelector(".pmg-count"),
        });
      });
      return { name: fieldset.dataset.facet, options: options };
    });
  }

  function chosen(facets) {
    const result = new Map();
    facets.forEach(function (facet) {
      const values = new Set();
      facet.options.forEach(function (option, value) {
        if (option.input.checked) {
          values.add(value);
        }
      });
      if (values.size) {
        result.set(facet.name, values);
      }
    });
    return result;
  }

  function matches(entry, selection, skip) {
    for (const [name, values] of selection) {
      if (name === skip) {
        continue;
      }
      const own = (entry.facets && entry.facets[name]) || [];
      if (!own.some(function (value) { return values.has(value); })) {
        return false;
      }
    }
    return true;
  }

  function applyQuery(facets, search) {
    const params = new URLSearchParams(search);
    facets.forEach(function (facet) {
      const wanted = new Set();
      params.getAll(facet.name).forEach(function (raw) {
        raw.split(",").forEach(function (value) { wanted.add(value.trim()); });
      });
      facet.options.forEach(function (option, value) {
        option.input.checked = wanted.has(value);
      });
    });
  }

  function writeQuery(facets) {
    const params = new URLSearchParams();
    facets.forEach(function (facet) {
      facet.options.forEach(function (option, value) {
        if (option.input.checked) {
          params.append(facet.name, value);
        }
      });
    });
    const query = params.toString();
    const url = location.pathname + (query ? "?" + query : "") + location.hash;
    history.replaceState(history.state, "", url);
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

  function card(entry, root, labels) {
    const item = element("li", "pmg-card");
    item.dataset.entryId = entry.id;
    item.dataset.kind = entry.kind;
    const link = element("a", "pmg-card__title", entry.title);
    if (typeof entry.page === "string" && SAFE_PAGE.test(entry.page)) {
      link.href = root + entry.page;
    }
    item.appendChild(link);
    const badges = element("span", "pmg-badges");
    ["kind", "access", "format", "level"].forEach(function (name) {
      ((entry.facets && entry.facets[name]) || []).forEach(function (value) {
        const text = labels.get(name + "\u0000" + value);
        if (text) {
          badges.appendChild(element("span", "pmg-badge pmg-badge--" + name, text));
        }
      });
    });
    item.appendChild(badges);
    item.appendChild(element("span", "pmg-card__summary", entry.summary || ""));
    return item;
  }

  function start(container) {
    const form = container.querySelector("form.pmg-filters");
    const panel = container.querySelector("details.pmg-filters-panel");
    const summary = panel.querySelector("summary");
    const status = container.querySelector(".pmg-status");
    const list = container.querySelector(".pmg-results");
    const root = container.dataset.root || "./";
    const facets = readFacets(form);
    const labels = new Map();
    facets.forEach(function (facet) {
      facet.options.forEach(function (option, value) {
        labels.set(facet.name + "\u0000" + value, option.badge);
      });
    });
    let entries = [];
    let shown = PAGE_SIZE;

    function render() {
      const selection = chosen(facets);
      const found = entries.filter(function (entry) { return matches(entry, selection, null); });
      facets.forEach(function (facet) {
        const counts = new Map();
        entries.forEach(function (entry) {
          if (matches(entry, selection, facet.name)) {
            ((entry.facets && entry.facets[facet.name]) || []).forEach(function (value) {
              counts.set(value, (counts.get(value) || 0) + 1);
            });
          }
        });
        facet.options.forEach(function (option, value) {
          const count = counts.get(value) || 0;
          option.count.textContent = String(count);
          option.label.classList.toggle("pmg-option--empty", count === 0 && !option.input.checked);
        });
      });
      let picked = 0;
      selection.forEach(function (values) { picked += values.size; });
      summary.textContent = picked ? "Filters (" + picked + " chosen)" : "Filters";
      const fragment = document.createDocumentFragment();
      found.slice(0, shown).forEach(function (entry) {
        fragment.appendChild(card(entry, root, labels));
      });
      list.replaceChildren(fragment);
      if (found.length > shown) {
        const more = element("button", "md-button pmg-more", "Show " +
          Math.min(PAGE_SIZE, found.length - shown) + " more");
        more.type = "button";
        more.addEventListener("click", function () {
          shown += PAGE_SIZE;
          render();
        });
        const item = element("li", "pmg-more-item");
        item.appendChild(more);
        list.appendChild(item);
      }
      if (!found.length) {
        status.textContent = "No resource matches these filters; clear some to see more.";
      } else if (found.length === entries.length) {
        status.textContent = "All " + entries.length + " resources";
      } else {
        status.textContent = found.length + " of " + entries.length + " resources";
      }
    }

    form.addEventListener("change", function () {
      shown = PAGE_SIZE;
      writeQuery(facets);
      render();
    });
    form.addEventListener("reset", function () {
      // The form clears its boxes after this event, so read them on the next turn.
      setTimeout(function () {
        shown = PAGE_SIZE;
        writeQuery(facets);
        render();
      }, 0);
    });

    applyQuery(facets, location.search);
    if (window.matchMedia(NARROW).matches) {
      panel.open = false;
    }
    load(container.dataset.catalog).then(function (data) {
      entries = (data.entries || []).slice().sort(function (a, b) {
        return String(a.title).localeCompare(String(b.title)) || (a.id < b.id ? -1 : 1);
      });
      container.dataset.loaded = "true";
      render();
    }, function (error) {
      status.textContent = "The catalog could not be loaded (" + error.message + "). " +
        "Every resource is also listed on the articles, courses and meetups pages.";
    });
  }

  function init() {
    const container = document.getElementById("pmg-explore");
    if (container && !container.dataset.started) {
      container.dataset.started = "true";
      start(container);
    }
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
