"""The reader copy of a book notebook: plain CommonMark + HTML that stock JupyterLab renders like the site.

JupyterLab shows MyST as raw text (numbers missing, ``{cite}`` keys, grey directive blocks, solutions in
plain view).  The reader copy keeps every code cell (widgets stay live) and rewrites the markdown:

* ``{glue:text}`key:fmt``` (and ``{glue}``, ``{glue:md}``) → the value from an executed copy, formatted as the
  site does (myst-nb's own ``format_plain_text``);
* ``{cite}``, ``{cite:p}`` → "(Author, year; …)", ``{cite:t}`` → "Author (year)", each a link to a
  *References* cell appended at the end (entries formatted by pybtex from ``book/references.bib``);
* ``{bdg-success|warning|danger|info|…}`` → a coloured label (inline style, which JupyterLab's sanitizer keeps);
* admonitions (``{admonition}``, ``{note}``, ``{tip}``, …) → a box; ``:class: dropdown`` and ``{dropdown}`` → a
  folded ``<details>``; ``{exercise}`` → a titled box "Exercise N (title)";
* gated ``{solution-start}``/``{solution-end}`` pairs (which may span cells) → each markdown piece of the
  solution folded in its own ``<details>``, the solution's code cells collapsed (``source_hidden`` and
  ``outputs_hidden``); an ungated ``{solution}`` → one ``<details>``;
* ``{term}`x``` / ``{term}`text <x>``` → ``<abbr title="definition">`` from ``book/glossary.md`` (plain text when
  there is no glossary); ``{ref}``, ``{numref}``, ``{doc}`` → plain text, or a relative link to a notebook;
* ``(label)=`` targets and ``%`` comments are dropped; maths (``$…$``, ``$$…$$``) is kept as it is;
* code cells tagged ``remove-cell``/``hide-input``/``remove-input`` keep running with their source collapsed;
  a code cell that displays MyST markdown (``mystnb.markdown_format: myst``) becomes a markdown cell of its
  converted output; markdown cells tagged ``remove-cell`` or ``slide-only`` are dropped; outputs are stripped.

Any role or directive not listed raises :class:`UnknownSyntax` naming it, so no chapter leaks raw MyST.

``make lab`` runs ``python tools/lab_edition.py --out lab``: each book notebook is executed with nbclient
(live widgets, ``KETAMINE_SIM_STATIC`` unset) for its glue values and written to ``lab/<path under book/>``,
only when the notebook, ``code/``, the bibliography, the glossary or this converter changed.  A copy whose
cells a student edited is never overwritten: it is renamed ``<name>.edited-<UTC time>.ipynb`` next to the
fresh copy, and the run says so (outputs and execution counts are not edits).  The site's download button
serves the same reader copy (``book/_ext/lab_download.py``, from the build's executed notebooks).
"""

import argparse
import copy
import dataclasses
import datetime
import hashlib
import html
import json
import os
import pathlib
import re
import shutil
import sys

import nbformat

ROOT = pathlib.Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
BIB = BOOK / "references.bib"
GLOSSARY = BOOK / "glossary.md"
STATIC_ENV = "KETAMINE_SIM_STATIC"
STAMP_NAME = ".lab-edition.json"
MARKER = "ketamine_lab_edition"  # notebook metadata key of a reader copy


class UnknownSyntax(ValueError):
    """A MyST role or directive the converter does not know (it would show as raw markup)."""


# ---------------------------------------------------------------- looks: what JupyterLab's sanitizer keeps
# Inline styles survive JupyterLab's HTML sanitizer (checked in a real JupyterLab by tests/test_lab.py);
# translucent backgrounds and inherited text colour read in the light and the dark theme.
BADGE_COLOURS = {"primary": "#0b5cad", "secondary": "#5c636a", "success": "#1a7f37", "info": "#0a6a8a",
                 "warning": "#8a5a00", "danger": "#b3261e", "light": "#5c636a", "dark": "#212529"}
BOX_COLOURS = {"note": "#0b5cad", "tip": "#1a7f37", "hint": "#1a7f37", "important": "#0a6a8a",
               "seealso": "#0a6a8a", "predict": "#7b3fa0", "anchor": "#b35900", "caution": "#8a5a00",
               "warning": "#8a5a00", "attention": "#8a5a00", "danger": "#b3261e", "error": "#b3261e",
               "exercise": "#5c636a", "admonition": "#5c636a", "dropdown": "#5c636a"}
NAMED_ADMONITIONS = ("note", "tip", "hint", "important", "seealso", "caution", "warning", "attention",
                     "danger", "error")


def badge(kind, text):
    """A coloured label like sphinx-design's ``{bdg-<kind>}`` (``-line``: outlined)."""
    outline = kind.endswith("-line")
    colour = BADGE_COLOURS[kind.removesuffix("-line")]
    look = (f"border: 1px solid {colour}; color: {colour}" if outline
            else f"background-color: {colour}; color: #ffffff")
    return (f'<span style="{look}; padding: 0.05em 0.55em; border-radius: 0.8em; font-size: 0.85em; '
            f'font-weight: 600; white-space: nowrap">{text}</span>')


def _rgba(colour, alpha):
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {alpha})"


def box(kind, title, body):
    """An admonition box: a coloured left border, a tinted background, a bold title."""
    colour = BOX_COLOURS.get(kind, BOX_COLOURS["admonition"])
    style = (f"border-left: 0.3em solid {colour}; background-color: {_rgba(colour, 0.08)}; "
             f"padding: 0.1em 1em; margin: 0.8em 0; border-radius: 0.25em")
    head = f"**{title}**\n\n" if title else ""
    return f'<div style="{style}">\n\n{head}{body.strip()}\n\n</div>'


def folded(summary, body, kind="dropdown"):
    """A ``<details>`` block, closed until the reader opens it."""
    colour = BOX_COLOURS.get(kind, BOX_COLOURS["dropdown"])
    style = (f"border: 1px solid {_rgba(colour, 0.5)}; padding: 0.3em 1em; margin: 0.8em 0; "
             f"border-radius: 0.25em")
    return (f'<details style="{style}">\n<summary><strong>{summary}</strong></summary>\n\n'
            f"{body.strip()}\n\n</details>")


# ---------------------------------------------------------------- inputs: glue, bibliography, glossary
def glue_from_notebook(executed):
    """Glue outputs of an executed notebook: ``{key: output}`` with the mime prefix removed (as myst-nb does)."""
    from myst_nb.ext.glue import extract_glue_data_cell

    data = {}
    for cell in copy.deepcopy(executed).cells:
        if cell.cell_type == "code":
            data.update(extract_glue_data_cell(cell))
    return data


def glue_from_json(path):
    """Glue outputs saved by a book build (``_build/jupyter_execute/<doc>.glue.json``); {} when absent."""
    path = pathlib.Path(path)
    if not path.exists():
        return {}
    data = json.loads(path.read_text())
    for output in data.values():  # myst-nb saves it with the prefix already removed; older files kept it
        prefix = output.get("metadata", {}).get("scrapbook", {}).get("mime_prefix", "")
        output["data"] = {k.removeprefix(prefix) if prefix else k: v for k, v in output["data"].items()}
    return data


def read_bibliography(path=BIB):
    """The book's bibliography (pybtex), or None when the file is missing."""
    from pybtex.database import parse_file

    return parse_file(str(path)) if pathlib.Path(path).exists() else None


def read_glossary(path=GLOSSARY):
    """``{term (lower case): (term, definition)}`` from the MyST ``{glossary}`` block of ``path``; {} if absent.

    Terms start a line; the definition is indented below them; several term lines may share one definition."""
    path = pathlib.Path(path)
    if not path.exists():
        return {}
    match = re.search(r"^(`{3,}|:{3,})\{glossary\}[^\n]*\n(.*?)^\1[ \t]*$", path.read_text(), re.M | re.S)
    if not match:
        return {}
    terms, pending, definition = {}, [], []

    def flush():
        for term in pending:
            terms[term.lower()] = (term, " ".join(definition))

    for line in match.group(2).splitlines():
        if re.match(r"^:[\w-]+:", line) or not line.strip():
            continue
        if line[0] in " \t":
            definition.append(line.strip())
        else:
            if definition:
                flush()
                pending, definition = [], []
            pending.append(line.strip())
    flush()
    return terms


# ---------------------------------------------------------------- citations
def _strip_latex(text):
    from pybtex.backends.plaintext import Backend
    from pybtex.richtext import Text

    return Text.from_latex(str(text)).render(Backend())


_MEMO = {}  # id(entry) → (entry, what): pybtex looks plugins up through entry points, slowly, on every call


def _memo(kind, entry, make):
    found = _MEMO.get((kind, id(entry)))
    if found is None or found[0] is not entry:
        found = _MEMO[(kind, id(entry))] = (entry, make())
    return found[1]


def cite_label(entry):
    """Author-year label parts of a pybtex entry: ("Jahr and Stevens", "1990"), ("Spruston et al.", "1995")."""
    return _memo("label", entry, lambda: _cite_label(entry))


def _cite_label(entry):
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [_strip_latex(" ".join(p.prelast_names + p.last_names)) for p in people]
    if not names:
        authors = _strip_latex(entry.fields.get("organization", entry.fields.get("title", "Anonymous")))
    elif len(names) == 1:
        authors = names[0]
    elif len(names) == 2:
        authors = f"{names[0]} and {names[1]}"
    else:
        authors = f"{names[0]} et al."
    return authors, _strip_latex(entry.fields.get("year", "n.d."))


def format_reference(entry, key):
    """One bibliography entry as inline HTML (pybtex's plain style, as on the site)."""
    from pybtex.backends.html import Backend
    from pybtex.style.formatting.plain import Style

    return _memo("html", entry, lambda: " ".join(Style().format_entry(key, entry).text.render(Backend()).split()))


def _anchor(key):
    return "ref-" + re.sub(r"[^\w-]", "-", key)


# ---------------------------------------------------------------- the conversion context
@dataclasses.dataclass
class Context:
    """What a notebook's conversion needs to know, and what it collects (citations, exercise numbers)."""
    glue: dict = dataclasses.field(default_factory=dict)
    bibliography: object = None
    glossary: dict = dataclasses.field(default_factory=dict)
    path: str = ""  # the notebook's path under book/, e.g. "chapters/antagonist_paradox.ipynb"
    docs: dict = dataclasses.field(default_factory=dict)  # docname under book/ → (title, is_notebook)
    cited: list = dataclasses.field(default_factory=list)
    exercises: dict = dataclasses.field(default_factory=dict)  # label → (number, title)
    headings: dict = dataclasses.field(default_factory=dict)  # target label → heading text
    rendered: int = 0  # exercises rendered so far (their number)

    def where(self):
        return self.path or "notebook"


def book_docs(book=BOOK):
    """Every page under ``book``: docname → (title, is_notebook), for ``{doc}`` links."""
    docs = {}
    for path in sorted(book.rglob("*")):
        if path.suffix not in (".md", ".ipynb") or any(part.startswith((".", "_")) for part in path.parts):
            continue
        docs[path.relative_to(book).with_suffix("").as_posix()] = (_title(path), path.suffix == ".ipynb")
    return docs


def _title(path):
    try:
        if path.suffix == ".ipynb":
            text = "\n".join("".join(c["source"]) for c in json.loads(path.read_text())["cells"]
                             if c["cell_type"] == "markdown")
        else:
            text = path.read_text()
    except (OSError, ValueError, KeyError):
        return path.stem
    match = re.search(r"^# (.+)$", text, re.M)
    return match.group(1).strip() if match else path.stem


# ---------------------------------------------------------------- inline roles
_INLINE = re.compile(r"\{(?P<role>[A-Za-z][\w:+.-]*)\}(?P<ticks>`+)(?P<content>.+?)(?<!`)(?P=ticks)(?!`)"
                     r"|(?P<code>`+).+?(?<!`)(?P=code)(?!`)", re.S)
_TEXT_TARGET = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.S)


def _text_and_target(content):
    match = _TEXT_TARGET.match(content.strip())
    return (match["text"], match["target"]) if match and match["text"] else (None, content.strip())


def _glue(content, ctx, role):
    key, fmt = (content.rsplit(":", 1) + ["s"])[:2] if ":" in content else (content, "s")
    key = key.strip()
    if key not in ctx.glue:
        raise ValueError(f"{ctx.where()}: glue key {key!r} is not in the executed notebook")
    data = ctx.glue[key]["data"]
    if role == "glue:md":
        return data.get("text/markdown", "")
    from myst_nb.core.variables import format_plain_text

    try:
        text = format_plain_text(data["text/plain"], fmt if role == "glue:text" else "")
    except ValueError as error:  # the site's build fails on it too (a glue warning under -W)
        raise ValueError(f"{ctx.where()}: glue key {key!r} = {data['text/plain']!r} cannot be formatted as "
                         f"{fmt!r} ({error}); glue a plain Python number, e.g. float(...)") from error
    return html.escape(text, quote=False)


def _cite(role, content, ctx):
    if ctx.bibliography is None:
        raise ValueError(f"{ctx.where()}: {{{role}}} needs book/references.bib")
    parts = []
    for key in (k.strip() for k in content.split(",")):
        entry = ctx.bibliography.entries.get(key)
        if entry is None:
            raise ValueError(f"{ctx.where()}: citation key {key!r} is not in references.bib")
        if key not in ctx.cited:
            ctx.cited.append(key)
        authors, year = cite_label(entry)
        title = html.escape(re.sub(r"<[^>]+>", "", html.unescape(format_reference(entry, key))))
        shown = f"{authors} ({year})" if role.startswith("cite:t") else f"{authors}, {year}"
        parts.append(f'<a href="#{_anchor(key)}" title="{title}">{shown}</a>')
    if role.startswith("cite:t"):
        return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
    return "(" + "; ".join(parts) + ")"


def _term(content, ctx):
    text, term = _text_and_target(content)
    text = text or term
    if not ctx.glossary:
        return text
    found = ctx.glossary.get(term.lower())
    if found is None:
        raise ValueError(f"{ctx.where()}: {{term}} {term!r} is not in book/glossary.md")
    # terms inside a definition stay plain text (no tooltip in a tooltip, no endless self-reference)
    definition = plain_text(convert_inline(found[1], dataclasses.replace(ctx, cited=[], glossary={})))
    return f'<abbr title="{html.escape(definition)}">{text}</abbr>'


def _ref(role, content, ctx):
    text, label = _text_and_target(content)
    if label in ctx.exercises:
        number, title = ctx.exercises[label]
        name = f"Exercise {number}"
        if text:
            return text.replace("%s", str(number)).replace("{number}", str(number)).replace("{name}", title)
        return name
    return text or ctx.headings.get(label, label.replace("-", " "))


def _doc(content, ctx):
    text, target = _text_and_target(content)
    here = pathlib.PurePosixPath(ctx.path).parent
    name = pathlib.PurePosixPath(target.removesuffix(".md").removesuffix(".ipynb"))
    resolved = name.as_posix().lstrip("/").removeprefix("book/") if target.startswith("/") else \
        os.path.normpath((here / name).as_posix())
    title, is_notebook = ctx.docs.get(resolved, (None, False))
    text = text or title or name.name
    if is_notebook:
        return f"[{text}]({os.path.relpath(resolved, here.as_posix() or '.')}.ipynb)"
    return text


_SIMPLE = {"sub": "<sub>{}</sub>", "sup": "<sup>{}</sup>", "kbd": "<kbd>{}</kbd>", "math": "${}$",
           "code": "`{}`", "strong": "**{}**", "emphasis": "*{}*"}


def _role(role, content, ctx):
    if role in ("glue", "glue:", "glue:any", "glue:text", "glue:md"):
        return _glue(content, ctx, role)
    if role in ("cite", "cite:p", "cite:ps", "cite:t", "cite:ts"):
        return _cite(role, content, ctx)
    if role.startswith("bdg-") and role[4:].removesuffix("-line") in BADGE_COLOURS:
        return badge(role[4:], convert_inline(content, ctx))
    if role == "term":
        return _term(content, ctx)
    if role in ("ref", "numref", "eq"):
        return _ref(role, content, ctx)
    if role == "doc":
        return _doc(content, ctx)
    if role == "abbr":
        match = re.match(r"^(.*?)\s*\((.*)\)$", content, re.S)
        return f'<abbr title="{html.escape(match[2])}">{match[1]}</abbr>' if match else content
    if role in _SIMPLE:
        return _SIMPLE[role].format(content)
    raise UnknownSyntax(f"{ctx.where()}: unknown role {{{role}}} in {{{role}}}`{content}`")


def convert_inline(text, ctx):
    """Replace every MyST role in ``text`` (code spans are left alone)."""
    def one(match):
        if match["code"]:
            return match[0]
        return _role(match["role"], match["content"], ctx)

    out = _INLINE.sub(one, text)
    if re.search(r"\{\{.*?\}\}", _without_code(out)):
        raise UnknownSyntax(f"{ctx.where()}: MyST substitution {{{{ … }}}} is not supported")
    return out


def _without_code(text):
    return re.sub(r"(`+).+?(?<!`)\1(?!`)", "", text, flags=re.S)


def plain_text(markdown):
    """Markdown (and inline HTML) reduced to plain text, for a tooltip."""
    text = re.sub(r"<[^>]+>", "", markdown)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|_|`)", "", text)
    return html.unescape(" ".join(text.split()))


# ---------------------------------------------------------------- block structure: fences and directives
_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|:{3,})[ \t]*(?P<info>.*?)[ \t]*$")
_DIRECTIVE = re.compile(r"^\{(?P<name>[\w:.-]+)\}[ \t]*(?P<argument>.*)$")
_TARGET = re.compile(r"^\((?P<label>[^()\s]+)\)=[ \t]*$")
_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*#*\s*$")


@dataclasses.dataclass
class Directive:
    name: str
    argument: str
    options: dict
    body: str


def _closes(line, fence):
    match = _FENCE.match(line)
    return bool(match and match["fence"][0] == fence[0] and len(match["fence"]) >= len(fence)
                and not match["info"])


def _read_directive(lines, i, fence, name, argument):
    """The directive opened at ``lines[i]``: (Directive, index after its closing fence)."""
    j = i + 1
    options = {}
    if j < len(lines) and lines[j].strip() == "---":  # a YAML block of options
        end = next((k for k in range(j + 1, len(lines)) if lines[k].strip() == "---"), None)
        if end is not None:
            import yaml

            options = yaml.safe_load("\n".join(lines[j + 1:end])) or {}
            j = end + 1
    while j < len(lines) and (match := re.match(r"^\s*:(?P<key>[\w-]+):(?:[ \t]+(?P<value>.*))?$", lines[j])):
        options[match["key"]] = (match["value"] or "").strip()
        j += 1
    body = []
    while j < len(lines) and not _closes(lines[j], fence):
        body.append(lines[j])
        j += 1
    if j >= len(lines):
        raise ValueError(f"directive {{{name}}} is not closed by {fence}")
    return Directive(name, argument.strip(), options, "\n".join(body).strip("\n")), j + 1


def split_blocks(text):
    """``text`` as a list of ("md", markdown) and ("directive", Directive) items; plain code fences stay md."""
    lines, items, plain = text.split("\n"), [], []
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if match and match["info"]:
            directive = _DIRECTIVE.match(match["info"])
            if directive:
                items.append(("md", "\n".join(plain)))
                plain = []
                found, i = _read_directive(lines, i, match["fence"], directive["name"], directive["argument"])
                items.append(("directive", found))
                continue
        if match:  # a plain code fence: copy it through its closing fence untouched
            plain.append(lines[i])
            i += 1
            while i < len(lines) and not _closes(lines[i], match["fence"]):
                plain.append(lines[i])
                i += 1
            if i < len(lines):
                plain.append(lines[i])
                i += 1
            continue
        plain.append(lines[i])
        i += 1
    items.append(("md", "\n".join(plain)))
    return [item for item in items if item[0] == "directive" or item[1].strip()]


def _plain_markdown(text, ctx):
    """Markdown outside directives: drop targets and comments, convert roles (not inside code fences)."""
    out, fence = [], None
    for line in text.split("\n"):
        match = _FENCE.match(line)
        if fence:
            out.append(line)
            if _closes(line, fence):
                fence = None
            continue
        if match:
            fence = match["fence"]
            out.append(line)
            continue
        if _TARGET.match(line.strip()) or line.startswith("%") or line.strip() == "+++":
            continue
        out.append(line)
    text = "\n".join(out)
    return convert_inline(text, ctx) if not fence else text


def _classes(directive):
    return str(directive.options.get("class", "")).split()


def render_directive(d, ctx):
    """One directive as CommonMark + HTML (solution markers are handled by :func:`convert_markdown`)."""
    body = convert_markdown_text(d.body, ctx) if d.body else ""
    classes = _classes(d)
    if d.name in ("admonition", *NAMED_ADMONITIONS):
        title = convert_inline(d.argument, ctx) if d.argument else d.name.capitalize()
        kind = next((c for c in classes if c in BOX_COLOURS), d.name)
        if "dropdown" in classes:
            return folded(title, body)
        return box(kind, title, body)
    if d.name == "dropdown":
        return folded(convert_inline(d.argument, ctx) or "Details", body)
    if d.name == "exercise":
        ctx.rendered += 1
        number = ctx.rendered
        title = f"Exercise {number}" + (f" ({convert_inline(d.argument, ctx)})" if d.argument else "")
        return folded(title, body, "exercise") if "dropdown" in classes else box("exercise", title, body)
    if d.name == "solution":
        return folded(solution_title(d.argument, ctx), body)
    if d.name in ("math", "math:"):
        return f"$$\n{d.body.strip()}\n$$"
    raise UnknownSyntax(f"{ctx.where()}: unknown directive {{{d.name}}}")


def _number_exercise(ctx, label, title):
    entry = (len(ctx.exercises) + 1, title)
    ctx.exercises[label or f"_exercise{entry[0]}"] = entry
    return entry


def solution_title(label, ctx):
    """'Solution to Exercise N (title)', as sphinx-exercise writes it."""
    number, title = ctx.exercises.get(label.strip(), (None, ""))
    if number is None:
        return "Solution"
    return f"Solution to Exercise {number}" + (f" ({convert_inline(title, ctx)})" if title else "")


def convert_markdown_text(text, ctx):
    """A markdown text without solution markers, converted (nested directives included)."""
    pieces = convert_markdown(text, ctx)
    for kind, _value in pieces:
        if kind != "md":
            raise UnknownSyntax(f"{ctx.where()}: a {{solution-start}}/{{solution-end}} marker inside a directive")
    return "\n\n".join(value for _kind, value in pieces)


def convert_markdown(text, ctx):
    """A markdown cell's text → list of ("md", text), ("solution-start", label) and ("solution-end", None)."""
    pieces = []
    for kind, item in split_blocks(text):
        if kind == "md":
            converted = _plain_markdown(item, ctx)
            if converted.strip():
                pieces.append(("md", converted.strip("\n")))
        elif item.name == "solution-start":
            pieces.append(("solution-start", item.argument))
        elif item.name == "solution-end":
            pieces.append(("solution-end", None))
        else:
            pieces.append(("md", render_directive(item, ctx)))
    merged = []
    for kind, value in pieces:  # consecutive markdown pieces form one cell
        if merged and kind == "md" and merged[-1][0] == "md":
            merged[-1] = ("md", merged[-1][1] + "\n\n" + value)
        else:
            merged.append((kind, value))
    return merged


# ---------------------------------------------------------------- the notebook
HIDE_SOURCE = {"remove-cell", "hide-input", "remove-input", "hide-cell"}
HIDE_OUTPUT = {"remove-cell", "hide-output", "remove-output", "hide-cell"}
DROP_MARKDOWN = {"remove-cell", "slide-only"}


def _collect_labels(nb, ctx):
    """Exercise numbers and heading targets, before converting (a {ref} may point forward)."""
    pending = None
    for cell in nb.cells:
        if cell.cell_type != "markdown" or DROP_MARKDOWN & set(cell.metadata.get("tags", [])):
            continue
        for kind, item in split_blocks(cell.source):
            if kind == "directive" and item.name == "exercise":
                _number_exercise(ctx, item.options.get("label", ""), item.argument)
            elif kind == "md":
                for line in item.split("\n"):
                    target = _TARGET.match(line.strip())
                    heading = _HEADING.match(line)
                    if target:
                        pending = target["label"]
                    elif heading and pending:
                        ctx.headings[pending] = plain_text(heading["text"])
                        pending = None


def _markdown_cell(source, metadata, cell_id):
    cell = nbformat.v4.new_markdown_cell(source, metadata=copy.deepcopy(metadata))
    cell.id = cell_id
    return cell


def _hide(cell, source=False, outputs=False):
    jupyter = cell.metadata.get("jupyter", {})
    if source:
        jupyter["source_hidden"] = True
    if outputs:
        jupyter["outputs_hidden"] = True
    if jupyter:
        cell.metadata["jupyter"] = jupyter


def _myst_output(cell, executed_cell):
    """The MyST markdown a display-only code cell shows (``mystnb.markdown_format: myst``), else None."""
    if cell.metadata.get("mystnb", {}).get("markdown_format") != "myst" or executed_cell is None:
        return None
    outputs = executed_cell.get("outputs", [])
    texts = [o["data"]["text/markdown"] for o in outputs if "text/markdown" in o.get("data", {})]
    return "\n\n".join(texts) if texts and len(texts) == len(outputs) else None


def references_cell(ctx):
    """The "References" cell listing every work the notebook cites, by author and year."""
    entries = sorted(ctx.cited, key=lambda k: cite_label(ctx.bibliography.entries[k]))
    lines = [f'- <span id="{_anchor(k)}"></span>{format_reference(ctx.bibliography.entries[k], k)}'
             for k in entries]
    return "## References\n\n" + "\n".join(lines)


def convert_notebook(nb, ctx, executed=None):
    """The reader copy of book notebook ``nb`` (not modified); ``executed``: the same notebook run, for
    display-only MyST outputs (its glue values go in ``ctx.glue``)."""
    nb = copy.deepcopy(nb)
    # the executed copy has the same cells in the same order (ids may be missing in an older build's copy)
    ran = dict(zip((id(c) for c in nb.cells), executed.cells, strict=True)) if executed is not None else {}
    _collect_labels(nb, ctx)
    cells, solution, opened = [], None, False  # solution: its title while inside one; opened: text shown
    for cell in nb.cells:
        tags = set(cell.metadata.get("tags", []))
        if cell.cell_type == "code":
            shown = _myst_output(cell, ran.get(id(cell)))
            if shown is not None:
                cells.append(_markdown_cell(convert_markdown_text(shown, ctx), cell.metadata, cell.id))
                continue
            if solution is not None and not opened:  # a solution that starts with code: say where it is
                cells.append(_markdown_cell(folded(solution, "The code of this solution is in the folded cell "
                                                             "below: click its bar to show it."),
                                            {"slideshow": {"slide_type": "skip"}}, f"{cell.id}-solution"))
                opened = True
            cell.outputs, cell.execution_count = [], None
            if solution is not None:  # a folded cell shows its first line: make that line say what it is
                cell.source = f"# {solution}: the code (click the bar to show it)\n{cell.source}"
            _hide(cell, source=bool(HIDE_SOURCE & tags) or solution is not None,
                  outputs=bool(HIDE_OUTPUT & tags) or solution is not None)
            cells.append(cell)
            continue
        if cell.cell_type != "markdown" or DROP_MARKDOWN & tags:
            if cell.cell_type == "raw":
                cells.append(cell)
            continue
        first = True
        for n, (kind, value) in enumerate(convert_markdown(cell.source, ctx)):
            if kind == "solution-start":
                if solution is not None:
                    raise ValueError(f"{ctx.where()}: a {{solution-start}} inside another solution")
                solution, opened = solution_title(value, ctx), False
                continue
            if kind == "solution-end":
                if solution is None:
                    raise ValueError(f"{ctx.where()}: a {{solution-end}} without its {{solution-start}}")
                solution = None
                continue
            if solution is not None:
                value = folded(f"{solution}, continued" if opened else solution, value)
                opened = True
            metadata = cell.metadata if first else {**cell.metadata, "slideshow": {"slide_type": "-"}}
            cells.append(_markdown_cell(value, metadata, cell.id if first else f"{cell.id}-{n}"))
            first = False
    if solution is not None:
        raise ValueError(f"{ctx.where()}: a {{solution-start}} has no matching {{solution-end}}")
    if ctx.cited:
        cells.append(_markdown_cell(references_cell(ctx), {"slideshow": {"slide_type": "skip"}}, "references"))
    nb.cells = cells
    nb.metadata[MARKER] = {"source": f"book/{ctx.path}", "generated_by": "tools/lab_edition.py"}
    return nb


def solution_parts(nb):
    """The gated solutions of a book notebook: a list of {"label", "texts": [markdown], "codes": [source]}."""
    found, current = [], None
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "code":
            if current is not None:
                current["codes"].append(source)
            continue
        if cell["cell_type"] != "markdown":
            continue
        for kind, item in split_blocks(source):
            if kind == "directive" and item.name == "solution-start":
                current = {"label": item.argument, "texts": [], "codes": []}
                found.append(current)
            elif kind == "directive" and item.name == "solution-end":
                current = None
            elif current is not None and (item if kind == "md" else item.body).strip():
                current["texts"].append((item if kind == "md" else item.body).strip())
    return found


def reader_copy(nb, path, glue, executed=None, book=BOOK):
    """The reader copy of the notebook at ``book/path``, with the book's bibliography and glossary."""
    ctx = Context(glue=glue, bibliography=read_bibliography(book / "references.bib"),
                  glossary=read_glossary(book / "glossary.md"), path=path, docs=book_docs(book))
    return convert_notebook(nb, ctx, executed)


# ---------------------------------------------------------------- make lab: execute, convert, write safely
def toc_notebooks(root=ROOT):
    """The book's notebooks, in table-of-contents order (pages of _toc.yml that are .ipynb files)."""
    import yaml

    found = []

    def walk(node):
        if isinstance(node, dict):
            if "file" in node or "root" in node:
                path = root / (str(node.get("file") or node.get("root")) + ".ipynb")
                if path.exists() and path not in found:
                    found.append(path)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(yaml.safe_load((root / "_toc.yml").read_text()))
    return found


def execute(nb, cwd, timeout=600):
    """Run a copy of ``nb`` in a fresh kernel with live widgets (``KETAMINE_SIM_STATIC`` unset)."""
    from nbclient import NotebookClient

    ran = copy.deepcopy(nb)
    saved = os.environ.pop(STATIC_ENV, None)
    try:
        NotebookClient(ran, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}
                       ).execute()
    finally:
        if saved is not None:
            os.environ[STATIC_ENV] = saved
    return ran


def needs_execution(nb):
    """Whether the reader copy needs values from a run: glue roles, or cells that display MyST."""
    return any(("{glue" in c.source) if c.cell_type == "markdown" else
               c.metadata.get("mystnb", {}).get("markdown_format") == "myst" for c in nb.cells)


def lab_copy(path, book=BOOK):
    """Execute the book notebook at ``path`` (when it glues values) and return its reader copy."""
    nb = nbformat.read(path, as_version=4)
    ran = execute(nb, path.parent) if needs_execution(nb) else None
    return reader_copy(nb, path.relative_to(book).as_posix(), glue_from_notebook(ran) if ran else {}, ran, book)


def _inputs_hash(path, root=ROOT):
    digest = hashlib.sha256()
    files = [path, root / "book" / "references.bib", root / "book" / "glossary.md", pathlib.Path(__file__)]
    files += sorted(p for p in (root / "code").rglob("*.py") if "__pycache__" not in p.parts)
    for file in files:
        if file.exists():
            digest.update(file.as_posix().encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def cells_hash(nb):
    """What a student can edit: cell types and sources (not outputs, counts or metadata)."""
    cells = nb["cells"] if isinstance(nb, dict) else nb.cells
    text = json.dumps([[c["cell_type"], "".join(c["source"])] for c in cells])
    return hashlib.sha256(text.encode()).hexdigest()


def write_safely(target, nb, stamp_entry):
    """Write ``nb`` at ``target`` unless a student edited the copy there: then move theirs aside first.

    Returns the path the student's copy was moved to, or None."""
    moved = None
    if target.exists():
        current = json.loads(target.read_text())
        if cells_hash(current) != (stamp_entry or {}).get("cells"):
            when = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
            moved = target.with_name(f"{target.stem}.edited-{when}.ipynb")
            target.rename(moved)
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)
    return moved


def _copy_images(nb_path, target, book=BOOK):
    """Relative images of the notebook's markdown, next to the copy (e.g. a card's ``img/…svg``)."""
    text = "\n".join("".join(c["source"]) for c in json.loads(nb_path.read_text())["cells"])
    for src in re.findall(r"!\[[^\]]*\]\(([^)\s]+)", text) + re.findall(r'<img[^>]+src="([^"]+)"', text):
        if "://" in src or src.startswith(("/", "data:")):
            continue
        source, dest = nb_path.parent / src, target.parent / src
        if source.is_file() and (not dest.exists() or dest.stat().st_mtime < source.stat().st_mtime):
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest)


def build_lab(out, notebooks=None, log=print):
    """Write the reader copy of every book notebook under ``out`` (mirroring book/), only where an input
    changed; returns the list of (notebook, action)."""
    out = pathlib.Path(out)
    stamp_path = out / STAMP_NAME
    stamp = json.loads(stamp_path.read_text()) if stamp_path.exists() else {}
    done = []
    for path in notebooks or toc_notebooks():
        rel = path.relative_to(BOOK).as_posix()
        target = out / rel
        inputs = _inputs_hash(path)
        entry = stamp.get(rel)
        _copy_images(path, target)
        if target.exists() and entry and entry.get("inputs") == inputs:
            done.append((rel, "up to date"))
            log(f"{rel}: up to date")
            continue
        nb = lab_copy(path)
        moved = write_safely(target, nb, entry)
        stamp[rel] = {"inputs": inputs, "cells": cells_hash(nb)}
        stamp_path.parent.mkdir(parents=True, exist_ok=True)
        stamp_path.write_text(json.dumps(stamp, indent=1))
        if moved:
            log(f"!! {rel}: your edited copy was kept as {moved.relative_to(out)}; {rel} is the new reader copy")
        done.append((rel, "written"))
        log(f"{rel}: reader copy written")
    return done


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "lab")
    parser.add_argument("notebooks", nargs="*", type=pathlib.Path, help="book notebooks (default: the book's)")
    args = parser.parse_args(argv)
    build_lab(args.out.resolve(), [p.resolve() for p in args.notebooks] or None)


if __name__ == "__main__":
    sys.exit(main())
