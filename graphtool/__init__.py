"""graphtool: Ukrainian community documents -> a knowledge graph of donors, programs and places."""

__version__ = "0.1.0"
