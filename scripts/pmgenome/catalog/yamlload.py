"""Load a contributor's YAML safely, keeping where every key and value was written.

PyYAML's loaders are YAML 1.1: they turn `NO` into False, keep the last of two duplicate
keys, expand aliases without limit and accept tags. We let libyaml build the node tree
(fast, linear even for alias bombs) with resolvers of our own, then walk the nodes
ourselves so every surprise becomes a located problem instead of a silent change.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple, cast

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pmgenome.catalog.yamlhints import character_problem, reader_message, syntax_message
from pmgenome.text.clean import shortened

MAX_BYTES = 256 * 1024
MAX_NODES = 20_000

Path_ = tuple[str | int, ...]

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TAG = "tag:yaml.org,2002:"
STR, INT, BOOL, NULL, DATE = (TAG + name for name in ("str", "int", "bool", "null", "timestamp"))
SEQ, MAP = TAG + "seq", TAG + "map"
ALLOWED_TAGS = frozenset({STR, INT, BOOL, NULL, DATE, SEQ, MAP})


_IMPLICIT = (
    (BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)\Z"), frozenset("tTfF")),
    (INT, re.compile(r"^[-+]?(?:0|[1-9][0-9]*)\Z"), frozenset("-+0123456789")),
    (NULL, re.compile(r"^(?:~|null|Null|NULL)\Z"), frozenset("~nN")),
    (DATE, re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}\Z"), frozenset("0123456789")),
)

# Most plain values start with a letter no implicit type can start with: one lookup decides.
_IMPLICIT_BY_FIRST: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _tag, _pattern, _starts in _IMPLICIT:
    for _char in _starts:
        _IMPLICIT_BY_FIRST.setdefault(_char, []).append((_tag, _pattern))


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Only what YAML 1.2's core schema would read as a non-string stays one; no floats,
    no yes/no/on/off booleans, no sexagesimal or octal numbers, dates only as YYYY-MM-DD."""

    # libyaml calls these around every node to track path resolvers; we have none.
    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        # Called by libyaml for every node, so it is kept direct rather than table-driven.
        if kind is ScalarNode:
            if implicit[0]:
                if value == "":
                    return NULL
                for tag, pattern in _IMPLICIT_BY_FIRST.get(value[0], ()):
                    if pattern.match(value):
                        return tag
            return STR
        return SEQ if kind is SequenceNode else MAP


class Location(NamedTuple):
    """A 1-based position in a file. A tuple, because the loader makes one per value."""

    line: int
    col: int


@dataclass
class LoadError:
    line: int
    col: int
    message: str
    rule: str


@dataclass
class Document:
    """A loaded YAML document: its value, and where each part of it was written.

    Positions are worked out from the node tree only when asked for: a valid file,
    the usual case, never needs them."""

    value: Any
    first_line: str = ""
    errors: list[LoadError] = field(default_factory=list)
    text: str | None = field(default=None, repr=False)

    @cached_property
    def _positions(self) -> tuple[dict[Path_, Location], dict[Path_, Location]]:
        # Composing again costs less than keeping every file's node tree alive for the
        # rare file that has a problem (10,000 trees held 150 MB).
        values: dict[Path_, Location] = {}
        keys: dict[Path_, Location] = {}
        if self.text is not None:
            root = _compose(self.text)
            if root is not None:
                _record_positions(root, (), values, keys, set())
        return values, keys

    @property
    def values(self) -> dict[Path_, Location]:
        """Where each value starts, by its path of keys and list indexes."""
        return self._positions[0]

    @property
    def keys(self) -> dict[Path_, Location]:
        """Where each key of a mapping was written, by the path of the value it names."""
        return self._positions[1]


def _record_positions(node: Node, path: Path_, values: dict[Path_, Location], keys: dict[Path_, Location],
                      seen: set[int]) -> None:
    values[path] = _loc(node)
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode):
                child = (*path, key_node.value)
                if child not in keys:  # the first of duplicate keys is the one that counts
                    keys[child] = _loc(key_node)
                    _record_positions(value_node, child, values, keys, seen)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            _record_positions(item, (*path, index), values, keys, seen)


def _loc(node: Node) -> Location:
    return Location(node.start_mark.line + 1, node.start_mark.column + 1)


def decode(data: bytes) -> tuple[str | None, LoadError | None]:
    """UTF-8 text without its BOM and with LF line endings, or a located decoding error."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, LoadError(
            line, col, f"file is not valid UTF-8 (byte 0x{data[error.start]:02x}); save it as UTF-8",
            "encoding",
        )
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, None


def load(data: bytes) -> Document:
    """Parse one YAML document from bytes. Never raises: problems land in `errors`."""
    if len(data) > MAX_BYTES:
        return Document(None, errors=[LoadError(
            1, 1, f"file is {len(data):,} bytes; the limit is {MAX_BYTES:,}", "size")])
    text, error = decode(data)
    if error is not None:
        return Document(None, errors=[error])
    assert text is not None
    if (character := character_problem(text)) is not None:
        return Document(None, errors=[LoadError(*character, "encoding")])
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as exc:
        line, col, message = syntax_message(exc, text)
        if exc.problem == "but found another document":
            return Document(None, errors=[LoadError(
                line, col, "file holds more than one YAML document (remove the second '---')", "documents")])
        return Document(None, errors=[LoadError(line, col, message, "syntax")])
    except yaml.reader.ReaderError as exc:
        return Document(None, errors=[LoadError(*reader_message(exc, text), "encoding")])
    except yaml.YAMLError as exc:
        return Document(None, errors=[LoadError(1, 1, f"YAML syntax error: {exc}", "syntax")])
    if root is None:
        return Document(None, errors=[LoadError(1, 1, "file is empty", "empty")])
    newline = text.find("\n")
    document = Document(None, first_line=text if newline < 0 else text[:newline], text=text)
    walker = _Walker(document)
    document.value = walker.build(root)
    walker.report_lone_anchors()
    return document


def _compose(text: str) -> Node | None:
    """The one document's node tree (None for an empty stream); libyaml raises on a second."""
    loader = _Loader(text)
    try:
        return cast(Node | None, loader.get_single_node())  # (the loader is untyped)
    finally:
        loader.dispose()


class _Walker:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.seen: set[int] = set()
        self.reported_aliases: set[int] = set()
        # Anchored nodes not (yet) aliased: `author: &Co Ltd` silently reads as "Ltd".
        self.anchored: dict[int, Node] = {}
        self.text = document.text or ""
        self.may_anchor = "&" in self.text  # most files have no '&' at all: no node needs a look
        self.count = 0

    def error(self, node: Node, message: str, rule: str) -> None:
        where = _loc(node)
        self.document.errors.append(LoadError(where.line, where.col, message, rule))

    def build(self, node: Node) -> Any:
        if id(node) in self.seen:
            # libyaml hands back the anchored node for every alias: seeing it twice is an alias.
            if id(node) not in self.reported_aliases:
                self.reported_aliases.add(id(node))
                self.error(node, "anchors and aliases (&name, *name) are not allowed; "
                           "write the value out where it is used", "alias")
            return None
        self.seen.add(id(node))
        if self.may_anchor and self.starts_with_anchor(node):
            self.anchored[id(node)] = node
        if node.tag == STR and type(node) is ScalarNode:
            return node.value  # the common case, kept short: most values are plain text
        # Text is bounded by the file size; structure is what an attacker would multiply.
        self.count += 1
        if self.count > MAX_NODES:
            if self.count == MAX_NODES + 1:
                self.error(node, f"file has more than {MAX_NODES:,} values", "size")
            return None
        if node.tag not in ALLOWED_TAGS:
            # A local tag is what a value that starts with ! becomes (`title: !Important`).
            text_hint = "" if node.tag.startswith(TAG) else \
                "; to write text that starts with !, put the whole value in quotes"
            self.error(node, f"YAML tag {node.tag.replace(TAG, '!!')} is not allowed{text_hint}", "tag")
            return None
        if isinstance(node, MappingNode):
            return self.mapping(node)
        if isinstance(node, SequenceNode):
            return tuple([self.build(item) for item in node.value])
        return self.scalar(cast(ScalarNode, node))  # YAML has three kinds of node

    def starts_with_anchor(self, node: Node) -> bool:
        """libyaml starts an anchored node at its '&'."""
        return self.text[node.start_mark.index: node.start_mark.index + 1] == "&"

    def report_lone_anchors(self) -> None:
        """An anchor no alias uses changes nothing but the value it swallows: said as such."""
        for node_id, node in self.anchored.items():
            if node_id not in self.reported_aliases:
                self.error(node, "a value cannot start with & (YAML reads '&name' as an anchor, which is not "
                           "allowed); put the whole value in quotes", "alias")

    def mapping(self, node: MappingNode) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag not in (STR, INT, BOOL, NULL):
                self.error(key_node, "keys must be plain names", "key")
                continue
            key = key_node.value
            if key not in result and value_node.tag == STR and type(value_node) is ScalarNode \
                    and id(value_node) not in self.seen \
                    and not (self.may_anchor and self.starts_with_anchor(value_node)):
                # Most values are plain text: handled here without a call per value.
                self.seen.add(id(value_node))
                result[key] = value_node.value
                continue
            if key in result:
                first = next(k for k, _ in node.value if isinstance(k, ScalarNode) and k.value == key)
                self.error(key_node, f"duplicate key '{key}' (first written at line "
                           f"{first.start_mark.line + 1}); keep only one", "duplicate-key")
                continue
            result[key] = self.build(value_node)
        return result

    def scalar(self, node: ScalarNode) -> Any:
        text = node.value
        if node.tag == STR:
            return text
        if node.tag == NULL:
            return None
        if node.tag == BOOL:
            return text.lower() == "true"
        if node.tag == INT:
            try:
                return int(text, 10)
            except ValueError:
                # Past Python's 4,300 digits: no year, and not a number to print in full either.
                self.error(node, f"'{shortened(text, 60)}' is not a whole number", "type")
                return None
        # DATE
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            self.error(node, f"impossible date {text} (use a real day, YYYY-MM-DD)", "date")
            return None
