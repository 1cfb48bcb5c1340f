"""Catalog views: public pages (pages.py) and the instructor review of a draft (review.py)."""
