"""What a tagged PDF holds for a screen reader, read back with pypdf: the structure tree,
the pages it covers, the language, the title and the bookmarks. Used by the packet tests
and by scripts/pdf_tags.py."""

from __future__ import annotations

from pathlib import Path


def number_tree(node, seen: set[int] | None = None) -> dict:
    """A PDF number tree (/Nums pairs, /Kids below) as a dict: key -> value."""
    seen = set() if seen is None else seen
    node = node.get_object()
    if id(node) in seen:
        return {}
    seen.add(id(node))
    numbers = node.get("/Nums") or []
    found = {int(numbers[index]): numbers[index + 1] for index in range(0, len(numbers) - 1, 2)}
    for kid in node.get("/Kids") or []:
        found.update(number_tree(kid, seen))
    return found


def structure_elements(root) -> list:
    """Every structure element under a /StructTreeRoot, in reading order (depth first)."""
    found, seen = [], set()

    def walk(node) -> None:
        reference = getattr(node, "indirect_reference", None)
        node = node.get_object()
        key = (reference.idnum, reference.generation) if reference else id(node)
        if key in seen:
            return
        seen.add(key)
        if isinstance(node, list):
            for each in node:
                walk(each)
            return
        if not hasattr(node, "get"):  # a marked-content id (an integer)
            return
        if "/S" in node:
            found.append(node)
        kids = node.get("/K")
        if kids is not None:
            walk(kids)

    walk(root.get("/K") or [])
    return found


def covers(parents: dict, page) -> bool:
    """Whether the structure tree reaches into a page: the page's /StructParents key is in
    the tree's /ParentTree, with the structure elements of its marked content."""
    if "/StructParents" not in page:
        return False
    elements = parents.get(int(page["/StructParents"]))
    return elements is not None and len(elements.get_object()) > 0


def _outline_count(items) -> tuple[int, int]:
    """(top-level bookmarks, all bookmarks) of pypdf's nested outline list."""
    top = total = 0
    for item in items:
        if isinstance(item, list):
            total += _outline_count(item)[1]
        else:
            top += 1
            total += 1
    return top, total


#: Content operators, by what they draw: text, a shading or an inline image (each a piece), a
#: path (built, then painted; "n" paints nothing: a clipping path). A form or image XObject
#: (Do) may hold marked content of its own, so it is left as it is.
_MARKS = (b"BDC", b"BMC")
_PATH = {b"m", b"l", b"c", b"v", b"y", b"h", b"re", b"W", b"W*"}
_PAINT = {b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"n"}
_SHOW = {b"Tj", b"TJ", b"'", b'"', b"sh", b"INLINE IMAGE"}


def content_marks(reader, page) -> dict[str, int]:
    """How many pieces a page draws (texts, painted paths, shadings, inline images) inside
    structure (marked content), as artifacts, and outside both ("unmarked")."""
    from pypdf.generic import ContentStream

    counts = {"tagged": 0, "artifact": 0, "unmarked": 0}
    stack: list[str] = []
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator in _MARKS:
            stack.append(str(operands[0]))
        elif operator == b"EMC":
            if stack:
                stack.pop()
        elif operator in _SHOW or (operator in _PAINT and operator != b"n"):
            kind = "unmarked" if not stack else "artifact" if "/Artifact" in stack else "tagged"
            counts[kind] += 1
    return counts


def describe(path: Path) -> dict:
    """The accessibility facts of one PDF, by name (see scripts/pdf_tags.py)."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    catalog = reader.trailer["/Root"]
    mark_info = catalog.get("/MarkInfo")
    tree = catalog.get("/StructTreeRoot")
    tree = tree.get_object() if tree is not None else None
    parents = number_tree(tree["/ParentTree"]) if tree is not None and "/ParentTree" in tree else {}
    covered = sum(1 for page in reader.pages if covers(parents, page))
    preferences = catalog.get("/ViewerPreferences")
    marks = [content_marks(reader, page) for page in reader.pages]
    top, total = _outline_count(reader.outline)
    return {
        "pages": len(reader.pages),
        "marked": bool(mark_info and mark_info.get_object().get("/Marked")),
        "tree": tree is not None,
        "elements": len(structure_elements(tree)) if tree is not None else 0,
        "covered": covered,
        "lang": str(catalog.get("/Lang", "")),
        "title": str((reader.metadata or {}).get("/Title", "")),
        "display_title": bool(preferences and preferences.get_object().get("/DisplayDocTitle")),
        "outline": f"{top}/{total}",
        "unmarked": sum(each["unmarked"] for each in marks),
        "artifacts": sum(each["artifact"] for each in marks),
    }
