"""Thin MkDocs adapter around the generator. All logic lives in ``generator``."""
