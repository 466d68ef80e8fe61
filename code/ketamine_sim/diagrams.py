"""Pathway and circuit diagrams, drawn as SVG by graphviz's ``dot`` when a notebook runs.

A diagram is a list of :class:`Node` and :class:`Edge` records; :func:`diagram` lays it out with ``dot`` (Debian
package ``graphviz``) and returns a :class:`Diagram` whose HTML is the SVG inlined in the page, with
``role="img"``, an ``aria-label`` and a ``<title>``/``<desc>`` that say what it shows, on an opaque light card
that stays readable in the book's dark mode and in JupyterLab.  No JavaScript, no image file, no network.

:func:`cascade_map` draws the book's map of the mechanism with one chapter's stage highlighted;
:func:`circuit_diagram` the disinhibition circuit (a pyramidal cell, a fast-spiking interneuron, ketamine).
"""

import functools
import re
import shutil
import subprocess
from dataclasses import dataclass
from html import escape

from ketamine_sim import style
from ketamine_sim._checks import one_of

INSTALL_GRAPHVIZ = ("graphviz's `dot` program was not found: install graphviz to draw the book's diagrams "
                    "(Debian/Ubuntu: `sudo apt-get install graphviz`; macOS: `brew install graphviz`)")
FONT = "DejaVu Sans,Helvetica,Arial,sans-serif"
INK = "#14181e"  # text and lines: 16:1 on the white card
KINDS = {  # edge kind -> (arrowhead, line style, phrase used in the text alternative)
    "excites": ("normal", "solid", "excites"),
    "inhibits": ("tee", "solid", "inhibits"),
    "blocks": ("tee", "dashed", "blocks"),
    "leads to": ("normal", "solid", "leads to"),
}
SHAPES = ("box", "triangle", "circle", "ellipse", "hexagon", "plain")


@dataclass(frozen=True)
class Node:
    """One box of a diagram: a readable ``id`` (letters, digits, ``_``), its ``label`` and the actor colour."""

    id: str
    label: str
    actor: str = "reference"
    shape: str = "box"
    bold: bool = False

    def __post_init__(self):
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", self.id):
            raise ValueError(f"id={self.id!r} must start with a letter and hold only letters, digits and _")
        if not self.label.strip():
            raise ValueError(f"label={self.label!r} of node {self.id!r} must not be empty")
        style.color(self.actor)  # ValueError listing the actors
        one_of("shape", self.shape, SHAPES)


@dataclass(frozen=True)
class Edge:
    """An arrow from ``source`` to ``target`` (node ids); ``kind`` is one of :data:`KINDS`."""

    source: str
    target: str
    kind: str = "leads to"
    label: str = ""

    def __post_init__(self):
        one_of("kind", self.kind, tuple(KINDS))


@dataclass(frozen=True)
class Diagram:
    """A drawn diagram: ``svg`` (inline markup), its ``title`` and ``description`` (the text alternative)."""

    name: str
    svg: str
    title: str
    description: str

    def _repr_html_(self):
        return (f'<figure class="ks-diagram" style="margin:1em 0;padding:8px;background:#ffffff;color:{INK};'
                f'border:1px solid #9ca4af;border-radius:6px;max-width:100%;overflow-x:auto">{self.svg}</figure>')


def _dot_binary():
    dot = shutil.which("dot")
    if dot is None:
        raise RuntimeError(INSTALL_GRAPHVIZ)
    return dot


@functools.lru_cache(maxsize=64)
def _run_dot(source):
    """SVG text from dot source (cached: a notebook may draw the same map twice)."""
    proc = subprocess.run([_dot_binary(), "-Tsvg"], input=source, capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        raise RuntimeError(f"dot failed: {proc.stderr.strip()}")
    return proc.stdout


def _quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _tint(hex_colour, share):
    """``hex_colour`` mixed with white (``share`` of the colour): a pale fill that keeps dark text legible."""
    rgb = [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - share * (255 - c)):02x}" for c in rgb)


def _label(text, bold):
    """An HTML-like dot label: lines split on ``\\n``, the first one bold when asked."""
    lines = [escape(line) for line in text.split("\n")]
    if bold:
        lines[0] = f"<B>{lines[0]}</B>"
    return "<" + "<BR/>".join(lines) + ">"


def _node_line(name, node, width_in=None, height_in=None, highlight=False):
    colour = style.color(node.actor)
    attrs = {"id": _quote(f"{name}-{node.id}"), "label": _label(node.label, node.bold or highlight),
             "shape": node.shape, "color": _quote(colour), "fillcolor": _quote(_tint(colour, 0.45 if highlight
                                                                                      else 0.12)),
             "penwidth": "4" if highlight else "1.5", "style": '"filled,rounded"' if node.shape == "box"
             else "filled"}
    if width_in:
        attrs.update(width=f"{width_in}", height=f"{height_in}", fixedsize="true")
    return f"  {node.id} [" + " ".join(f"{k}={v}" for k, v in attrs.items()) + "];"


def _edge_line(name, i, edge):
    head, line, _ = KINDS[edge.kind]
    attrs = {"id": _quote(f"{name}-edge{i}"), "arrowhead": head, "style": line, "penwidth": "2",
             "color": _quote(INK)}
    if edge.label:
        attrs["label"] = _quote(" " + edge.label + " ")
    return f"  {edge.source} -> {edge.target} [" + " ".join(f"{k}={v}" for k, v in attrs.items()) + "];"


def _accessible(svg, name, title, description):
    """Inline-ready SVG: no XML prolog, ``role``/``aria-label``, a ``<title>`` and ``<desc>``, fluid width."""
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<!--.*?-->\n?", "", svg, flags=re.S)
    width = re.search(r'<svg width="([\d.]+)pt"', svg).group(1)
    width_px = round(float(width) * 4 / 3)
    svg = re.sub(r'<svg width="[\d.]+pt" height="[\d.]+pt"',
                 f'<svg id="{name}" role="img" aria-label="{escape(title)}" aria-describedby="{name}-desc" '
                 f'width="100%" style="max-width:{width_px}px;height:auto;display:block;'
                 f'margin:0 auto"', svg, count=1)
    head = svg.index(">", svg.index("<svg")) + 1
    text = f'\n<title id="{name}-title">{escape(title)}</title>\n<desc id="{name}-desc">{escape(description)}</desc>'
    return svg[:head] + text + svg[head:]


def diagram(name, nodes, edges, title, description, rankdir="TB", highlight=None, size_in=None):
    """Draw ``nodes`` and ``edges`` as an accessible inline SVG :class:`Diagram`.

    ``name`` prefixes every element id (unique per page); ``title`` and ``description`` are the text alternative
    (say what the diagram shows, not that it is a diagram); ``rankdir`` "TB" (top to bottom, best on a phone)
    or "LR"; ``highlight`` a node id drawn with a thick border and a stronger fill; ``size_in`` (width, height)
    fixes every node's size in inches so that highlighting one node moves no other.
    """
    if not re.fullmatch(r"[a-z][a-z0-9-]*", name):
        raise ValueError(f"name={name!r} must be lower case letters, digits and - (it prefixes element ids)")
    one_of("rankdir", rankdir, ("TB", "LR"))
    ids = [n.id for n in nodes]
    if len(set(ids)) != len(ids):
        raise ValueError(f"nodes={ids} hold a repeated id")
    if highlight is not None:
        one_of("highlight", highlight, tuple(ids))
    for edge in edges:
        for end in (edge.source, edge.target):
            one_of("edge end", end, tuple(ids))
    for label, text in (("title", title), ("description", description)):
        if not text or not text.strip():
            raise ValueError(f"{label}={text!r} must describe the diagram")
    width, height = size_in or (None, None)
    lines = [f"digraph {_quote(name)} {{",
             f'  graph [id={_quote(name + "-graph")} rankdir={rankdir} bgcolor="white" pad="0.15" nodesep="0.3" '
             f'ranksep="0.3" fontname={_quote(FONT)}];',
             f'  node [fontname={_quote(FONT)} fontsize="15" fontcolor={_quote(INK)} margin="0.12,0.06"];',
             f'  edge [fontname={_quote(FONT)} fontsize="14" fontcolor={_quote(INK)} arrowsize="0.9"];',
             *(_node_line(name, n, width, height, n.id == highlight) for n in nodes),
             *(_edge_line(name, i, e) for i, e in enumerate(edges)),
             "}"]
    return Diagram(name, _accessible(_run_dot("\n".join(lines)), name, title, description), title, description)


# The book's cascade: one stage per part of the mechanism, in the order the book tells it
STAGES = ("dose", "receptor", "circuit", "surge", "synapses", "mood")
_STAGE_TEXT = {
    "dose": ("Dose", "ketamine reaches the brain", "ketamine"),
    "receptor": ("Receptor", "it plugs NMDA receptors", "glutamate"),
    "circuit": ("Circuit", "inhibitory cells quieten", "gaba"),
    "surge": ("Surge", "a burst of glutamate", "glutamate"),
    "synapses": ("Synapses", "BDNF builds new spines", "bdnf"),
    "mood": ("Mood", "symptoms lift within a day", "ampa"),
}


def cascade_map(highlight):
    """The book's cascade, dose → receptor → circuit → surge → synapses → mood, with ``highlight`` marked.

    ``highlight`` is one of :data:`STAGES`: the stage the chapter treats, drawn with a thick border and the
    words "this chapter"; the text alternative names it too.
    """
    one_of("highlight", highlight, STAGES)
    nodes = [Node(stage, f"{head}\n{words}" + ("\n▶ this chapter" if stage == highlight else ""), actor, bold=True)
             for stage, (head, words, actor) in _STAGE_TEXT.items()]
    edges = [Edge(a, b) for a, b in zip(STAGES, STAGES[1:], strict=False)]
    chain = "; then ".join(f"{head.lower()}: {words}" for head, words, _ in _STAGE_TEXT.values())
    here = _STAGE_TEXT[highlight][0].lower()
    return diagram("cascade-map", nodes, edges, title=f"Where we are: the {here} stage of the ketamine cascade",
                   description=f"A chain of six stages, from top to bottom: {chain}. "
                               f"This chapter covers the {here} stage, drawn with a thick border.",
                   highlight=highlight, size_in=(3.1, 0.8))


def circuit_diagram():
    """The disinhibition circuit: an interneuron brakes a pyramidal cell; ketamine blocks the brake's drive."""
    nodes = [
        Node("ketamine", "Ketamine", "ketamine", "ellipse", bold=True),
        Node("nmda", "NMDA receptors\non the interneuron", "glutamate"),
        Node("interneuron", "Fast-spiking\ninterneuron (GABA)", "interneuron", "ellipse", bold=True),
        Node("pyramidal", "Pyramidal\ncell", "pyramidal", "triangle", bold=True),
        Node("surge", "Glutamate surge\nto other cells", "glutamate"),
    ]
    edges = [
        Edge("ketamine", "nmda", "blocks", "blocks"),
        Edge("nmda", "interneuron", "excites", "drive"),
        Edge("interneuron", "pyramidal", "inhibits", "GABA"),
        Edge("pyramidal", "interneuron", "excites", "glutamate"),
        Edge("pyramidal", "surge", "leads to"),
    ]
    return diagram("circuit-disinhibition", nodes, edges,
                   title="Disinhibition: ketamine blocks the interneuron's NMDA receptors, releasing the "
                         "pyramidal cell",
                   description="Ketamine blocks NMDA receptors on a fast-spiking GABA interneuron. Those receptors "
                               "drive the interneuron, which inhibits a pyramidal cell; the pyramidal cell excites "
                               "the interneuron in return. With the interneuron's drive blocked, the brake weakens "
                               "and the pyramidal cell sends a glutamate surge to other cells.")
