/* PM Genome Explore: faceted filtering over the site's compact index, explore/index.json.
 *
 * Filters live in the query string (?kind=course&segment=design), so a view can be shared.
 * Within a group the chosen values widen the list (OR); across groups they narrow it (AND).
 * The index holds each entry's id, title and facet values (as codes into its "values" lists),
 * in title order, which is the page's order; sort=added in the address orders by the index's
 * "newest" (its positions, most recently added first), and "notes" marks a silent feed's card;
 * a card's summary comes from explore/summaries/<n>.json (the index's entries, "shard" a file),
 * fetched for the first cards before they show and for the others as they scroll into view.
 * The only requests are for the site's own JSON. Text from the catalog is only ever set with
 * textContent, so a title like "Pricing & <Packaging>" stays text.
 */
(function () {
  "use strict";

  const element = window.PmgPage.element; // page.js
  const PAGE_SIZE = 100;
  const FIRST_SCREEN = 12; // cards whose summaries are fetched before the list shows
  // Below this width (Material's own breakpoint) the filters start folded, so results show.
  const NARROW = "(max-width: 44.9375em)";
  const SAFE_PAGE = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
  const files = new Map(); // url -> promise, kept across Material's instant page changes

  function load(url) {
    if (!files.has(url)) {
      const promise = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      });
      promise.catch(function () { files.delete(url); });
      files.set(url, promise);
    }
    return files.get(url);
  }

  // Rows [id, title, [codes], [codes], ...] become {id, title, page, position, codes}, where
  // codes[facet] lists the entry's values as positions in data.values[facet]. Filtering and
  // counting compare those numbers; only the cards shown turn them back into words.
  function unpack(data) {
    const names = data.facets || [];
    return (data.entries || []).map(function (row, position) {
      const codes = {};
      names.forEach(function (name, index) { codes[name] = row[2 + index] || []; });
      return { id: row[0], title: row[1], page: String(data.page).replace("{id}", row[0]),
        position: position, codes: codes };
    });
  }

  // value -> code, per facet
  function codebook(data) {
    const book = new Map();
    Object.keys(data.values || {}).forEach(function (name) {
      book.set(name, new Map(data.values[name].map(function (value, code) { return [value, code]; })));
    });
    return book;
  }

  // The chosen values as codes: a value no entry has can match nothing, as before.
  function coded(selection, book) {
    const result = new Map();
    selection.forEach(function (values, name) {
      const own = book.get(name) || new Map();
      const codes = new Set();
      values.forEach(function (value) {
        if (own.has(value)) {
          codes.add(own.get(value));
        }
      });
      result.set(name, codes);
    });
    return result;
  }

  // Summaries by shard: fetched for the first screen before it shows, then as cards come near
  // the viewport; a card that has to wait keeps its title and badges meanwhile.
  function Summaries(indexUrl, shard) {
    const asked = new Map(); // shard number -> promise of its summaries
    const loaded = new Map(); // shard number -> its summaries
    function get(number) {
      if (!asked.has(number)) {
        const url = new URL("summaries/" + number + ".json", indexUrl).href;
        asked.set(number, load(url).then(function (texts) {
          loaded.set(number, Array.isArray(texts) ? texts : []);
          return loaded.get(number);
        }));
      }
      return asked.get(number);
    }
    function known(position) {
      const texts = loaded.get(Math.floor(position / shard));
      const text = texts && texts[position % shard];
      return typeof text === "string" ? text : null;
    }
    function fill(item) {
      const position = Number(item.dataset.position);
      get(Math.floor(position / shard)).then(function () {
        item.querySelector(".pmg-card__summary").textContent = known(position) || "";
      }, function () { /* the card keeps its title and badges */ });
    }
    const watcher = "IntersectionObserver" in window ? new IntersectionObserver(function (seen) {
      seen.forEach(function (record) {
        if (record.isIntersecting) {
          watcher.unobserve(record.target);
          fill(record.target);
        }
      });
    }, { rootMargin: "600px 0px" }) : null;
    return {
      // Resolves once the summaries of `entries` are at hand (or could not be had).
      ready: function (entries) {
        return Promise.all(entries.map(function (entry) {
          return get(Math.floor(entry.position / shard)).catch(function () { return null; });
        }));
      },
      // Sets the card's summary now when its shard is here, else when the card comes near.
      show: function (item) {
        const text = known(Number(item.dataset.position));
        if (text !== null) {
          item.querySelector(".pmg-card__summary").textContent = text;
        } else if (watcher) {
          watcher.observe(item);
        } else {
          fill(item);
        }
      },
    };
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
      const own = entry.codes[name] || [];
      if (!own.some(function (value) { return values.has(value); })) {
        return false;
      }
    }
    return true;
  }

  // The order in the address: "added" (most recently added first) or, by default, the title.
  function sortOf(search) {
    return new URLSearchParams(search).get("sort") === "added" ? "added" : "title";
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

  function writeQuery(facets, sort) {
    const params = new URLSearchParams();
    facets.forEach(function (facet) {
      facet.options.forEach(function (option, value) {
        if (option.input.checked) {
          params.append(facet.name, value);
        }
      });
    });
    if (sort === "added") {
      params.set("sort", sort);
    }
    const query = params.toString();
    const url = location.pathname + (query ? "?" + query : "") + location.hash;
    history.replaceState(history.state, "", url);
  }

  function card(entry, root, labels, values, notes) {
    const item = element("li", "pmg-card");
    item.dataset.entryId = entry.id;
    item.dataset.kind = (values.kind || [])[(entry.codes.kind || [])[0]] || "";
    item.dataset.position = String(entry.position);
    const link = element("a", "pmg-card__title", entry.title);
    if (typeof entry.page === "string" && SAFE_PAGE.test(entry.page)) {
      link.href = root + entry.page;
    }
    item.appendChild(link);
    const badges = element("span", "pmg-badges");
    ["kind", "access", "format", "level"].forEach(function (name) {
      (entry.codes[name] || []).forEach(function (code) {
        const text = labels.get(name + "\u0000" + (values[name] || [])[code]);
        if (text) {
          badges.appendChild(element("span", "pmg-badge pmg-badge--" + name, text));
        }
      });
    });
    const note = notes[String(entry.position)];
    if (typeof note === "string") {
      badges.appendChild(element("span", "pmg-badge pmg-badge--silent", note));
    }
    item.appendChild(badges);
    item.appendChild(element("span", "pmg-card__summary", ""));
    return item;
  }

  function start(container) {
    const form = container.querySelector("form.pmg-filters");
    const panel = container.querySelector("details.pmg-filters-panel");
    const summary = panel.querySelector("summary");
    const status = container.querySelector(".pmg-status");
    const list = container.querySelector(".pmg-results");
    const sorter = container.querySelector("select[name=sort]");
    const root = container.dataset.root || "./";
    const facets = readFacets(form);
    const labels = new Map();
    facets.forEach(function (facet) {
      facet.options.forEach(function (option, value) {
        labels.set(facet.name + "\u0000" + value, option.badge);
      });
    });
    let entries = [];
    let newest = []; // the entries, most recently added first
    let notes = {};
    let shown = PAGE_SIZE;
    let summaries = null;
    let values = {};
    let book = new Map();

    function ordered() {
      return sorter.value === "added" ? newest : entries;
    }

    function render() {
      if (!summaries) {
        return; // the index is not here yet; the first render reads the boxes as they are then
      }
      const picked = chosen(facets);
      const selection = coded(picked, book);
      const found = ordered().filter(function (entry) { return matches(entry, selection, null); });
      facets.forEach(function (facet) {
        const counts = new Map();
        entries.forEach(function (entry) {
          if (matches(entry, selection, facet.name)) {
            (entry.codes[facet.name] || []).forEach(function (code) {
              counts.set(code, (counts.get(code) || 0) + 1);
            });
          }
        });
        const own = book.get(facet.name) || new Map();
        facet.options.forEach(function (option, value) {
          const count = own.has(value) ? counts.get(own.get(value)) || 0 : 0;
          option.count.textContent = String(count);
          option.label.classList.toggle("pmg-option--empty", count === 0 && !option.input.checked);
        });
      });
      let boxes = 0;
      picked.forEach(function (chosenValues) { boxes += chosenValues.size; });
      summary.textContent = boxes ? "Filters (" + boxes + " chosen)" : "Filters";
      const fragment = document.createDocumentFragment();
      const cards = found.slice(0, shown).map(function (entry) {
        return fragment.appendChild(card(entry, root, labels, values, notes));
      });
      list.replaceChildren(fragment);
      cards.forEach(summaries.show);
      if (found.length > shown) {
        const more = element("button", "md-button pmg-more", "Show " +
          Math.min(PAGE_SIZE, found.length - shown) + " more");
        more.type = "button";
        more.addEventListener("click", function () {
          const first = shown;
          shown += PAGE_SIZE;
          render();
          // The button went with the old list: the focus moves to the first new card rather than
          // falling to the top of the page.
          const titles = list.querySelectorAll("li[data-entry-id] > a.pmg-card__title[href]");
          if (titles[first]) {
            titles[first].focus();
          }
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
      writeQuery(facets, sorter.value);
      render();
    });
    form.addEventListener("reset", function () {
      // The form clears its boxes after this event, so read them on the next turn.
      setTimeout(function () {
        shown = PAGE_SIZE;
        writeQuery(facets, sorter.value);
        render();
      }, 0);
    });
    sorter.addEventListener("change", function () {
      shown = PAGE_SIZE;
      writeQuery(facets, sorter.value);
      render();
    });

    applyQuery(facets, location.search);
    sorter.value = sortOf(location.search);
    if (window.matchMedia(NARROW).matches) {
      panel.open = false;
    }
    const index = new URL(container.dataset.index, location.href).href;
    load(index).then(function (data) {
      entries = unpack(data); // already in title order
      newest = (Array.isArray(data.newest) ? data.newest : []).map(function (position) {
        return entries[position];
      }).filter(Boolean);
      if (newest.length !== entries.length) {
        newest = entries; // an index without the order: titles rather than a partial list
      }
      notes = data.notes && typeof data.notes === "object" ? data.notes : {};
      values = data.values || {};
      book = codebook(data);
      summaries = Summaries(index, data.shard || 1);
      // The first screen shows with its summaries, so nothing moves under the reader.
      const selection = coded(chosen(facets), book);
      const first = [];
      const order = ordered();
      for (let at = 0; at < order.length && first.length < FIRST_SCREEN; at += 1) {
        if (matches(order[at], selection, null)) {
          first.push(order[at]);
        }
      }
      return summaries.ready(first);
    }).then(function () {
      render();
      container.dataset.loaded = "true";
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

  window.PmgPage.onEveryPage(init);
})();
