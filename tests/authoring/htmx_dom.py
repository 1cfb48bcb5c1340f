"""A small DOM for tests: parse a page, find its htmx forms and links, and apply an htmx
response to it the way htmx would (the target, the swap style, HX-Retarget and HX-Reswap,
out-of-band elements), so a test can look at the page as the browser would have it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip


@dataclass(eq=False)
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)
    parent: Node | None = None

    @property
    def id(self) -> str | None:
        return self.attrs.get("id")

    def elements(self) -> Iterator[Node]:
        """This element and every element inside it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.elements()

    def ids(self) -> list[str]:
        return [node.id for node in self.elements() if node.id is not None]

    def find(self, element_id: str) -> Node | None:
        return next((node for node in self.elements() if node.id == element_id), None)

    def inherited(self, name: str) -> tuple[str, Node] | None:
        """An hx-* attribute on this element or the nearest ancestor, and who declares it."""
        node: Node | None = self
        while node is not None:
            if name in node.attrs:
                return node.attrs[name], node
            node = node.parent
        return None

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


@dataclass(frozen=True)
class Swap:
    target: str  # the id of the element swapped
    style: str  # outerHTML, innerHTML, ...


def swap_of(element: Node, headers: dict[str, str] | None = None) -> Swap:
    """Where htmx puts the response to this element's request: its hx-target (inherited,
    "this" meaning the element that declares it), else the element itself; its hx-swap,
    else innerHTML; HX-Retarget and HX-Reswap from the response win."""
    headers = headers or {}
    declared = element.inherited("hx-target")
    if declared is None:
        target_node: Node | None = element
    elif declared[0] == "this":
        target_node = declared[1]
    else:
        assert declared[0].startswith("#"), f"only #id targets are used here: {declared[0]}"
        target_node = None
        target_id = declared[0][1:]
    if target_node is not None:
        assert target_node.id, f"a target without an id: <{target_node.tag} {target_node.attrs}>"
        target_id = target_node.id
    style_declared = element.inherited("hx-swap")
    style = style_declared[0].split()[0] if style_declared else "innerHTML"
    if "HX-Retarget" in headers:
        assert headers["HX-Retarget"].startswith("#"), headers["HX-Retarget"]
        target_id = headers["HX-Retarget"][1:]
    if "HX-Reswap" in headers:
        style = headers["HX-Reswap"].split()[0]
    return Swap(target_id, style)


@dataclass
class Response:
    main: list[Node | str]  # what goes into the target
    oob: list[Node]  # elements swapped by their own id


def split_response(html: str) -> Response:
    nodes = parse(html).children
    oob = [n for n in nodes if isinstance(n, Node) and "hx-swap-oob" in n.attrs]
    main = [n for n in nodes if n not in oob]
    return Response(main, oob)


def _replace(node: Node, replacements: list[Node | str]) -> None:
    parent = node.parent
    assert parent is not None
    index = parent.children.index(node)
    for child in replacements:
        if isinstance(child, Node):
            child.parent = parent
    parent.children[index : index + 1] = replacements


def apply(page: Node, swap: Swap, response: Response) -> None:
    """Swap the response into the page as htmx would (outerHTML and innerHTML, the styles
    the review workspace uses, and out-of-band elements by their id)."""
    target = page.find(swap.target)
    assert target is not None, f"#{swap.target} is not on the page"
    if swap.style == "outerHTML":
        _replace(target, response.main)
    elif swap.style == "innerHTML":
        for child in response.main:
            if isinstance(child, Node):
                child.parent = target
        target.children = list(response.main)
    else:
        raise AssertionError(f"swap style not used by the workspace: {swap.style}")
    for element in response.oob:
        assert element.id, "an out-of-band element without an id"
        old = page.find(element.id)
        assert old is not None, f"out of band: #{element.id} is not on the page"
        del element.attrs["hx-swap-oob"]
        _replace(old, [element])


def htmx_forms(root: Node) -> list[Node]:
    return [node for node in root.elements() if node.tag == "form" and "hx-post" in node.attrs]


def htmx_links(root: Node) -> list[Node]:
    return [node for node in root.elements() if "hx-get" in node.attrs]


def fields(form: Node) -> list[Node]:
    return [
        node
        for node in form.elements()
        if node.tag in {"input", "select", "textarea"} and node.attrs.get("name")
    ]
