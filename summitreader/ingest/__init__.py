"""Turning files people save news in into `ParsedArticle`s."""
