"""Graph stores: the contract (``store``) and its two engines, imported only when opened.

``open_store(location)`` gives the embedded FalkorDB store for a directory and the
Neo4j store for a bolt:// or neo4j:// URI; both speak the same parameterised Cypher
and return rows of plain Python (see ``values``).
"""

from innograph.graph.store import Dialect, Row, Store, WriteStats, default_location, is_neo4j_uri, open_store

__all__ = ["Dialect", "Row", "Store", "WriteStats", "default_location", "is_neo4j_uri", "open_store"]
