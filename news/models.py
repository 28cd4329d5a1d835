"""The app's models, for Django: authors, the news index of each language and its articles."""

from .articles import ArticlePage
from .authors import Author
from .index_page import NewsIndexPage

__all__ = ["ArticlePage", "Author", "NewsIndexPage"]
