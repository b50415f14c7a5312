/* PM Genome search: the header's box (theme/partials/search.html) over the Pagefind index.
 *
 * Pagefind's engine (pagefind/pagefind.js and its WebAssembly) loads on first use, from this
 * site only, and fetches just the index shards a query needs. Results are links to the pages
 * with ?h=<words>, which this script highlights on arrival. Filters (kind, segment, level,
 * access) come from the index itself. Text from the catalog is only set with textContent; an
 * excerpt keeps nothing of Pagefind's markup but its <mark>s.
 * No dead ends: when fewer than a page of results hold every word, the pages that hold most of
 * them follow (more words first, then Pagefind's score). When none holds every word,
 * search/vocabulary.json, fetched only then, names the Explore filters the words point to (a
 * skill, a kind, a segment); when no page holds any of them, the nearest term the catalog knows.
 * Keys: "/" (or "s", "f", as in Material) focuses the box, Escape closes it, the arrows move
 * between the box and the results, Enter in the box opens the first result.
 */
(function () {
  "use strict";

  const element = window.PmgPage.element; // page.js
  const ROOT = new URL("../../", document.currentScript.src); // assets/pmgenome/ -> the site root
  const FILTERS = { kind: "Kind", segment: "Segment", level: "Level", access: "Access" };
  const PAGE = 10; // results whose page data is fetched at a time, as Material shows them
  const FILTERS_DELAY_MS = 1500;
  const SHORTCUTS = new Set(["/", "s", "f"]);
  let engine = null;
  let vocabulary = null;

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

  function loadVocabulary() {
    if (!vocabulary) {
      vocabulary = fetch(new URL("search/vocabulary.json", ROOT).href, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("HTTP " + response.status);
          }
          return response.json();
        });
      vocabulary.catch(function () { vocabulary = null; });
    }
    return vocabulary;
  }

  // As site/search/vocabulary.py compares phrases: lower case, joiners as spaces.
  function normalized(text) {
    return text.toLowerCase().replace(/[-\u2010\u2011\u2013\u2014/_]+/g, " ").replace(/\s+/g, " ").trim();
  }

  // The Explore filters that the query's words name, as [facet, value] pairs, in the query's order.
  function recognised(query, data) {
    const plain = " " + normalized(query) + " ";
    const hits = [];
    Object.keys(data.phrases).forEach(function (phrase) {
      const at = [" " + phrase + " ", " " + phrase + "s "].map(function (form) { return plain.indexOf(form); })
        .filter(function (index) { return index !== -1; });
      if (at.length) {
        hits.push({ at: Math.min.apply(null, at), length: phrase.length, pairs: data.phrases[phrase] });
      }
    });
    hits.sort(function (a, b) { return a.at - b.at || b.length - a.length; });
    const found = [];
    hits.forEach(function (hit) {
      hit.pairs.forEach(function (pair) {
        if (!found.some(function (seen) { return seen[0] === pair[0] && seen[1] === pair[1]; })) {
          found.push(pair);
        }
      });
    });
    return found;
  }

  function distance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, function (_, index) { return index; });
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      for (let j = 1; j <= b.length; j++) {
        row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      previous = row;
    }
    return previous[b.length];
  }

  // The known term nearest the query (or one of its words), if it is near enough to be a slip.
  function nearest(query, data) {
    const asked = [normalized(query)].concat(words(normalized(query)));
    let best = null;
    data.terms.forEach(function (term) {
      const plain = normalized(term);
      asked.forEach(function (word) {
        const cost = distance(word, plain);
        if (cost <= Math.max(1, Math.floor(plain.length / 3)) && cost < plain.length &&
            (!best || cost < best.cost)) {
          best = { term: term, cost: cost };
        }
      });
    });
    return best && best.cost > 0 ? best.term : null;
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
    if (data.meta && data.meta.length) {
      badges.appendChild(element("span", "pmg-badge pmg-badge--time", data.meta.length));
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

  // The status when some results hold only some of the words.
  function partly(all, some) {
    const pages = function (count) { return count === 1 ? "1 page holds" : count + " pages hold"; };
    return all ? pages(all) + " every word; " + (some === 1 ? "1 more holds" : some + " more hold") +
      " some of them, most words first"
      : "No page holds every word; " + pages(some) + " some of them, most words first";
  }

  // Words that say how a question is asked rather than what about: they count for no page
  // when pages are ranked by how many of the words they hold.
  const FILLER = new Set(["a", "an", "the", "to", "of", "for", "on", "in", "at", "by", "and", "or", "how", "what",
    "which", "who", "why", "is", "are", "be", "i", "me", "my", "we", "our", "you", "your", "with", "do", "does",
    "should", "can", "about", "best", "well"]);

  function meaningful(query) {
    const all = words(query);
    const kept = all.filter(function (word) { return !FILLER.has(word.toLowerCase()); });
    return kept.length ? kept : all;
  }

  // One search per meaningful word, merged: pages holding more of the words first, then by
  // their summed scores. Used when fewer than a page of results hold every word.
  function someWords(module, query, chosen) {
    return Promise.all(meaningful(query).map(function (word) {
      return module.search(word, { filters: chosen });
    })).then(function (searches) {
      const pages = new Map();
      searches.forEach(function (search) {
        (search ? search.results : []).forEach(function (result) {
          const page = pages.get(result.id) || { result: result, count: 0, score: 0 };
          page.count += 1;
          page.score += result.score;
          pages.set(result.id, page);
        });
      });
      return Array.from(pages.values()).sort(function (a, b) {
        return b.count - a.count || b.score - a.score;
      }).map(function (page) { return page.result; });
    });
  }

  function start(dialog) {
    const toggle = document.getElementById("__search");
    const form = dialog.querySelector("form");
    const input = form.querySelector("input[name=query]");
    const filters = dialog.querySelector(".pmg-search__filters");
    const status = dialog.querySelector(".md-search-result__meta");
    const hint = dialog.querySelector(".pmg-search__hint");
    const list = dialog.querySelector(".md-search-result__list");
    const selects = new Map();
    let asked = 0;
    let shown = PAGE;
    let found = [];
    let whole = 0; // how many of the results (the first ones) hold every word of the query

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
        status.textContent = whole === found.length ? counted(found.length) : partly(whole, found.length - whole);
      });
    }

    // Beside a partial or empty result: the Explore filters the words name, and for a query
    // that found nothing, the nearest known term.
    function offer(query, ticket) {
      return loadVocabulary().then(function (data) {
        if (ticket !== asked) {
          return;
        }
        const fragment = document.createDocumentFragment();
        const pairs = recognised(query, data);
        if (pairs.length) {
          const line = element("p", "pmg-search__explore", "Explore by ");
          pairs.forEach(function (pair, index) {
            const target = new URL(data.explore, ROOT);
            target.searchParams.set(pair[0], pair[1]);
            const link = element("a", "", data.headings[pair[0]].toLowerCase() + ": " +
              ((data.labels[pair[0]] || {})[pair[1]] || pair[1]));
            link.href = target.href;
            line.appendChild(document.createTextNode(index ? ", " : ""));
            line.appendChild(link);
          });
          if (pairs.length > 1) {
            const target = new URL(data.explore, ROOT);
            pairs.forEach(function (pair) { target.searchParams.append(pair[0], pair[1]); });
            const all = element("a", "", "all of these");
            all.href = target.href;
            line.appendChild(document.createTextNode(", or "));
            line.appendChild(all);
          }
          fragment.appendChild(line);
        }
        const term = found.length ? null : nearest(query, data);
        if (term) {
          const line = element("p", "pmg-search__suggest", "Did you mean ");
          const button = element("button", "pmg-search__term", term);
          button.type = "button";
          button.addEventListener("click", function () {
            input.value = term;
            input.focus();
            run();
          });
          line.appendChild(button);
          line.appendChild(document.createTextNode("?"));
          fragment.appendChild(line);
        }
        hint.replaceChildren(fragment);
        hint.hidden = !hint.childNodes.length;
      }, function () { /* the offer is a help, never in the way */ });
    }

    function run() {
      const query = input.value;
      const chosen = chosenFilters();
      const ticket = ++asked;
      hint.replaceChildren();
      hint.hidden = true;
      if (!query.trim() && !Object.keys(chosen).length) {
        found = [];
        list.replaceChildren();
        delete list.dataset.query;
        status.textContent = "Type to start searching";
        return;
      }
      pagefind().then(function (module) {
        return module.search(query.trim() || null, { filters: chosen }).then(function (search) {
          if (ticket !== asked || !search) {
            return;
          }
          found = search.results;
          whole = found.length;
          shown = PAGE;
          const widen = words(query).length > 1 && found.length < PAGE;
          // Pages holding every word show first; only then are the pages holding some of them
          // looked for (searched beside the first render, they delayed it by half a second at
          // 10,000 entries), and they follow.
          const first = found.length || !widen ? render(query) : Promise.resolve();
          const rest = !widen ? first : first.then(function () {
            return ticket === asked ? someWords(module, query, chosen) : [];
          }).then(function (results) {
            if (ticket !== asked) {
              return;
            }
            const known = new Set(found.map(function (result) { return result.id; }));
            found = found.concat(results.filter(function (result) { return !known.has(result.id); }));
            return render(query);
          });
          return rest.then(function () {
            if (ticket !== asked) {
              return;
            }
            list.dataset.query = query; // settled: what the tests wait for
            if (!whole) {
              offer(query, ticket);
            }
            pagefind().then(buildFilters);
          });
        });
      }).then(null, function () {
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

  window.PmgPage.onEveryPage(init);
})();
