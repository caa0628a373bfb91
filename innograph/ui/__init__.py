"""The Streamlit explorer: thin pages over the store, the canned queries and the notebook API.

``app.py`` is the script ``streamlit run`` executes (``innograph ui`` starts it) and
``pages.py`` the frame and navigation; each page is a module with a ``render()``
(overview, actor, network, paths, queries, cypher, load, export). Shared pieces:
``session`` opens the store once per process and reads read-only, ``reads`` holds the
few read queries the pages need that are not canned queries, ``graphview`` draws actors
and ties with pyvis in the ontology's types, ``results`` shows any query result as a
table, a CSV and a picture, ``widgets`` the actor picker and highlighted evidence.
"""
