"""The researchers' site: pages, feeds, downloads of result lists, the article text with its
statements marked, and error pages. Views are thin: searching is archive.search's."""
