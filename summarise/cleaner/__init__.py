"""The cleaner's stages: blocks, features, the line classifier, the title, HTML."""
