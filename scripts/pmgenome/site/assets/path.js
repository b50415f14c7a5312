/* PM Genome "Find your path": looks up the plan for the reader's answers and shows it.
 *
 * Every plan is computed at build time by the rule in pmgenome/path.py (the one `pmgenome path`
 * runs) and shipped in api/paths.json; this script only reads the answers, looks the plan up and
 * draws it. Answers live in the query string (?stage=new&background=engineering&company=b2b,
 * technical&pm-load=heavy&goal=deepen&near=online), so a plan is a link to share. Catalog text is
 * only ever set with textContent, and only http(s) addresses become links.
 */
(function () {
  "use strict";

  const root = document.getElementById("pmg-path");
  if (!root || root.dataset.ready === "true") {
    return;
  }
  root.dataset.ready = "true";

  const form = document.getElementById("pmg-path-form");
  const status = document.getElementById("pmg-path-status");
  const body = document.getElementById("pmg-path-body");
  const thin = document.getElementById("pmg-path-thin");
  const plan = document.getElementById("pmg-path-plan");
  const titles = JSON.parse(root.dataset.titles);
  const kinds = JSON.parse(root.dataset.kinds);
  const QUESTIONS = ["stage", "background", "company", "pm-load", "goal", "near"];
  const REQUIRED = { stage: "career stage", background: "background", company: "company flavour", goal: "goal" };
  let data = null;

  function inputs(name) {
    return Array.from(form.elements).filter(function (element) { return element.name === name; });
  }

  /* The answers as the form holds them: company in the form's (the vocabulary's) order. */
  function answers() {
    const result = {};
    QUESTIONS.forEach(function (name) {
      const chosen = inputs(name).filter(function (element) {
        return element.tagName === "SELECT" || element.checked;
      }).map(function (element) { return element.value; });
      result[name] = name === "company" ? chosen : (chosen[0] || "");
    });
    return result;
  }

  /* Set the form from a query string; values the form does not offer are ignored. */
  function restore(search) {
    const params = new URLSearchParams(search);
    QUESTIONS.forEach(function (name) {
      if (!params.has(name)) {
        return;
      }
      const wanted = name === "company" ? params.get(name).split(",") : [params.get(name)];
      inputs(name).forEach(function (element) {
        if (element.tagName === "SELECT") {
          const known = Array.from(element.options).some(function (o) { return o.value === wanted[0]; });
          if (known) {
            element.value = wanted[0];
          }
        } else if (name === "company" || wanted.indexOf(element.value) !== -1) {
          element.checked = wanted.indexOf(element.value) !== -1;
        }
      });
    });
  }

  function query(chosen) {
    const params = new URLSearchParams();
    QUESTIONS.forEach(function (name) {
      const value = name === "company" ? chosen.company.join(",") : chosen[name];
      if (value) {
        params.set(name, value);
      }
    });
    return params.toString().replace(/%2C/g, ",");
  }

  function missing(chosen) {
    return Object.keys(REQUIRED).filter(function (name) {
      return name === "company" ? chosen.company.length === 0 : !chosen[name];
    }).map(function (name) { return REQUIRED[name]; });
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

  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
  }

  function item(pair) {
    const entry = data.entries[pair[0]];
    const li = element("li", "pmg-card pmg-path__item");
    li.dataset.entryId = entry[0];
    const title = element(entry[4] ? "a" : "span", "pmg-card__title pmg-path__title", entry[2]);
    if (entry[4]) {
      title.href = entry[4];
    }
    li.appendChild(title);
    const badges = element("span", "pmg-badges");
    badges.appendChild(element("span", "pmg-badge pmg-badge--kind", kinds[entry[1]] || entry[1]));
    li.appendChild(badges);
    const why = element("span", "pmg-card__summary pmg-path__why");
    why.appendChild(element("strong", "", "Why: "));
    why.appendChild(element("span", "pmg-path__reason", data.texts[pair[1]]));
    li.appendChild(why);
    const url = safeUrl(entry[3]);
    if (url) {
      const go = element("a", "pmg-path__go", "Go to the resource");
      go.href = url;
      go.rel = "noopener";
      li.appendChild(go);
    }
    return li;
  }

  function part(name, pairs) {
    const section = element("section", "pmg-path__part");
    section.dataset.part = name;
    section.appendChild(element("h3", "", titles[name]));
    if (!pairs.length) {
      section.appendChild(element("p", "pmg-path__empty", "Nothing in the catalog fits yet."));
      return section;
    }
    const list = element("ol", "pmg-cards pmg-path__items");
    pairs.forEach(function (pair) { list.appendChild(item(pair)); });
    section.appendChild(list);
    return section;
  }

  function show(chosen) {
    body.replaceChildren();
    thin.hidden = true;
    const gaps = missing(chosen);
    if (gaps.length) {
      status.textContent = "Answer the questions to see your plan (still to answer: " + gaps.join(", ") + ").";
      return false;
    }
    const key = [chosen.stage, chosen.background, chosen.company.join("+"), chosen["pm-load"], chosen.goal].join("|");
    const found = data.plans[key];
    const meetups = data.meetups[[chosen.stage, chosen.company.join("+"), chosen.near].join("|")];
    if (!found || !meetups) {
      status.textContent = "No plan is published for these answers.";
      return false;
    }
    status.textContent = "Your plan is ready.";
    found.parts.forEach(function (entry) { body.appendChild(part(entry[0], entry[1])); });
    body.appendChild(part("meetups", meetups.items));
    const notes = found.notes.concat(meetups.notes);
    if (notes.length) {
      const section = element("section", "pmg-path__notes");
      section.appendChild(element("h3", "", "Notes"));
      const list = element("ul");
      notes.forEach(function (index) { list.appendChild(element("li", "", data.texts[index])); });
      section.appendChild(list);
      body.appendChild(section);
      thin.hidden = false;
    }
    return true;
  }

  function update(focus) {
    if (!data) {
      return;
    }
    const chosen = answers();
    const shown = show(chosen);
    const search = query(chosen);
    const url = location.pathname + (search ? "?" + search : "") + location.hash;
    history.replaceState(history.state, "", url);
    if (shown && focus) {
      plan.focus();
    }
  }

  form.addEventListener("change", function () { update(false); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update(true);
  });

  restore(location.search);
  status.textContent = "Loading the plans…";
  fetch(root.dataset.plans, { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    })
    .then(function (json) {
      data = json;
      const chosen = answers();
      if (missing(chosen).length === Object.keys(REQUIRED).length && !location.search) {
        status.textContent = "Answer the four questions to see your plan.";
        return;
      }
      update(false);
    })
    .catch(function (error) {
      status.textContent = "The plans could not be loaded (" + error.message + "). Reload the page to try again.";
    });
})();
