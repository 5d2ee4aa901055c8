"""Language resources every stage shares: sentence splitting, word tokens for search,
stop words by language, month names by language and name particles.

One source for each, so the cleaner, the passage search and the claim checker read the
same lists.
"""
