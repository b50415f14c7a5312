"""The reading plan ("Find your path"): the answers, the rule, the engine and the wording."""
