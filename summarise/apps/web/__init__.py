"""The Gradio web app: paste, upload or fetch a page, then summarise it and ask about it.

:mod:`~summarise.apps.web.app` lays out the page and serves it;
:mod:`~summarise.apps.web.handlers` is what each event and named endpoint does.
"""
