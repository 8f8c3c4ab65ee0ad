"""Language analysis (Qt-free): quotes with their speakers, and entities with canonical names."""

from summitreader.nlp.analyser import ANALYSER_VERSION, Analyser
from summitreader.nlp.corrections import Corrections, shipped_corrections_path, vote_type
from summitreader.nlp.types import ArticleAnalysis, EntityResult, Mention, QuoteResult

__all__ = [
    "ANALYSER_VERSION",
    "Analyser",
    "ArticleAnalysis",
    "Corrections",
    "EntityResult",
    "Mention",
    "QuoteResult",
    "shipped_corrections_path",
    "vote_type",
]
