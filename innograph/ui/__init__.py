"""The Streamlit explorer: one module per page, each a thin ``render()`` over the store and queries.

``app.py`` is the script ``streamlit run`` executes (``innograph ui`` starts it);
``session`` opens the store once per process, ``reads`` holds the few read queries the
pages need that are not canned queries, ``graphview`` draws actors and ties with pyvis.
"""
