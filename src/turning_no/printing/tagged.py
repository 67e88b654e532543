"""What a tagged PDF holds for a screen reader, read back with pypdf: the structure tree,
the pages it covers, the language, the title and the bookmarks. Used by the packet tests
and by scripts/pdf_tags.py."""

from __future__ import annotations

import re
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
#: path (built, then painted; "n" paints nothing: a clipping path), an XObject (Do).
_MARKS = (b"BDC", b"BMC")
_PATH = {b"m", b"l", b"c", b"v", b"y", b"h", b"re", b"W", b"W*"}
_PAINT = {b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"n"}
_SHOW = {b"Tj", b"TJ", b"'", b'"', b"sh", b"INLINE IMAGE"}
_MARKED_CONTENT = re.compile(rb"\bB[DM]C\b")


def _holds_marks(xobject, depth: int = 0) -> bool:
    """Whether a form XObject (or one it draws) has marked content of its own."""
    xobject = xobject.get_object()
    if xobject.get("/Subtype") != "/Form" or depth > 8:
        return False
    if _MARKED_CONTENT.search(xobject.get_data()):
        return True
    resources = xobject.get("/Resources")
    inner = resources.get_object().get("/XObject") if resources is not None else None
    return inner is not None and any(_holds_marks(each, depth + 1) for each in inner.get_object().values())


def plain_xobjects(page) -> set[str]:
    """The names of the page's XObjects that draw without marked content of their own (an
    image, a group of shapes): a piece each, like a path. One that holds marked content
    (WeasyPrint draws some tagged text in a transparency group) is left to its own marks."""
    resources = page.get("/Resources")
    found = resources.get_object().get("/XObject") if resources is not None else None
    if found is None:
        return set()
    return {str(name) for name, xobject in found.get_object().items() if not _holds_marks(xobject)}


def content_marks(reader, page) -> dict[str, int]:
    """How many pieces a page draws (texts, painted paths, shadings, images, plain XObjects)
    inside structure (marked content), as artifacts, and outside both ("unmarked")."""
    from pypdf.generic import ContentStream

    counts = {"tagged": 0, "artifact": 0, "unmarked": 0}
    plain = plain_xobjects(page)
    stack: list[str] = []
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator in _MARKS:
            stack.append(str(operands[0]))
        elif operator == b"EMC":
            if stack:
                stack.pop()
        elif (
            operator in _SHOW
            or (operator in _PAINT and operator != b"n")
            or (operator == b"Do" and str(operands[0]) in plain)
        ):
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


# --- Content outside the tree: artifacts ------------------------------------------


def as_artifacts(operations: list, plain: set[str] = frozenset()) -> tuple[list, int]:
    """A page's content operations with what is drawn outside any marked content wrapped in
    `/Artifact BMC ... EMC`, and how many pieces were. PDF/UA asks that all content be
    in the structure tree or an artifact; Chromium leaves its footer (the page numbers)
    and the text that CSS makes (counters, list numbers) in neither, nor some shapes
    drawn as XObjects (a box's shaded background, the copy buttons' icons). Each piece
    is one text-showing operator, one path with its painting operator, one shading or
    inline image, or one XObject of `plain` (see plain_xobjects), so no sequence crosses
    a text object or a q/Q pair."""
    from pypdf.generic import NameObject

    begin, end = ([NameObject("/Artifact")], b"BMC"), ([], b"EMC")
    found, path, depth, wrapped = [], [], 0, 0
    for operands, operator in operations:
        if operator in _MARKS:
            depth += 1
        elif operator == b"EMC":
            depth = max(depth - 1, 0)
        elif depth == 0 and operator in _PATH:
            path.append((operands, operator))
            continue
        elif depth == 0 and (
            operator in _SHOW or (operator in _PAINT and path) or (operator == b"Do" and str(operands[0]) in plain)
        ):
            found += [begin, *path, (operands, operator), end]
            path = []
            wrapped += 1
            continue
        found += path
        path = []
        found.append((operands, operator))
    return found + path, wrapped


def mark_artifacts(pdf: bytes) -> tuple[bytes, int]:
    """The PDF with its untagged content marked as artifacts (see as_artifacts), and how
    many pieces were; its links described (describe_links). Every other object is copied
    as it was (the structure tree, the outline), the page contents are compressed again,
    and the PDF version is kept."""
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ContentStream

    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header
    describe_links(writer)
    total = 0
    for page in writer.pages:
        content = ContentStream(page.get_contents(), reader)
        operations, wrapped = as_artifacts(content.operations, plain_xobjects(page))
        if wrapped:
            content.operations = operations
            page.replace_contents(content)
            page.compress_content_streams()
            total += wrapped
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue(), total


# --- Links: a description of where each goes ----------------------------------------


def _texts_by_mcid(page) -> dict[int, str]:
    """The text that each marked-content id of a page holds."""
    found: dict[int, str] = {}
    stack: list[int | None] = []

    def before(operator, operands, *_):
        if operator == b"BDC":
            properties = operands[1] if len(operands) > 1 else None
            stack.append(properties.get("/MCID") if hasattr(properties, "get") else None)
        elif operator == b"BMC":
            stack.append(None)
        elif operator == b"EMC" and stack:
            stack.pop()

    def text(chunk, *_):
        mcid = next((each for each in reversed(stack) if each is not None), None)
        if mcid is not None and chunk:
            found[int(mcid)] = found.get(int(mcid), "") + chunk

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    return found


def describe_links(writer) -> int:
    """Give each tagged link annotation a /Contents, the words of its link: PDF/UA-1 (7.18.5)
    asks links for an alternate description, and Chromium writes none. Returns how many."""
    from pypdf.generic import NameObject, TextStringObject

    root = writer.root_object
    if "/StructTreeRoot" not in root:
        return 0
    pages = {page.indirect_reference.idnum: page for page in writer.pages}
    texts: dict[int, dict[int, str]] = {}

    def words(node, page_id) -> tuple[list[str], list]:
        node = node.get_object()
        if isinstance(node, list):
            found, annotations = [], []
            for each in node:
                more, links = words(each, page_id)
                found += more
                annotations += links
            return found, annotations
        if isinstance(node, int):
            if page_id not in texts and page_id in pages:
                texts[page_id] = _texts_by_mcid(pages[page_id])
            return [texts.get(page_id, {}).get(int(node), "")], []
        if node.get("/Type") == "/OBJR":
            return [], [node["/Obj"].get_object()]
        page = node.get("/Pg")
        page_id = page.idnum if page is not None else page_id
        if node.get("/Type") == "/MCR":
            return words(node["/MCID"], page_id)
        return words(node.get("/K", []), page_id) if "/K" in node else ([], [])

    described = 0
    for element in structure_elements(root["/StructTreeRoot"]):
        if element["/S"] != "/Link":
            continue
        page = element.get("/Pg")
        found, annotations = words(element.get("/K", []), page.idnum if page is not None else None)
        description = " ".join(" ".join(found).split())
        for annotation in annotations:
            if description and "/Contents" not in annotation:
                annotation[NameObject("/Contents")] = TextStringObject(description)
                described += 1
    return described
