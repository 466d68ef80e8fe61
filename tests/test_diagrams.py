"""Build-time diagrams: accessible inline SVG from graphviz, the cascade map's highlight, bad input."""

import re
import shutil

import pytest

from ketamine_sim import diagrams, style
from ketamine_sim.diagrams import STAGES, Edge, Node, cascade_map, circuit_diagram, diagram

pytestmark = pytest.mark.skipif(shutil.which("dot") is None and not __import__("os").environ.get("CI"),
                                reason=diagrams.INSTALL_GRAPHVIZ)


_NODE = re.compile(r'<g id="([^"]+)" class="node">.*?\n</g>\n', re.S)


def _nodes(svg):
    """{node id: its <g> element's markup}."""
    return {m.group(1).rsplit(";", 1)[-1]: m.group(0) for m in _NODE.finditer(svg)}


def _without_nodes_and_text(svg):
    return re.sub(r'aria-label="[^"]*"|<title id=.*?</desc>', "", _NODE.sub("", svg), flags=re.S)


def test_svg_is_inline_with_role_label_title_and_desc():
    d = cascade_map("receptor")
    assert d.svg.startswith("<svg ") and "<?xml" not in d.svg and "<!DOCTYPE" not in d.svg
    head = d.svg[:d.svg.index(">")]
    assert 'role="img"' in head and 'aria-label="Where we are: the receptor stage' in head
    assert re.search(r"<title id=\"cascade-map-title\">[^<]*receptor stage", d.svg)
    desc = re.search(r"<desc id=\"cascade-map-desc\">([^<]+)</desc>", d.svg).group(1)
    for stage in STAGES:
        assert stage in desc.lower()
    assert "This chapter covers the receptor stage" in desc
    assert 'aria-describedby="cascade-map-desc"' in head


def test_nodes_have_readable_ids_and_plain_word_labels():
    svg = cascade_map("dose").svg
    ids = re.findall(r'<g id="([^"]+)" class="node">', svg)
    assert ids == [f"cascade&#45;map&#45;{s}" for s in STAGES]
    for words in ("ketamine reaches the brain", "it plugs NMDA receptors", "BDNF builds new spines"):
        assert words in svg


def test_highlight_changes_only_the_highlighted_node():
    a, b = cascade_map("receptor").svg, cascade_map("surge").svg
    na, nb = _nodes(a), _nodes(b)
    assert na.keys() == nb.keys() == set(STAGES)
    assert {k for k in na if na[k] != nb[k]} == {"receptor", "surge"}
    assert "this chapter" in na["receptor"] and "this chapter" not in nb["receptor"]
    assert 'stroke-width="4"' in na["receptor"] and 'stroke-width="4"' not in nb["receptor"]
    # edges, background and layout stay put: only the text alternative names another stage
    assert _without_nodes_and_text(a) == _without_nodes_and_text(b)


def test_stage_colours_are_the_books_actor_colours():
    svg = cascade_map("circuit").svg
    for actor in ("ketamine", "glutamate", "gaba", "bdnf"):
        assert f'stroke="{style.color(actor).lower()}"' in svg


def test_bad_stage_names_the_allowed_ones():
    with pytest.raises(ValueError, match="highlight='synapse'.*'dose', 'receptor', 'circuit', 'surge', "
                                         "'synapses', 'mood'"):
        cascade_map("synapse")


def test_the_same_diagram_is_the_same_bytes_every_build():
    assert cascade_map("mood").svg == cascade_map("mood").svg
    assert circuit_diagram().svg == circuit_diagram().svg


def test_circuit_diagram_shows_where_ketamine_acts():
    d = circuit_diagram()
    assert 'role="img"' in d.svg and "interneuron" in d.description and "pyramidal" in d.description
    for node in ("ketamine", "nmda", "interneuron", "pyramidal", "surge"):
        assert f'id="circuit&#45;disinhibition&#45;{node}"' in d.svg
    assert 'stroke-dasharray' in d.svg  # the block is drawn dashed
    assert d._repr_html_().startswith('<figure class="ks-diagram"') and "background:#ffffff" in d._repr_html_()


@pytest.mark.parametrize("kwargs, name", [
    (dict(nodes=[Node("a", "A"), Node("a", "B")], edges=[]), "nodes"),
    (dict(nodes=[Node("a", "A")], edges=[Edge("a", "b")]), "edge end"),
    (dict(nodes=[Node("a", "A")], edges=[], highlight="z"), "highlight"),
    (dict(nodes=[Node("a", "A")], edges=[], rankdir="RL"), "rankdir"),
    (dict(nodes=[Node("a", "A")], edges=[], title=" "), "title"),
])
def test_diagram_checks_its_input(kwargs, name):
    args = {**dict(name="x", title="T", description="D"), **kwargs}
    with pytest.raises(ValueError, match=name):
        diagram(**args)


@pytest.mark.parametrize("make, name", [
    (lambda: Node("1a", "A"), "id"), (lambda: Node("a", ""), "label"), (lambda: Node("a", "A", "caffeine"), "actor"),
    (lambda: Node("a", "A", shape="star"), "shape"), (lambda: Edge("a", "b", "tickles"), "kind"),
    (lambda: diagram("Bad Name", [Node("a", "A")], [], "T", "D"), "name"),
])
def test_records_check_their_input(make, name):
    with pytest.raises(ValueError, match=name):
        make()


def test_missing_dot_tells_the_reader_to_install_graphviz(monkeypatch):
    monkeypatch.setattr(diagrams.shutil, "which", lambda name: None)
    diagrams._run_dot.cache_clear()
    with pytest.raises(RuntimeError, match="install graphviz.*apt-get install graphviz"):
        diagram("missing", [Node("a", "A")], [], "T", "D")
    diagrams._run_dot.cache_clear()
