"""How entity types and relations look: colours and map shapes, shared by the maps and the GEXF export.

Names are not here: they are the ontology's labels (:func:`graphtool.vocab.label`). Imports nothing.
"""

from __future__ import annotations

# type -> (colour, vis shape); the names come from the ontology's labels (graphtool.vocab.label)
NODE_STYLES: dict[str, tuple[str, str]] = {
    "Donor": ("#d62728", "star"),
    "Program": ("#ff7f0e", "hexagon"),
    "Project": ("#e6b800", "diamond"),
    "Community": ("#1f77b4", "dot"),
    "PartnerCity": ("#17becf", "triangle"),
    "Organization": ("#2ca02c", "square"),
    "Country": ("#9467bd", "triangleDown"),
    "Plan": ("#8c564b", "square"),
    "StrategicGoal": ("#bcbd22", "dot"),
    "OperationalGoal": ("#c5b0d5", "dot"),
    "Task": ("#c7c7c7", "dot"),
    "Measure": ("#7f7f7f", "dot"),
    "FundingSource": ("#e377c2", "diamond"),
}
DEFAULT_NODE_STYLE = ("#999999", "dot")  # a type the ontology adds later is drawn, in grey, until it gets a colour
# relation -> colour; likewise named by the ontology
RELATION_COLOURS: dict[str, str] = {
    "funds": "#d62728",
    "implements": "#2ca02c",
    "partOf": "#ff7f0e",
    "locatedIn": "#1f77b4",
    "partnerOf": "#17becf",
    "inCountry": "#9467bd",
    "responsibleExecutor": "#98df8a",
    "fundingSource": "#e377c2",
    "planOf": "#8c564b",
}
DEFAULT_RELATION_COLOUR = "#999999"
