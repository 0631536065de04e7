"""The question deck's themed packs: one module per pack (see base.py).

A couple switches packs on and off; every card keeps its key for ever,
since rounds store it. How to write a card: docs/content.md.
"""
