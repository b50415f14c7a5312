"""The search query set: what readers type, and the entries a curator expects them to find.

Written before search was tuned, from the shipped catalog, in a reader's words rather than
titles: the field's abbreviations, natural questions with words the catalog may not use, and
plain topics. Each query lists every entry a curator would be glad to see first; a query counts
as found when one of them is among the first five results. search_quality_browser_test.py runs
them against the shipped catalog's real index in Chromium and holds the figures to floors.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Query:
    text: str
    expected: tuple[str, ...]  # entry ids, any of which is a good first answer


QUERIES = (
    # The field's abbreviations.
    Query("gtm", ("dunford-obviously-awesome", "moore-crossing-the-chasm", "pragmatic-framework",
                  "butterfield-we-dont-sell-saddles-here", "openview-product-led-growth", "reeves-gaines-building-products-for-the-enterprise",
                  "hubspot-inbound-sales", "cohen-product-purgatory", "balfour-four-fits", "weinberg-mares-traction")),
    Query("pmf", ("superhuman-pmf-engine", "winters-finding-product-market-fit", "yc-rusenko-product-market-fit",
                  "andreessen-only-thing-that-matters")),
    Query("plg", ("openview-product-led-growth", "product-led-alliance")),
    Query("jtbd", ("hbr-jobs-to-be-done", "kalbach-the-jobs-to-be-done-playbook", "christensen-competing-against-luck",
                   "christensen-job-your-product-does")),
    Query("okr", ("pichler-okrs-and-product-roadmaps", "wodtke-radical-focus", "doerr-measure-what-matters")),
    Query("okrs for product teams", ("pichler-okrs-and-product-roadmaps", "wodtke-radical-focus", "doerr-measure-what-matters")),
    Query("nsm", ("amplitude-north-star-playbook",)),
    Query("rice", ("intercom-rice-prioritization",)),
    Query("mvp", ("yc-seibel-how-to-plan-an-mvp", "olsen-the-lean-product-playbook", "ries-the-lean-startup")),
    Query("llm", ("applied-llms-year-of-building", "huyen-llm-applications-production", "yan-llm-patterns",
                  "karpathy-intro-to-llms", "karpathy-deep-dive-into-llms", "huggingface-llm-course", "fsdl-llm-bootcamp")),
    Query("ux metrics", ("rodden-heart-ux-metrics",)),
    Query("saas metrics", ("skok-saas-metrics-2", "stripe-atlas-business-of-saas", "a16z-16-startup-metrics")),
    # Natural questions, often with a word no entry uses.
    Query("ab test mistakes", ("evan-miller-how-not-to-run-an-ab-test", "posthog-ab-testing-mistakes", "kohavi-tang-xu-trustworthy-online-controlled-experiments",
                               "udacity-ab-testing", "maven-kohavi-ab-testing")),
    Query("how to prioritize features", ("intercom-rice-prioritization", "chu-ruthless-prioritization",
                                         "svpg-four-big-risks", "shape-up", "perri-escaping-the-build-trap")),
    Query("how to talk to customers", ("yc-how-to-talk-to-users", "yc-migicovsky-how-to-talk-to-users",
                                       "fitzpatrick-the-mom-test", "norton-how-to-listen-to-customers",
                                       "torres-story-based-customer-interviews")),
    Query("how to run user interviews well", ("portigal-interviewing-users", "fitzpatrick-the-mom-test",
                                              "torres-story-based-customer-interviews", "yc-how-to-talk-to-users")),
    Query("finding product market fit for a startup", ("superhuman-pmf-engine", "winters-finding-product-market-fit",
                                                        "yc-rusenko-product-market-fit", "andreessen-only-thing-that-matters")),
    Query("how to price a b2b saas product", ("yc-blomfield-how-to-price-for-b2b", "yc-epstein-business-models-and-pricing",
                                             "stripe-atlas-business-of-saas", "skok-saas-metrics-2")),
    Query("what is good retention", ("lenny-what-is-good-retention", "chen-losing-80-percent-of-mobile-users")),
    Query("which ux research method should i use", ("nng-which-ux-research-methods", "userinterviews-ux-research-for-pms",
                                                   "idf-user-research-methods")),
    Query("usability testing with few users", ("nng-test-with-5-users", "krug-dont-make-me-think")),
    Query("best books on product strategy", ("rumelt-good-strategy-bad-strategy", "lafley-martin-playing-to-win",
                                             "pichler-strategize", "perri-escaping-the-build-trap")),
    Query("managing technical debt", ("fowler-technical-debt-quadrant", "sculley-hidden-technical-debt-ml")),
    Query("api design", ("google-api-design-guide", "stripe-api-versioning")),
    Query("building ai agents", ("anthropic-building-effective-agents", "openai-practical-guide-building-agents",
                                 "osmani-good-spec-for-ai-agents")),
    Query("evals for ai products", ("husain-your-ai-product-needs-evals", "husain-sedgh-llm-evaluation-systems",
                                    "braintrust-evals-for-pms", "maven-ai-evals-for-engineers-pms")),
    Query("growth loops", ("reforge-growth-loops",)),
    Query("network effects", ("nfx-network-effects-manual", "chen-the-cold-start-problem")),
    Query("design systems", ("config-worboys-design-systems", "frost-atomic-design-methodology")),
    Query("hiring a product manager", ("norton-how-to-hire-a-pm", "sinofsky-hiring-your-first-pm")),
    Query("writing a product spec", ("joel-painless-functional-specs", "osmani-good-spec-for-ai-agents",
                                     "ubl-design-docs-at-google")),
    Query("learn sql", ("khan-academy-intro-to-sql",)),
    Query("positioning", ("dunford-obviously-awesome",)),
    Query("user story mapping", ("patton-user-story-mapping", "patton-new-backlog-is-a-map", "patton-user-story-mapping-talk")),
    Query("pirate metrics funnel", ("posthog-aarrr-pirate-funnel",)),
    Query("product sense", ("staysaasy-product-sense", "doshi-product-sense-workshop", "lenny-how-to-build-ai-product-sense")),
    Query("working with engineers", ("norton-how-to-work-with-software-engineers", "orosz-product-minded-engineer")),
    Query("feature flags", ("fowler-feature-toggles",)),
    Query("onboarding and activation", ("balfour-patreon-onboarding",)),
    Query("large language models explained", ("karpathy-intro-to-llms", "karpathy-deep-dive-into-llms")),
    Query("kpis", ("yc-cheung-kpis-and-goals",)),
)
